// specmill.config.ts: every wrong key is an error that names it; client defaults and lint rules
// are checked and kept; lint rules relax redocly.yaml for real.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config/config.js';
import { formatDiagnostic, SpecmillError } from '../../generator/core/diagnostics.js';
import { lintSpecs } from '../../generator/tools/redocly.js';
import { ROOT } from '../helpers.js';
import { runCli } from '../support/run-cli.js';

const CONFIG_FILE = path.join(ROOT, 'specmill.config.ts');

function problem(value: unknown): string {
  try {
    resolveConfig(value, ROOT, CONFIG_FILE);
  } catch (e) {
    if (e instanceof SpecmillError) return e.diagnostics.map(formatDiagnostic).join('\n');
    throw e;
  }
  return 'no error';
}

describe('a wrong config names the key', () => {
  it.each([
    ['not an object', 42, 'default export: expected an object from defineConfig'],
    ['an unknown top-level key', { apis: {}, outputs: {} }, 'outputs: expected one of apis, output, strict, lint'],
    ['apis missing', { output: {} }, 'apis: expected an object of APIs by folder name'],
    ['a bad API folder name', { apis: { 'My API': {} } }, 'apis.My API: expected a folder name of lowercase words joined by "-" (e.g. "my-api")'],
    ['an unknown API option', { apis: { shop: { titel: 'Shop' } } }, 'apis.shop.titel: expected one of sources, title, format, overlays, client, infer'],
    ['a title that is not a string', { apis: { shop: { title: 3 } } }, 'apis.shop.title: expected a string'],
    ['strict that is not a boolean', { apis: {}, strict: 'yes' }, 'strict: expected true or false'],
    ['an unknown output key', { apis: {}, output: { folder: 'x' } }, 'output.folder: expected one of dir, packageName'],
    ['a version that is not semver', { apis: {}, output: { version: '1.0' } }, 'output.version: expected a semver version such as 1.2.0'],
    ['a bad package name', { apis: {}, output: { packageName: 'Not A Name' } }, 'output.packageName: expected an npm package name'],
    ['an output outside the project', { apis: {}, output: { dir: '../elsewhere' } }, 'output.dir: expected a folder inside the project'],
    ['a client option that does not exist', { apis: { shop: { client: { retries: 3 } } } }, 'apis.shop.client.retries: expected one of baseUrl, retry, timeoutMs'],
    ['a base URL that is not http(s)', { apis: { shop: { client: { baseUrl: 'ftp://x' } } } }, 'apis.shop.client.baseUrl: expected an http(s) URL'],
    ['a negative retry count', { apis: { shop: { client: { retry: { maxRetries: -1 } } } } }, 'apis.shop.client.retry.maxRetries: expected a whole number, 0 or more'],
    ['an unknown retry option', { apis: { shop: { client: { retry: { max: 1 } } } } }, 'apis.shop.client.retry.max: expected one of maxRetries, initialDelayMs, maxDelayMs'],
    ['retry: true', { apis: { shop: { client: { retry: true } } } }, 'apis.shop.client.retry: expected false or an object'],
    ['a timeout that is not a number', { apis: { shop: { client: { timeoutMs: '5s' } } } }, 'apis.shop.client.timeoutMs: expected a number of milliseconds'],
    ['lint that is not an object', { apis: {}, lint: ['x'] }, 'lint: expected an object such as { rules: { ... } }'],
    ['an unknown lint key', { apis: {}, lint: { rule: {} } }, 'lint.rule: expected rules'],
    ['a misspelt lint rule', { apis: {}, lint: { rules: { 'operation-4xx-respons': 'off' } } }, 'lint.rules.operation-4xx-respons: expected a built-in redocly rule (did you mean "operation-4xx-response"?)'],
    ['a lint severity that does not exist', { apis: {}, lint: { rules: { 'info-license': 'warning' } } }, "lint.rules.info-license: expected 'off', 'warn' or 'error'"],
    ['infer that is not an object', { apis: {}, infer: false }, 'infer: expected an object such as { pagination: false }'],
    ['an unknown infer key', { apis: {}, infer: { paging: false } }, 'infer.paging: expected pagination'],
    ['an API infer.pagination that is not a boolean', { apis: { shop: { infer: { pagination: 'no' } } } }, 'apis.shop.infer.pagination: expected true or false'],
  ])('%s', (_name, value, message) => {
    const text = problem(value);
    expect(text).toContain(message);
    expect(text).toMatch(/^specmill\.config\.ts: error: /);
  });

  it('infers pagination unless the project or the API turns it off; the API wins', () => {
    const inferred = (value: object) => resolveConfig(value, ROOT, CONFIG_FILE).apis.map((api) => [api.name, api.inferPagination]);
    expect(inferred({ apis: { shop: {} } })).toEqual([['shop', true]]);
    expect(inferred({ apis: { shop: {}, other: { infer: { pagination: true } } }, infer: { pagination: false } })).toEqual([
      ['shop', false],
      ['other', true],
    ]);
    expect(inferred({ apis: { shop: { infer: { pagination: false } }, other: { infer: {} } } })).toEqual([
      ['shop', false],
      ['other', true],
    ]);
  });

  it('keeps client defaults and lint rules, sorted, when they are right', () => {
    const config = resolveConfig(
      {
        apis: { shop: { client: { baseUrl: 'https://api.shop.example/v2', retry: { maxRetries: 4, initialDelayMs: 100 }, timeoutMs: 5000 } }, other: { client: { retry: false } } },
        lint: { rules: { 'security-defined': 'off', 'operation-4xx-response': 'warn', 'my-plugin/rule': 'error' } },
      },
      ROOT,
      CONFIG_FILE,
    );
    expect(config.apis[0]!.client).toEqual({ baseUrl: 'https://api.shop.example/v2', retry: { maxRetries: 4, initialDelayMs: 100 }, timeoutMs: 5000 });
    expect(config.apis[1]!.client).toEqual({ retry: false });
    expect(Object.entries(config.lintRules)).toEqual([
      ['my-plugin/rule', 'error'],
      ['operation-4xx-response', 'warn'],
      ['security-defined', 'off'],
    ]);
  });

  it('through the real CLI: exit 1 and the key, whatever the verb', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-config-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
      writeFileSync(path.join(dir, 'specmill.config.ts'), 'export default { apis: { shop: { sources: "pages", retry: 3 } } };\n');
      const result = runCli(['generate', '--no-lint'], dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('specmill.config.ts: error: apis.shop.retry: expected one of sources, title, format, overlays, client, infer\n');
      writeFileSync(path.join(dir, 'specmill.config.ts'), 'export default { apis: { shop: {} }, lint: { rules: { "operation-summary": "of" } } };\n');
      const lint = runCli(['lint'], dir);
      expect(lint.status).toBe(1);
      expect(lint.stderr).toContain(`lint.rules.operation-summary: expected 'off', 'warn' or 'error'`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lint.rules relax redocly.yaml', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-lint-rules-'));
    mkdirSync(path.join(dir, 'specs'));
    writeFileSync(path.join(dir, 'redocly.yaml'), 'extends: [recommended]\nrules:\n  operation-4xx-response: error\n  info-license: off\n  security-defined: off\n  no-server-example.com: off\n');
    // An operation without any 4xx response: an error under this redocly.yaml.
    writeFileSync(
      path.join(dir, 'specs/openapi.yaml'),
      'openapi: 3.1.0\ninfo: { title: T, version: "1" }\nservers: [{ url: "https://api.shop.test" }]\npaths:\n  /x:\n    get:\n      operationId: getX\n      summary: Get x\n      responses:\n        "200": { description: OK }\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails under redocly.yaml alone and passes with the rule turned off', async () => {
    const strict = await lintSpecs(dir, ['specs/openapi.yaml']);
    expect(strict.ok).toBe(false);
    expect(strict.output).toContain('operation-4xx-response');
    const relaxed = await lintSpecs(dir, ['specs/openapi.yaml'], { rules: { 'operation-4xx-response': 'off' } });
    expect(relaxed.output).not.toContain('operation-4xx-response');
    expect(relaxed.ok).toBe(true);
  });
});

describe('infer.pagination through the CLI', () => {
  let dir: string;
  // A page whose list response shows offset paging but whose operation lists no query parameters.
  const page = {
    openapi: '3.1.0',
    info: { title: 'Shop', version: '1' },
    paths: {
      '/orders': {
        get: {
          operationId: 'listOrders',
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object', properties: { meta: { type: 'object', properties: { offset: { type: 'integer' }, limit: { type: 'integer' } } }, data: { type: 'array', items: { type: 'string' } } } } } },
            },
          },
        },
      },
    },
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-infer-'));
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    mkdirSync(path.join(dir, 'specs/shop/sources'), { recursive: true });
    writeFileSync(path.join(dir, 'specs/shop/sources/list-orders.json'), JSON.stringify(page, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const generateWith = (config: string): string => {
    writeFileSync(path.join(dir, 'specmill.config.ts'), `export default ${config};\n`);
    const result = runCli(['generate', '--no-lint'], dir);
    expect(result.stderr).toMatch(/files written/);
    expect(result.status).toBe(0);
    return readFileSync(path.join(dir, 'specs/shop/openapi.yaml'), 'utf8');
  };

  it('adds x-pagination and the marked offset/limit parameters by default', () => {
    const spec = generateWith('{ apis: { shop: {} } }');
    expect(spec).toContain('x-pagination:');
    expect(spec.match(/x-specmill-inferred: true/g)).toHaveLength(2);
  });

  it('adds neither when the project turns it off, and again when the API turns it back on', () => {
    const off = generateWith('{ apis: { shop: {} }, infer: { pagination: false } }');
    expect(off).not.toContain('x-pagination');
    expect(off).not.toContain('x-specmill-inferred');
    expect(off).not.toContain('name: offset');
    const on = generateWith('{ apis: { shop: { infer: { pagination: true } } }, infer: { pagination: false } }');
    expect(on).toContain('x-pagination:');
    const apiOff = generateWith('{ apis: { shop: { infer: { pagination: false } } } }');
    expect(apiOff).not.toContain('x-pagination');
  });
});
