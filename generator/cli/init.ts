// `specmill init`: a starter project in the current folder, a commented specmill.config.ts and one
// example API with one page, so that `specmill generate` works at once. It never overwrites a file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INIT_SCRIPTS, runsVerb } from '../core/command-hint.js';
import { error, SpecmillError, warning, type Diagnostic } from '../core/diagnostics.js';

const CONFIG = `// specmill's config: which APIs to build, where their pages are, where the clients go.
// Each API's pages live in specs/<api>/sources/; \`specmill generate\` writes specs/<api>/openapi.yaml
// and one typed client per API into the output folder. A wrong key is an error naming it.
import { defineConfig } from 'specmill/config';

export default defineConfig({
  // The generated npm package, with one entry per API: \`my-api-clients/example\`.
  output: { dir: 'generated', packageName: 'my-api-clients' },
  apis: {
    // The key is the API's folder under specs/: lowercase words joined by "-".
    example: {
      title: 'Example API', // instead of the title the pages give
      // sources: 'docs/example',         // pages elsewhere than specs/example/sources
      // overlays: 'fixes/example',       // Overlay 1.0 corrections; default specs/example/overlays
      // format: 'openapi-in-markdown',   // one page format for every page instead of detecting it
      // Defaults of the generated client; create<Api>Client({ ... }) still overrides them:
      // client: { baseUrl: 'https://api.example.com', retry: { maxRetries: 4 }, timeoutMs: 10_000 },
    },
  },
  // Relax redocly rules (redocly.yaml holds the rest) while the docs are incomplete:
  // lint: { rules: { 'operation-4xx-response': 'off' } },
  // Two different schemas under one name is an error instead of a warning:
  // strict: true,
  // No x-pagination (nor offset/limit parameters) added where the pages show paging:
  // infer: { pagination: false },
});
`;

const EXAMPLE_PAGE = `# Get a widget

## GET /widgets/{widgetId}

Returns one widget by its id. Replace this page with the pages of your API's reference docs,
unchanged: specmill detects each page's format.

\`\`\`yaml
openapi: 3.0.3
info:
  title: Example API
  version: 1.0.0
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
paths:
  /widgets/{widgetId}:
    get:
      operationId: getWidget
      tags: [Widgets]
      parameters:
        - name: widgetId
          in: path
          required: true
          schema: { type: string }
      responses:
        '200':
          description: The widget.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Widget' }
        '404':
          description: No widget has this id.
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  schemas:
    Widget:
      type: object
      required: [id, name]
      properties:
        id: { type: string }
        name: { type: string }
\`\`\`
`;

const REDOCLY = `# Lint rules for the specs under specs/ (\`specmill lint\`, and \`specmill generate\` before it writes).
extends:
  - recommended
rules:
  # The generated client's method names come from operation ids.
  operation-operationId: error
  operation-summary: error
  # Docs pages rarely state a license, and often leave auth to an overlay.
  info-license: off
  security-defined: warn
  tag-description: off
`;

export interface InitResult {
  written: string[];
  /** The npm scripts added to package.json (`generate`, `check`, `lint`). */
  scripts: string[];
  diagnostics: Diagnostic[];
}

/** Writes the starter files into `root`; throws, writing nothing, when one of them exists. */
export function initProject(root: string): InitResult {
  const required: [string, string][] = [
    ['specmill.config.ts', CONFIG],
    ['specs/example/sources/get-widget.md', EXAMPLE_PAGE],
  ];
  const existing = required.filter(([file]) => existsSync(path.join(root, file))).map(([file]) => file);
  if (existing.length > 0) {
    throw new SpecmillError(existing.map((file) => error('already exists; specmill init writes only new files (move it away to start over)', { file })));
  }
  const manifest = readManifest(root);
  const diagnostics: Diagnostic[] = [...manifest.diagnostics];
  const written: string[] = [];
  // redocly.yaml is shared with other tools: an existing one is kept as it is.
  for (const [file, text] of [...required, ['redocly.yaml', REDOCLY] as [string, string]]) {
    const target = path.join(root, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    // 'wx' so that a file appearing since the check is still not overwritten.
    writeFileSync(target, text, { flag: 'wx' });
    written.push(file);
  }
  const scripts = manifest.value ? addScripts(root, manifest, diagnostics) : [];
  if (!manifest.exists) written.push('package.json');
  return { written, scripts, diagnostics };
}

interface Manifest {
  exists: boolean;
  /** The parsed package.json (a new one when there is none); undefined when it cannot be read. */
  value?: Record<string, unknown>;
  indent: string;
  diagnostics: Diagnostic[];
}

function readManifest(root: string): Manifest {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return { exists: false, value: { private: true }, indent: '  ', diagnostics: [] };
  const text = readFileSync(file, 'utf8');
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return { exists: true, value: value as Record<string, unknown>, indent: /^\{\r?\n([ \t]+)/.exec(text)?.[1] ?? '  ', diagnostics: [] };
  } catch {
    return { exists: true, indent: '  ', diagnostics: [warning('not a JSON object; the generate, check and lint scripts were not added', { file: 'package.json' })] };
  }
}

/**
 * Adds the `generate`, `check` and `lint` scripts that specmill's hints name, keeping any script of
 * the same name that does something else (with a warning saying how to run specmill's instead).
 */
function addScripts(root: string, manifest: Manifest, diagnostics: Diagnostic[]): string[] {
  const value = manifest.value!;
  const scripts = typeof value.scripts === 'object' && value.scripts !== null && !Array.isArray(value.scripts) ? { ...(value.scripts as Record<string, unknown>) } : {};
  const added: string[] = [];
  for (const [name, command] of Object.entries(INIT_SCRIPTS)) {
    const verb = command.split(' ')[1]!;
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (!runsVerb(scripts[name], verb)) {
      diagnostics.push(warning(`scripts.${name} already runs something else; kept it. Run specmill's with \`npx specmill ${verb}\``, { file: 'package.json' }));
    }
  }
  if (added.length === 0 && manifest.exists) return [];
  const text = `${JSON.stringify({ ...value, scripts }, null, manifest.indent)}\n`;
  writeFileSync(path.join(root, 'package.json'), text, manifest.exists ? {} : { flag: 'wx' });
  return added;
}
