// End to end: a page edited in a git copy of the project, the real `specmill` bin reporting what
// the edit does to callers; overlays failing and passing through `generate` and `lint`.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecChange } from '../../generator/diff/diff-specs.js';
import { copyProject, type ProjectCopy } from '../support/project-copy.js';
import { runCli } from '../support/run-cli.js';

const PAGE = 'specs/elastic-cloud/sources/create-extension.md';
const URL_PROPERTY = '- **url** (string) The extension URL to be used in the plan. ';
const NEW_FIELD = '- **labels** (string) Free-form labels for the extension. ';

interface JsonReport {
  apis: { api: string; base: string; summary: { total: number; breaking: number }; changes: SpecChange[] }[];
}

describe('specmill diff on a git copy of the project', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject({ git: true });
  });
  afterAll(() => project.remove());

  it('has --help', () => {
    const result = runCli(['diff', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: specmill diff \[options\] \[api\]/);
    expect(result.stdout).toContain('--fail-on <level>');
  });

  it('finds nothing to report while the pages and overlays give the committed specs', () => {
    const result = runCli(['diff', 'elastic-cloud', '--fail-on', 'breaking'], project.dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('elastic-cloud: no changes since HEAD\n');
    expect(result.status).toBe(0);
  });

  it('reports an edited page: what changed, where, from which page, and whether it breaks', () => {
    const page = project.path(PAGE);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain(URL_PROPERTY);
    writeFileSync(page, text.replace(URL_PROPERTY, '').replace('## Responses', `${NEW_FIELD}## Responses`));

    const json = runCli(['diff', 'elastic-cloud', '--format', 'json', '--fail-on', 'breaking'], project.dir);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.apis.map((a) => [a.api, a.base, a.summary])).toEqual([['elastic-cloud', 'HEAD', { total: 2, breaking: 1 }]]);
    const base = { operation: 'POST /deployments/extensions', operationId: 'createExtension', source: 'specs/elastic-cloud/sources/create-extension.md:1:23' };
    expect(report.apis[0]?.changes).toEqual([
      {
        ...base,
        kind: 'property-added',
        breaking: false,
        direction: 'request',
        pointer: '/paths/~1deployments~1extensions/post/requestBody/content/application~1json/schema/properties/labels',
        message: 'added optional request body property labels',
        reason: 'callers may leave it out',
      },
      {
        ...base,
        kind: 'property-removed',
        breaking: true,
        direction: 'response',
        pointer: '/paths/~1deployments~1extensions/post/responses/201/content/application~1json/schema/properties/url',
        message: 'removed response 201 body property url',
        reason: 'code that reads it no longer compiles',
      },
    ]);

    const markdown = runCli(['diff', 'elastic-cloud', '--format', 'markdown'], project.dir);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('## elastic-cloud: 2 changes (1 breaking) since HEAD');
    expect(markdown.stdout).toContain('| **breaking** | removed response 201 body property url | code that reads it no longer compiles |');

    const text2 = runCli(['diff'], project.dir);
    expect(text2.stdout).toContain('elastic-cloud: 2 changes (1 breaking) since HEAD');
    expect(text2.stdout).toContain('BREAKING  removed response 201 body property url');
    expect(text2.stdout).toContain('softwareone-marketplace: no changes since HEAD');
  });

  it('generate prints a one-line summary for each API it changed', () => {
    const result = runCli(['generate', '--no-lint'], project.dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('elastic-cloud: 2 changes (1 breaking)\n');
    expect(result.stderr).not.toContain('softwareone-marketplace:');
  });

  it('compares with the revision --base names', () => {
    project.commit('remove url, add labels');
    expect(runCli(['diff', 'elastic-cloud'], project.dir).stdout).toBe('elastic-cloud: no changes since HEAD\n');
    const result = runCli(['diff', 'elastic-cloud', '--base', 'HEAD~1', '--fail-on', 'breaking'], project.dir);
    expect(result.stdout).toContain('elastic-cloud: 2 changes (1 breaking) since HEAD~1');
    expect(result.status).toBe(1);
  });

  it.each([
    ['a revision that names no commit', ['diff', '--base', 'no-such-branch'], /^error: --base no-such-branch: not a commit of a git repository/m],
    ['an API the config does not have', ['diff', 'nope'], /error: no API named nope in the config/],
    ['an unknown format', ['diff', '--format', 'html'], /argument 'html' is invalid\. Allowed choices are text, markdown, json/],
  ])('rejects %s with exit 1', (_name, args, message) => {
    const result = runCli(args, project.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('specmill diff --deprecation-days on a git copy of the project', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject({ git: true });
  });
  afterAll(() => project.remove());

  it('turns the removal of an operation past its x-sunset date from breaking into compatible', () => {
    writeFileSync(
      project.path('specs/elastic-cloud/overlays/3-deprecate.yaml'),
      `overlay: 1.0.0\ninfo: { title: Deprecation, version: 1.0.0 }\nactions:\n  - description: The docs announce its end.\n    target: $.paths['/deployments/extensions'].post\n    update: { deprecated: true, x-sunset: "2000-01-01" }\n`,
    );
    expect(runCli(['generate', '--no-lint'], project.dir).status).toBe(0);
    project.commit('deprecate createExtension');
    writeFileSync(project.path('specs/elastic-cloud/overlays/4-remove.yaml'), `overlay: 1.0.0\ninfo: { title: Removal, version: 1.0.0 }\nactions:\n  - description: It is gone.\n    target: $.paths\n    remove: true\n`);

    const removal = (args: string[]) => {
      const result = runCli(['diff', 'elastic-cloud', '--format', 'json', '--fail-on', 'breaking', ...args], project.dir);
      const changes = (JSON.parse(result.stdout) as JsonReport).apis[0]!.changes;
      return { status: result.status, removed: changes.filter((c) => c.kind === 'operation-removed').map((c) => [c.breaking, c.message, c.reason]) };
    };
    expect(removal([])).toEqual({ status: 1, removed: [[true, 'removed deprecated POST /deployments/extensions (sunset 2000-01-01)', "callers of the operation's method no longer compile, deprecated or not"]] });
    expect(removal(['--deprecation-days', '0'])).toEqual({ status: 0, removed: [[false, 'removed deprecated POST /deployments/extensions (sunset 2000-01-01)', 'it was deprecated and its sunset date 2000-01-01 has passed']] });
  });

  it('rejects a number of days that is not a whole number', () => {
    const result = runCli(['diff', '--deprecation-days', 'soon'], project.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/argument 'soon' is invalid\. expected a whole number of days/);
    expect(result.stdout).toBe('');
  });
});

describe('overlays through the CLI', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project.remove());

  it('an action whose target matches nothing fails generate at its line, and --lenient makes it a warning', () => {
    const overlay = project.path('specs/elastic-cloud/overlays/3-stale.yaml');
    writeFileSync(overlay, `overlay: 1.0.0\ninfo: { title: Stale, version: 1.0.0 }\nactions:\n  - description: The GET was dropped from the docs.\n    target: $.paths['/deployments/extensions'].get\n    update: { summary: Get }\n`);
    const before = project.snapshot();
    const failed = runCli(['generate', '--no-lint'], project.dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^specs\/elastic-cloud\/overlays\/3-stale\.yaml:5:5: error: target \$\.paths\['\/deployments\/extensions'\]\.get matches nothing in the spec/m);
    expect(project.snapshot()).toEqual(before);

    const lenient = runCli(['generate', '--no-lint', '--lenient'], project.dir);
    expect(lenient.stderr).toMatch(/^specs\/elastic-cloud\/overlays\/3-stale\.yaml:5:5: warning: target .* matches nothing in the spec/m);
    expect(lenient.status).toBe(0);
    unlinkSync(overlay);
  });

  it('redocly lint checks the overlays along with the specs', async () => {
    const result = runCli(['lint'], project.dir);
    expect(result.stderr).toContain('validating specs/elastic-cloud/overlays/1-api-key.yaml');
    expect(result.stderr).toContain('validating specs/softwareone-marketplace/overlays/2-unauthorized.yaml');
  });
});
