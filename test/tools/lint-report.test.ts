// What generate says about redocly's findings: problems at the spec that will be written (never the
// temporary file lint read) and at the page they came from; warnings counted per rule unless
// --verbose; and a config's client.baseUrl as the server of a spec whose pages name none.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatWarningSummary, sourceOf, summarizeWarnings } from '../../generator/tools/lint-report.js';
import type { LintProblem } from '../../generator/tools/redocly.js';
import { ROOT } from '../helpers.js';
import { runCli } from '../support/run-cli.js';

describe('sourceOf', () => {
  const spec = {
    paths: {
      '/a/{b}': { get: { 'x-specmill-source': 'specs/x/sources/a.md:3:1', responses: { '200': { description: 'OK' } }, parameters: [{ name: 'b' }] } },
    },
    components: { schemas: { 'A~B': { 'x-specmill-sources': ['specs/x/sources/b.md:7:2', 'specs/x/sources/c.md:1:1'], properties: { id: { type: 'string' } } } } },
  };

  it.each([
    ['#/paths/~1a~1{b}/get/responses/200', 'specs/x/sources/a.md:3:1'],
    ['#/paths/~1a~1%7Bb%7D/get/parameters/0/name', 'specs/x/sources/a.md:3:1'],
    ['#/components/schemas/A~0B/properties/id', 'specs/x/sources/b.md:7:2'],
    ['#/paths/~1a~1{b}/get/missing/deeper', 'specs/x/sources/a.md:3:1'],
    ['#/info', undefined],
    ['#/', undefined],
  ])('%s -> %s', (pointer, source) => {
    expect(sourceOf(spec, pointer)).toBe(source);
  });
});

describe('the warning summary', () => {
  const problem = (ruleId: string, severity: 'warn' | 'error' = 'warn'): LintProblem => ({ ruleId, severity, message: 'm', file: 'f', pointer: '#/' });

  it('counts warnings per rule, most frequent first, errors left out', () => {
    const many = [...Array.from({ length: 1200 }, () => problem('operation-4xx-response')), problem('security-defined'), problem('tag-description'), problem('tag-description'), problem('no-empty-servers', 'error')];
    const summary = summarizeWarnings(many);
    expect(summary).toEqual({ total: 1203, rules: [['operation-4xx-response', 1200], ['tag-description', 2], ['security-defined', 1]] });
    expect(formatWarningSummary(summary, 'npm run lint')).toBe(
      'specmill: redocly lint: 1,203 warnings on the new specs (`npm run lint` or `--verbose` prints each):\n' +
        '  1,200  operation-4xx-response\n' +
        '      2  tag-description\n' +
        '      1  security-defined',
    );
    expect(formatWarningSummary(summarizeWarnings([problem('x')]), undefined)).toBe('specmill: redocly lint: 1 warning on the new specs (`--verbose` prints each):\n  1  x');
  });
});

const PAGE = (operation: string) => `# ${operation}

## GET /${operation}

\`\`\`yaml
openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
paths:
  /${operation}:
    get:
      operationId: ${operation}
      summary: ${operation}
      responses: { '200': { description: OK } }
\`\`\`
`;

describe('generate and redocly lint, through the CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-lint-report-'));
    mkdirSync(path.join(dir, 'specs/things/sources'), { recursive: true });
    writeFileSync(path.join(dir, 'specs/things/sources/get-one.md'), PAGE('getOne'));
    writeFileSync(path.join(dir, 'specs/things/sources/get-two.md'), PAGE('getTwo'));
    writeFileSync(path.join(dir, 'redocly.yaml'), readFileSync(path.join(ROOT, 'redocly.yaml')));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, scripts: { lint: 'specmill lint' } }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('no server and no baseUrl: the error points at the spec to be written, says what to do, and nothing is written', () => {
    writeFileSync(path.join(dir, 'specmill.config.mjs'), 'export default { apis: { things: {} } };\n');
    const result = runCli(['generate'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "specs/things/openapi.yaml:2:1: error: Servers must be present. [no-empty-servers]; the pages name no server: set apis.things.client.baseUrl in the specmill config (it becomes the spec's server) or add one with an overlay\n",
    );
    expect(result.stderr).not.toContain('specmill-tmp');
    // Nothing was written, so the summary does not send the reader to `specmill lint`.
    expect(result.stderr).toContain('specmill: redocly lint: 4 warnings on the new specs (`--verbose` prints each):\n');
    expect(existsSync(path.join(dir, 'specs/things/openapi.yaml'))).toBe(false);
  });

  it("with client.baseUrl: the config's URL is the spec's server, marked as from the config, and lint passes", () => {
    // A second API: redocly reports each file linted as a JSON document of its own.
    mkdirSync(path.join(dir, 'specs/more/sources'), { recursive: true });
    writeFileSync(path.join(dir, 'specs/more/sources/get-three.md'), PAGE('getThree'));
    writeFileSync(
      path.join(dir, 'specmill.config.mjs'),
      "export default {\n  apis: {\n    things: { client: { baseUrl: 'https://api.things.test/v1' } },\n    more: { client: { baseUrl: 'https://more.test' } },\n  },\n};\n",
    );
    const result = runCli(['generate'], dir);
    expect(result.status).toBe(0);
    const spec = parse(readFileSync(path.join(dir, 'specs/things/openapi.yaml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(spec).slice(0, 4)).toEqual(['openapi', 'info', 'servers', 'paths']);
    expect(spec.servers).toEqual([{ url: 'https://api.things.test/v1', description: 'client.baseUrl of the specmill config (the pages name no server)', 'x-specmill-source': 'specmill.config.mjs:3:35' }]);
    // Three operations without a 4xx response and without security: a count per rule, and the command that prints them.
    expect(result.stderr).toContain(
      'specmill: redocly lint: 6 warnings on the new specs (`npm run lint` or `--verbose` prints each):\n  3  operation-4xx-response\n  3  security-defined\n',
    );
    expect(result.stderr).not.toMatch(/openapi\.yaml:\d+:\d+: warning/);
  });

  it('--verbose prints each warning at its line of the spec and the page it came from', () => {
    writeFileSync(path.join(dir, 'specmill.config.mjs'), "export default { apis: { things: { client: { baseUrl: 'https://api.things.test' } } } };\n");
    const result = runCli(['generate', '--verbose'], dir);
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes(': warning: '));
    expect(warnings).toHaveLength(4);
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^specs\/things\/openapi\.yaml:\d+:\d+: warning: Operation must have at least one `4XX` response\. \[operation-4xx-response\] \(from specs\/things\/sources\/get-two\.md:\d+:\d+\)$/)]),
    );
    expect(result.stderr).not.toContain('redocly lint: 4 warnings');
  });
});
