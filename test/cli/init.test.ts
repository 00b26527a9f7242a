// `specmill init` writes a starter project that generates, lints and checks clean at once, and
// never overwrites a file.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitProject, type InitProject } from '../support/init-project.js';
import { runCli } from '../support/run-cli.js';

let project: InitProject;
beforeAll(() => {
  project = createInitProject();
});
afterAll(() => project.remove());

describe('specmill init in a project that has a package.json', () => {
  it('adds the missing scripts, keeps the others and the indentation of the file, and says which it kept', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-init-scripts-'));
    try {
      const manifest = { name: 'mine', version: '1.0.0', type: 'commonjs', scripts: { lint: 'eslint .', check: 'npx specmill check', test: 'node --test' } };
      writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
      const init = runCli(['init'], dir);
      expect(init.status).toBe(0);
      expect(init.stderr).toContain("package.json: warning: scripts.lint already runs something else; kept it. Run specmill's with `npx specmill lint`\n");
      expect(init.stderr).toContain('added "generate" to the scripts of package.json\n');
      expect(init.stderr).not.toContain('created package.json');
      const text = readFileSync(path.join(dir, 'package.json'), 'utf8');
      expect(text).toBe(`${JSON.stringify({ ...manifest, scripts: { ...manifest.scripts, generate: 'specmill generate' } }, null, '\t')}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('specmill init', () => {
  it('writes a commented config, an example page, redocly.yaml and a package.json with the scripts its hints name', () => {
    expect(project.init.status).toBe(0);
    expect(project.init.stderr).toBe(
      'created specmill.config.ts\ncreated specs/example/sources/get-widget.md\ncreated redocly.yaml\ncreated package.json\n' +
        'added "generate", "check", "lint" to the scripts of package.json\n' +
        "specmill: next, run `npm run generate`; then put your API's pages in specs/<api>/sources/ and list the API in specmill.config.ts\n",
    );
    const config = readFileSync(project.path('specmill.config.ts'), 'utf8');
    expect(config).toMatch(/^\/\/ specmill's config/);
    expect(config).toContain("import { defineConfig } from 'specmill/config';");
    expect(config).toContain('// client: { baseUrl:');
    expect(config).toContain("// lint: { rules: { 'operation-4xx-response': 'off' } },");
    expect(readFileSync(project.path('specs/example/sources/get-widget.md'), 'utf8')).toMatch(/^# Get a widget\n\n## GET \/widgets\/\{widgetId\}\n/);
    expect(JSON.parse(readFileSync(project.path('package.json'), 'utf8'))).toEqual({ private: true, scripts: { generate: 'specmill generate', check: 'specmill check', lint: 'specmill lint' } });
  });

  it('refuses to run again, naming each file, and changes nothing', () => {
    writeFileSync(project.path('specmill.config.ts'), `${readFileSync(project.path('specmill.config.ts'), 'utf8')}// mine\n`);
    const before = readFileSync(project.path('specmill.config.ts'), 'utf8');
    const again = runCli(['init'], project.dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('specmill.config.ts: error: already exists; specmill init writes only new files');
    expect(again.stderr).toContain('specs/example/sources/get-widget.md: error: already exists');
    expect(readFileSync(project.path('specmill.config.ts'), 'utf8')).toBe(before);
  });

  it('gives a project that generates (lint included) and then checks clean', () => {
    const generate = runCli(['generate'], project.dir, { CI: 'true' });
    expect(generate.stderr).toContain('example: new spec with 1 operation');
    expect(generate.status).toBe(0);
    for (const file of ['specs/example/openapi.yaml', 'generated/example/client.js', 'generated/example/README.md', 'generated/package.json']) expect(existsSync(project.path(file))).toBe(true);
    expect(readFileSync(project.path('generated/package.json'), 'utf8')).toContain('"name": "my-api-clients"');
    const check = runCli(['check'], project.dir);
    expect(check.stderr).toContain('up to date');
    expect(check.status).toBe(0);
  });
});
