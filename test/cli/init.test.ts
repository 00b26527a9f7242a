// `specmill init` writes a starter project that generates, lints and checks clean at once, and
// never overwrites a file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitProject, type InitProject } from '../support/init-project.js';
import { runCli } from '../support/run-cli.js';

let project: InitProject;
beforeAll(() => {
  project = createInitProject();
});
afterAll(() => project.remove());

describe('specmill init', () => {
  it('writes a commented config, an example page, redocly.yaml and an ESM package.json', () => {
    expect(project.init.status).toBe(0);
    expect(project.init.stderr).toContain('created specmill.config.ts\ncreated specs/example/sources/get-widget.md\ncreated redocly.yaml\ncreated package.json\n');
    const config = readFileSync(project.path('specmill.config.ts'), 'utf8');
    expect(config).toMatch(/^\/\/ specmill's config/);
    expect(config).toContain("import { defineConfig } from 'specmill/config';");
    expect(config).toContain('// client: { baseUrl:');
    expect(config).toContain("// lint: { rules: { 'operation-4xx-response': 'off' } },");
    expect(readFileSync(project.path('specs/example/sources/get-widget.md'), 'utf8')).toMatch(/^# Get a widget\n\n## GET \/widgets\/\{widgetId\}\n/);
    expect(JSON.parse(readFileSync(project.path('package.json'), 'utf8'))).toEqual({ private: true, type: 'module' });
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
