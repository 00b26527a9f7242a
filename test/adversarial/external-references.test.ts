// A reference that points outside the document, in every position a page (or an overlay) can put
// one, through the real `specmill generate` on a temporary project, as a user runs it: each is
// refused at its file and line before anything reads it, and nothing is written. Each position is
// tried in two runs: against a listener on 127.0.0.1 (0 connections), and against two local files
// on two pages, a regular file holding a marker (which then appears nowhere) and a FIFO (never
// opened: see ../support/read-traps.ts). Apart, because a tool that fails on one kind of target
// (openapi-typescript on a URL) would stop the run before another tool read the other kind.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitProject, type InitProject } from '../support/init-project.js';
import { setReadTraps, type ReadTraps } from '../support/read-traps.js';
import { runCli, runCliAsync } from '../support/run-cli.js';

type Keyword = '$ref' | 'externalValue' | 'discriminator mapping';

interface Position {
  /** The page (or overlay, `overlays/...`) that holds one target, under specs/hostile/. */
  file: (index: number) => string;
  text: (target: string) => string;
  /** The member holding the reference, as its line shows it: where the refusal points. */
  key: string;
  keyword: Keyword;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const ref = (target: string) => ({ $ref: target });
const spec = (extra: object) => ({ openapi: '3.1.0', info: { title: 'Hostile', version: '1' }, paths: {}, ...extra });
const schemas = (value: object) => spec({ components: { schemas: value } });
const operation = (value: object) => spec({ paths: { '/things': { post: { operationId: 'makeThing', summary: 'Make a thing', responses: { '200': { description: 'ok' } }, ...value } } } });
const withExamples = (examples: object) => operation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples } } } } });

const page = (build: (target: string) => unknown, key = '"$ref"', keyword: Keyword = '$ref'): Position => ({ file: (i) => `sources/hostile-${i}.json`, text: (t) => json(build(t)), key, keyword });

const POSITIONS: [string, Position][] = [
  ['a component schema', page((t) => schemas({ A: ref(t) }))],
  ['a property called value', page((t) => schemas({ A: { type: 'object', properties: { value: ref(t) } } }))],
  ['a property called default', page((t) => schemas({ A: { type: 'object', properties: { default: ref(t) } } }))],
  ['an x- property', page((t) => schemas({ A: { type: 'object', properties: { 'x-foo': ref(t) } } }))],
  ['a component called enum', page((t) => schemas({ enum: ref(t) }))],
  ['a root x- extension', page((t) => spec({ 'x-foo': ref(t) }))],
  ['an x- extension of a schema', page((t) => schemas({ A: { type: 'object', 'x-foo': ref(t) } }))],
  ['a parameter', page((t) => operation({ parameters: [ref(t)] }))],
  ['a parameter schema', page((t) => operation({ parameters: [{ name: 'q', in: 'query', schema: ref(t) }] }))],
  ['a response', page((t) => operation({ responses: { '200': ref(t) } }))],
  ['a request body', page((t) => operation({ requestBody: ref(t) }))],
  ['a path item', page((t) => spec({ paths: { '/things': ref(t) } }))],
  ['a schema example', page((t) => schemas({ A: { type: 'object', example: ref(t) } }))],
  ['a default value', page((t) => schemas({ A: { type: 'object', default: ref(t) } }))],
  ['an enum value', page((t) => schemas({ A: { type: 'object', enum: [ref(t)] } }))],
  ['an example value', page((t) => withExamples({ one: { value: ref(t) } }))],
  ['an example externalValue', page((t) => withExamples({ one: { externalValue: t } }), '"externalValue"', 'externalValue')],
  [
    'a discriminator mapping',
    page((t) => schemas({ A: { oneOf: [{ $ref: '#/components/schemas/B' }], discriminator: { propertyName: 'kind', mapping: { b: t } } }, B: { type: 'object' } }), '"b"', 'discriminator mapping'),
  ],
  ['a $ref on a map of properties', page((t) => schemas({ A: { type: 'object', properties: ref(t) } }))],
  ['a Swagger 2.0 page', page((t) => ({ swagger: '2.0', info: { title: 'Hostile', version: '1' }, paths: {}, definitions: { A: { type: 'object', properties: { value: ref(t) } } } }))],
  [
    'a document fenced in a Markdown page',
    {
      file: (i) => `sources/hostile-${i}.md`,
      text: (t) => `# Make a thing\n\n## POST /things\n\n\`\`\`json\n${json({ ...operation({}), openapi: '3.0.3', components: { schemas: { A: { type: 'object', properties: { default: ref(t) } } } } })}\`\`\`\n`,
      key: '"$ref"',
      keyword: '$ref',
    },
  ],
  [
    'an overlay',
    {
      file: (i) => `overlays/hostile-${i}.yaml`,
      text: (t) => `overlay: 1.0.0\ninfo: { title: Hostile, version: 1.0.0 }\nactions:\n  - target: $.info\n    description: adds an extension\n    update:\n      x-see: { $ref: "${t}" }\n`,
      key: '$ref',
      keyword: '$ref',
    },
  ],
];

/** Every file under a folder, by path relative to `root`, with its bytes. */
function readTree(root: string, folder: string, out = new Map<string, string>()): Map<string, string> {
  const dir = path.join(root, folder);
  for (const name of readdirSync(dir)) {
    const file = path.join(folder, name);
    if (statSync(path.join(root, file)).isDirectory()) readTree(root, file, out);
    else out.set(file, readFileSync(path.join(root, file), 'latin1'));
  }
  return out;
}

let template: InitProject;
beforeAll(() => {
  // A project whose one API has been generated: the state a hostile page must leave as it was.
  template = createInitProject();
  expect(template.init.status).toBe(0);
  mkdirSync(template.path('specs/hostile/sources'), { recursive: true });
  cpSync(template.path('specs/example/sources/get-widget.md'), template.path('specs/hostile/sources/get-widget.md'));
  rmSync(template.path('specs/example'), { recursive: true });
  writeFileSync(template.path('specmill.config.ts'), "import { defineConfig } from 'specmill/config';\n\nexport default defineConfig({ apis: { hostile: {} } });\n");
  const first = runCli(['generate'], template.dir, { CI: 'true' });
  expect(first.stderr).toMatch(/files written/);
  expect(first.status).toBe(0);
});
afterAll(() => template.remove());

const TARGETS: [string, (traps: ReadTraps) => string[]][] = [
  ['a listener on 127.0.0.1', (traps) => [traps.url]],
  ['a marker file and a FIFO', (traps) => [traps.file, traps.fifo]],
];

const CASES = POSITIONS.flatMap(([name, position]) => TARGETS.map(([against, targets]) => [name, against, position, targets] as const));

describe('an external reference is refused at its line before anything reads it', () => {
  it.each(CASES)('in %s, against %s', async (_name, _against, position, targetsOf) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-hostile-ref-'));
    const traps = await setReadTraps();
    try {
      cpSync(template.dir, dir, { recursive: true });
      const targets = targetsOf(traps);
      const expected = targets.map((target, i) => {
        const file = position.file(i);
        const text = position.text(target);
        mkdirSync(path.dirname(path.join(dir, 'specs/hostile', file)), { recursive: true });
        writeFileSync(path.join(dir, 'specs/hostile', file), text);
        const lines = text.split('\n');
        const line = lines.findIndex((l) => l.includes(target));
        const column = lines[line]!.indexOf(position.key) + 1;
        return `specs/hostile/${file}:${line + 1}:${column}: error: refused ${position.keyword} ${JSON.stringify(target)}: `;
      });
      const before = new Map([...readTree(dir, 'specs'), ...readTree(dir, 'generated')]);

      const run = await runCliAsync(['generate'], dir, { env: { CI: 'true' } });

      expect(run.hung).toBe(false);
      const errors = run.stderr.split('\n').filter((l) => l.includes(': error: '));
      expect(errors.map((e, i) => e.slice(0, expected[i]?.length))).toEqual(expected);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('specmill: nothing was written');
      expect(traps.connections()).toBe(0);
      expect(traps.fifoOpened()).toBe(false);
      const after = new Map([...readTree(dir, 'specs'), ...readTree(dir, 'generated')]);
      expect(after).toEqual(before);
      for (const [file, content] of after) expect(content.includes(traps.marker), file).toBe(false);
      expect(run.stdout + run.stderr).not.toContain(traps.marker);
    } finally {
      await traps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lint and docs check the committed files before redocly reads them', () => {
  it('refuses an external reference in a committed spec and an overlay, at its line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-hostile-ref-'));
    const traps = await setReadTraps();
    try {
      cpSync(template.dir, dir, { recursive: true });
      const specFile = path.join(dir, 'specs/hostile/openapi.yaml');
      const spec = readFileSync(specFile, 'utf8');
      writeFileSync(specFile, `${spec}x-see:\n  $ref: "${traps.url}"\n`);
      const specLine = spec.split('\n').length + 1;
      mkdirSync(path.join(dir, 'specs/hostile/overlays'));
      writeFileSync(path.join(dir, 'specs/hostile/overlays/see.yaml'), `overlay: 1.0.0\ninfo: { title: t, version: 1.0.0 }\nactions:\n  - target: $.info\n    description: d\n    update: { x-see: { $ref: "${traps.fifo}" } }\n`);

      const lint = await runCliAsync(['lint'], dir);
      expect(lint.hung).toBe(false);
      expect(lint.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^specs/hostile/openapi\\.yaml:${specLine}:3: error: refused \\$ref "${traps.url.replace(/[.]/g, '\\.')}": `)),
        expect.stringMatching(/^specs\/hostile\/overlays\/see\.yaml:6:24: error: refused \$ref ".*fifo\.json": /),
      ]);
      expect(lint.status).toBe(1);

      const docs = await runCliAsync(['docs', '--out', path.join(dir, 'docs-site')], dir, { env: { CI: 'true' } });
      expect(docs.hung).toBe(false);
      expect(docs.stderr).toMatch(new RegExp(`specs/hostile/openapi\\.yaml:${specLine}:3: error: refused \\$ref`));
      expect(docs.status).toBe(1);
      expect(readdirSync(path.join(dir, 'docs-site'))).toEqual(['index.html']);

      expect(traps.connections()).toBe(0);
      expect(traps.fifoOpened()).toBe(false);
    } finally {
      await traps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what is kept as text, and followed by nothing', () => {
  it('$dynamicRef, $id, $schema, jsonSchemaDialect and a link operationRef are read by no tool', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-hostile-ref-'));
    const traps = await setReadTraps();
    try {
      cpSync(template.dir, dir, { recursive: true });
      const targets = [traps.url, traps.fifo];
      targets.forEach((target, i) => {
        const link = { operationRef: target, description: 'see' };
        const doc = operation({ responses: { '200': { description: 'ok', links: { next: link }, content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } });
        writeFileSync(
          path.join(dir, `specs/hostile/sources/kept-${i}.json`),
          json({
            ...doc,
            jsonSchemaDialect: target,
            paths: { [`/things-${i}`]: (doc.paths as Record<string, unknown>)['/things'] },
            components: { schemas: { A: { $id: target, $schema: target, type: 'object', properties: { next: { $dynamicRef: target } } } } },
          }),
        );
      });

      const run = await runCliAsync(['generate'], dir, { env: { CI: 'true' } });

      expect(run.hung).toBe(false);
      expect(run.stderr).not.toMatch(/refused/);
      expect(traps.connections()).toBe(0);
      expect(traps.fifoOpened()).toBe(false);
      expect(run.stdout + run.stderr).not.toContain(traps.marker);
      const spec = readFileSync(path.join(dir, 'specs/hostile/openapi.yaml'), 'utf8');
      for (const key of ['$dynamicRef', '$id', '$schema', 'operationRef']) expect(spec.split(`${key}: `).length - 1, key).toBe(2);
      expect(run.status).toBe(0);
    } finally {
      await traps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
