// `openapi`: a plain OpenAPI 3.0/3.1 or Swagger 2.0 file, JSON or YAML.
import { parseStructured } from '../parse/structured-text.js';
import type { Importer } from './importer.js';
import { fragmentFromDocument } from './openapi-document.js';

export const openapiImporter: Importer = {
  name: 'openapi',
  description: 'a plain OpenAPI 3.0/3.1 or Swagger 2.0 document, JSON or YAML',
  detect(page) {
    const head = page.text.slice(0, 4096);
    if (/^\s*\{[\s\S]*"(openapi|swagger)"\s*:/.test(head)) return 1;
    if (/^(openapi|swagger)\s*:/m.test(head) && !/^```/m.test(head)) return 0.95;
    return 0;
  },
  async importPage(page) {
    const { result, diagnostics } = parseStructured(page.text, { file: page.path });
    if (!result) return { diagnostics };
    return fragmentFromDocument(result, page.path);
  },
};
