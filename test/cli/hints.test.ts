// Every hint specmill prints names a command that works where it is printed: the project's own npm
// script when it has one for that verb, `npx specmill <verb>` otherwise, and only options that the
// verb printing the hint has.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandHint, runsVerb } from '../../generator/core/command-hint.js';
import { runCli } from '../support/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-hints-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

const PAGE = `# Get a thing

## GET /things/{id}

\`\`\`yaml
openapi: 3.0.3
info: { title: Things, version: 1.0.0 }
servers: [{ url: 'https://api.things.test' }]
paths:
  /things/{id}:
    get:
      operationId: getThing
      summary: Get a thing
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: OK } }
\`\`\`
`;

describe('commandHint', () => {
  it.each([
    ['specmill generate', 'generate', true],
    ['npx specmill generate', 'generate', true],
    ['node scripts/specmill.mjs lint', 'lint', true],
    ['node ./node_modules/specmill/scripts/specmill.mjs check', 'check', true],
    ['specmill generate --no-lint', 'generate', false],
    ['eslint . && specmill lint', 'lint', false],
    ['specmill lint', 'generate', false],
    [42, 'lint', false],
  ])('%j runs `specmill %s`: %s', (script, verb, expected) => {
    expect(runsVerb(script, verb)).toBe(expected);
  });

  it('names the shortest script that runs the verb, else npx', () => {
    write('package.json', JSON.stringify({ scripts: { 'lint:specs': 'node scripts/specmill.mjs lint', regenerate: 'specmill generate', gen: 'specmill generate --force' } }));
    expect(commandHint(dir, 'lint')).toBe('npm run lint:specs');
    expect(commandHint(dir, 'generate')).toBe('npm run regenerate');
    expect(commandHint(dir, 'check')).toBe('npx specmill check');
    rmSync(path.join(dir, 'package.json'));
    expect(commandHint(dir, 'generate')).toBe('npx specmill generate');
  });
});

describe('hints printed by the CLI', () => {
  beforeEach(() => {
    write('specmill.config.mjs', 'export default { apis: { things: {} } };\n');
    write('specs/things/sources/get-thing.md', PAGE);
  });

  it('check names the npm script when the project has one, npx specmill otherwise', () => {
    expect(runCli(['generate', '--no-lint'], dir).status).toBe(0);
    write('specs/things/openapi.yaml', '# edited\n');
    const bare = runCli(['check'], dir);
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('run `npx specmill generate`');
    write('package.json', JSON.stringify({ private: true, scripts: { generate: 'specmill generate' } }));
    expect(runCli(['check'], dir).stderr).toContain('run `npm run generate`');
  });

  it('pack before generate names how to generate; after it, writes the tarball named by output.packageName and output.version', () => {
    write('specmill.config.mjs', "export default { apis: { things: {} }, output: { packageName: '@acme/things', version: '1.2.0' } };\n");
    const early = runCli(['pack', '--out', path.join(dir, 'out')], dir);
    expect(early.status).toBe(1);
    expect(early.stderr).toBe('generated/package.json: error: no generated package here yet: run `npx specmill generate` first\n');
    expect(runCli(['generate', '--no-lint'], dir).status).toBe(0);
    const packed = runCli(['pack', '--out', path.join(dir, 'out')], dir);
    expect(packed.status).toBe(0);
    expect(packed.stderr).toMatch(/^specmill: packed generated\/ into out\/acme-things-1\.2\.0\.tgz \(\d+ files, [\d.]+ kB; [\d.]+ kB unpacked\)\n/);
    expect(existsSync(path.join(dir, 'out/acme-things-1.2.0.tgz'))).toBe(true);
  });

  it('docs without a spec names how to make one', () => {
    const docs = runCli(['docs', '--out', path.join(dir, 'site')], dir);
    expect(docs.status).toBe(1);
    expect(docs.stderr).toContain('specs/things/openapi.yaml: error: no spec yet: run `npx specmill generate` first');
  });

  it('a page of no known format: generate names the config key, import names its own --format, and each works', () => {
    write('specs/things/sources/notes.txt', 'Just some words.\n');
    const generate = runCli(['generate', '--no-lint'], dir);
    expect(generate.status).toBe(1);
    expect(generate.stderr).toContain("specs/things/sources/notes.txt:1: error: cannot tell the page's format: expected one of openapi, openapi-in-markdown, bump-markdown, json-samples, reference-page (set apis.things.format in the specmill config to force one)");
    expect(runCli(['generate', '--format', 'openapi'], dir).stderr).toContain("unknown option '--format'");
    // The key it names is a real one: with it, the page is read as that format (and fails as one).
    write('specmill.config.mjs', "export default { apis: { things: { format: 'openapi-in-markdown' } } };\n");
    const forced = runCli(['generate', '--no-lint'], dir);
    expect(forced.stderr).not.toContain("cannot tell the page's format");
    expect(forced.stderr).toContain('specs/things/sources/notes.txt');

    const imported = runCli(['import', path.join(dir, 'specs/things/sources/notes.txt')], dir);
    expect(imported.stderr).toContain('(use --format NAME to force one)');
    const forcedImport = runCli(['import', '--format', 'openapi-in-markdown', path.join(dir, 'specs/things/sources/get-thing.md')], dir);
    expect(forcedImport.status).toBe(0);
  });
});
