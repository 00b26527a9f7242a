import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../../generator/config/config.js';
import { formatDiagnostic, SpecmillError } from '../../generator/core/diagnostics.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { overlayApi } from '../../generator/overlays/apply-overlays.js';
import { listOverlayFiles, readOverlay } from '../../generator/overlays/load-overlays.js';

describe('readOverlay: only valid Overlay 1.0 documents pass', () => {
  it('reads the actions with their targets located', () => {
    const { overlay, diagnostics } = readOverlay(
      `overlay: 1.0.0
info:
  title: Fixes
  version: 1.0.0
x-owner: api-team
actions:
  - target: $.info
    description: The pages give no contact.
    update: { contact: { name: API team } }
  - target: $.paths['/old']
    remove: true
`,
      'specs/shop/overlays/fixes.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(overlay?.title).toBe('Fixes');
    expect(overlay?.actions.map((a) => [a.target, a.description, a.update?.value, a.remove, `${a.at.line}:${a.at.column}`])).toEqual([
      ['$.info', 'The pages give no contact.', { contact: { name: 'API team' } }, false, '7:5'],
      ["$.paths['/old']", undefined, undefined, true, '10:5'],
    ]);
  });

  it('keeps update: null apart from no update', () => {
    const { overlay } = readOverlay(`overlay: 1.0.0\ninfo: { title: T, version: "1" }\nactions:\n  - target: $.info\n    update: null\n`, 'o.yaml');
    expect(overlay?.actions[0]?.update).toEqual({ value: null });
  });

  it('warns about an action that changes nothing', () => {
    const { overlay, diagnostics } = readOverlay(`overlay: 1.0.0\ninfo: { title: T, version: "1" }\nactions:\n  - target: $.info\n    description: forgot the update\n`, 'o.yaml');
    expect(overlay).toBeDefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual(['o.yaml:4:5: warning: this action has neither update nor remove: true, so it changes nothing (at /actions/0/target)']);
  });

  const VALID_INFO = 'info: { title: T, version: "1" }';
  it.each<[string, string, string]>([
    ['a list instead of an object', '- overlay: 1.0.0\n', 'o.yaml:1:1: error: not a valid Overlay 1.0 document: expected an object with overlay, info and actions'],
    ['no overlay field', `${VALID_INFO}\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:1:1: error: not a valid Overlay 1.0 document: overlay is missing (expected `overlay: 1.0.0`)'],
    ['another Overlay version', `overlay: 1.1.0\n${VALID_INFO}\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:1:1: error: not a valid Overlay 1.0 document: overlay: expected 1.0.x (specmill applies Overlay 1.0), got "1.1.0" (at /overlay)'],
    ['a number for the version', `overlay: 1.0\n${VALID_INFO}\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:1:1: error: not a valid Overlay 1.0 document: overlay: expected a version string such as "1.0.0", got number 1 (at /overlay)'],
    ['info without a version', `overlay: 1.0.0\ninfo:\n  title: T\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:2:1: error: not a valid Overlay 1.0 document: info.version is missing (at /info)'],
    ['no actions', `overlay: 1.0.0\n${VALID_INFO}\nactions: []\n`, 'o.yaml:3:1: error: not a valid Overlay 1.0 document: actions: expected at least one action (at /actions)'],
    ['a misspelt action field', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - target: $.info\n    updat: {}\n`, 'o.yaml:5:5: error: not a valid Overlay 1.0 document: unexpected field "updat" (expected target, description, update, remove or an x- extension) (at /actions/0/updat)'],
    ['a target that is not JSONPath', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - target: paths\n    update: {}\n`, 'o.yaml:4:5: error: not a valid Overlay 1.0 document: target: expected a JSONPath query starting with "$", got string "paths" (at /actions/0/target)'],
    ['an action without a target', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - update: {}\n`, 'o.yaml:4:5: error: not a valid Overlay 1.0 document: target is missing (a JSONPath query such as `$.paths`) (at /actions/0)'],
    ['remove: "yes"', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - target: $.info\n    remove: "yes"\n`, 'o.yaml:5:5: error: not a valid Overlay 1.0 document: remove: expected true or false, got string "yes" (at /actions/0/remove)'],
    ['the same action twice', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - { target: $.info, update: { a: 1 } }\n  - { update: { a: 1 }, target: $.info }\n`, 'o.yaml:5:5: error: not a valid Overlay 1.0 document: actions: action 1 repeats action 0 (at /actions/1)'],
    ['a field Overlay does not have', `overlay: 1.0.0\n${VALID_INFO}\ncomponents: {}\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:3:1: error: not a valid Overlay 1.0 document: unexpected field "components" (expected overlay, info, extends, actions or an x- extension) (at /components)'],
    ['broken YAML', `overlay: 1.0.0\n${VALID_INFO}\nactions:\n  - target: $.info\n    description: why: because\n`, 'o.yaml:5:18: error: expected valid JSON or YAML: Nested mappings are not allowed in compact mappings'],
    ['a duplicate key', `overlay: 1.0.0\noverlay: 1.0.1\n${VALID_INFO}\nactions: [{ target: $, update: {} }]\n`, 'o.yaml:2:1: error: duplicate key: Map keys must be unique'],
  ])('rejects %s', (_name, text, message) => {
    const { overlay, diagnostics } = readOverlay(text, 'o.yaml');
    expect(overlay).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toContain(message);
  });
});

describe('overlays on disk', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'specmill-overlays-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const titleOverlay = (title: string) => `overlay: 1.0.0\ninfo: { title: ${title}, version: "1" }\nactions:\n  - target: $.info\n    update: { title: ${title} }\n`;

  it('are applied in natural file-name order; other files are ignored', () => {
    write('specs/shop/overlays/10-last.yaml', titleOverlay('ten'));
    write('specs/shop/overlays/2-first.yml', titleOverlay('two'));
    write('specs/shop/overlays/README.md', 'notes');
    const dir = path.join(root, 'specs/shop/overlays');
    expect(listOverlayFiles(dir).map((f) => path.basename(f))).toEqual(['2-first.yml', '10-last.yaml']);
    const config = resolveConfig({ apis: { shop: {} } }, root, path.join(root, 'specmill.config.ts'));
    const spec = parse('openapi: 3.1.0\ninfo: { title: Shop, version: "1" }\npaths: {}\n') as JsonObject;
    const { document, diagnostics } = overlayApi(config.apis[0]!, spec, { root });
    expect(diagnostics).toEqual([]);
    expect((document.info as JsonObject).title).toBe('ten');
  });

  it('come from the folder the config names, reported relative to the project', () => {
    write('fixes/broken.yaml', 'overlay: 1.0.0\n');
    const config = resolveConfig({ apis: { shop: { overlays: 'fixes' } } }, root, path.join(root, 'specmill.config.ts'));
    const spec = parse('openapi: 3.1.0\ninfo: { title: Shop, version: "1" }\npaths: {}\n') as JsonObject;
    const { diagnostics } = overlayApi(config.apis[0]!, spec, { root });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'fixes/broken.yaml:1:1: error: not a valid Overlay 1.0 document: info: expected an object with title and version',
      'fixes/broken.yaml:1:1: error: not a valid Overlay 1.0 document: actions: expected a list of at least one action',
    ]);
  });

  it('an API with no overlays folder gets its spec back untouched', () => {
    const config = resolveConfig({ apis: { other: {} } }, root, path.join(root, 'specmill.config.ts'));
    const spec = parse('openapi: 3.1.0\ninfo: { title: Other, version: "1" }\npaths: {}\n') as JsonObject;
    expect(overlayApi(config.apis[0]!, spec, { root })).toEqual({ document: spec, diagnostics: [] });
  });

  it('the config key must be a folder name', () => {
    expect(() => resolveConfig({ apis: { shop: { overlays: 3 } } }, root, path.join(root, 'specmill.config.ts'))).toThrow(SpecmillError);
    expect(() => resolveConfig({ apis: { shop: { overlays: 3 } } }, root, path.join(root, 'specmill.config.ts'))).toThrow(/apis\.shop\.overlays: expected a string/);
  });
});
