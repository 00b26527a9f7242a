// Which APIs specmill builds, where their pages are and where the clients go.
// Each API's pages live in specs/<api>/sources/; its spec is written to specs/<api>/openapi.yaml.
import { defineConfig } from './generator/config/config.js';

export default defineConfig({
  output: { dir: 'generated', packageName: 'specmill-clients' },
  apis: {
    'softwareone-marketplace': { title: 'SoftwareOne Marketplace API' },
    'elastic-cloud': { title: 'Elastic Cloud API' },
    'cloud-foundry': { title: 'Cloud Foundry V3 API' },
    flowkiwi: { title: 'Flowkiwi API' },
  },
});
