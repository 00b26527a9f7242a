import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { applyOverlays } from '../../generator/overlays/apply-overlays.js';
import { readOverlay, type Overlay } from '../../generator/overlays/load-overlays.js';

const SPEC = parse(`
openapi: 3.1.0
info: { title: Shop, version: "1" }
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
        - { name: dummy, in: query, schema: { type: string } }
        - { name: debug, in: query, schema: { type: boolean } }
      responses:
        "200": { description: OK }
    post:
      operationId: createOrder
      responses:
        "201": { description: Created }
  /orders/{id}:
    get:
      operationId: getOrder
      responses:
        "200": { description: OK }
components:
  schemas:
    Order:
      type: object
      required: [id]
      properties:
        id: { type: string }
        note: { type: string, description: From the page }
`) as JsonObject;

function overlay(actions: string, file = 'overlays/test.yaml'): Overlay {
  const text = `overlay: 1.0.0\ninfo: { title: Test, version: 1.0.0 }\nactions:\n${actions}`;
  const { overlay: read, diagnostics } = readOverlay(text, file);
  if (!read) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return read;
}

function apply(...overlays: Overlay[]): { doc: JsonObject; messages: string[] } {
  const { document, diagnostics } = applyOverlays(SPEC, overlays);
  return { doc: document, messages: diagnostics.map(formatDiagnostic) };
}

/** A value inside the result by path, so that cases stay one line. */
function pick(doc: JsonObject, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe('applyOverlays: update and remove', () => {
  it.each<[string, { actions: string; path: string; want: unknown }]>([
    [
      'merges an object into each node a wildcard selects',
      { actions: `  - target: $.paths.*.get\n    update: { x-safe: true }`, path: 'paths./orders/{id}.get.x-safe', want: true },
    ],
    [
      'merges objects recursively, keeping what the update does not name',
      { actions: `  - target: $.components.schemas.Order\n    update: { properties: { note: { maxLength: 80 } } }`, path: 'components.schemas.Order.properties.note', want: { type: 'string', description: 'From the page', maxLength: 80 } },
    ],
    [
      'replaces a primitive with a primitive',
      { actions: `  - target: $.info\n    update: { title: Shop API }`, path: 'info.title', want: 'Shop API' },
    ],
    [
      'concatenates an array property with an array',
      { actions: `  - target: $.components.schemas.Order\n    update: { required: [note] }`, path: 'components.schemas.Order.required', want: ['id', 'note'] },
    ],
    [
      'appends an object to an array the target selects',
      { actions: `  - target: $.paths['/orders'].post\n    update: { tags: [] }\n  - target: $.paths['/orders'].post.tags\n    update: orders`, path: 'paths./orders.post.tags', want: ['orders'] },
    ],
    [
      'concatenates an array update to an array target',
      { actions: `  - target: $.components.schemas.Order.required\n    update: [note, other]`, path: 'components.schemas.Order.required', want: ['id', 'note', 'other'] },
    ],
    [
      'adds new properties after the existing ones (schemas keep document order)',
      { actions: `  - target: $.components.schemas.Order.properties\n    update: { total: { type: number } }`, path: 'components.schemas.Order.properties', want: { id: { type: 'string' }, note: { type: 'string', description: 'From the page' }, total: { type: 'number' } } },
    ],
    [
      'removes a key from its map',
      { actions: `  - target: $.paths['/orders'].post\n    remove: true`, path: 'paths./orders.post', want: undefined },
    ],
    [
      'removes array items a filter selects, however many',
      { actions: `  - target: $.paths.*.get.parameters[?@.name == 'dummy' || @.name == 'debug']\n    remove: true`, path: 'paths./orders.get.parameters', want: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }] },
    ],
    [
      'applies actions in order: remove, then create afresh',
      { actions: `  - target: $.components.schemas.Order\n    remove: true\n  - target: $.components.schemas\n    update: { Order: { type: string } }`, path: 'components.schemas.Order', want: { type: 'string' } },
    ],
    [
      'ignores update when remove is true',
      { actions: `  - target: $.paths['/orders/{id}']\n    remove: true\n    update: { summary: kept? }`, path: 'paths./orders/{id}', want: undefined },
    ],
  ])('%s', (_name, { actions, path, want }) => {
    const { doc, messages } = apply(overlay(actions));
    expect(messages).toEqual([]);
    expect(pick(doc, path)).toEqual(want);
  });

  it('applies overlays in the order given, each to the result of the one before', () => {
    const first = overlay(`  - target: $.info\n    update: { title: First }`);
    const second = overlay(`  - target: $.info\n    update: { title: Second, x-by: second }`);
    expect(pick(apply(first, second).doc, 'info')).toEqual({ title: 'Second', version: '1', 'x-by': 'second' });
  });

  it('keeps the canonical key order of the spec', () => {
    const { doc } = apply(overlay(`  - target: $\n    update: { security: [{ token: [] }], servers: [{ url: https://api.example.test }] }`));
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'servers', 'security', 'paths', 'components']);
  });

  it('leaves the input spec unchanged', () => {
    const before = JSON.stringify(SPEC);
    apply(overlay(`  - target: $.components.schemas.Order.required\n    update: [note]\n  - target: $.paths['/orders'].post\n    remove: true`));
    expect(JSON.stringify(SPEC)).toBe(before);
  });

  it('gives every match its own copy of the update', () => {
    const { doc } = apply(overlay(`  - target: $.paths.*.get\n    update: { x-tags: [a] }`));
    const first = pick(doc, 'paths./orders.get.x-tags') as string[];
    first.push('b');
    expect(pick(doc, 'paths./orders/{id}.get.x-tags')).toEqual(['a']);
  });

  it('treats __proto__ and constructor in an update as plain keys', () => {
    // YAML overlays with a __proto__ key are refused when read (structured-text); an overlay built
    // in code, or from JSON.parse, can still carry one, and the merge must keep it a plain key.
    const action = overlay(`  - target: $.components.schemas\n    update: { constructor: { prototype: { polluted: true } } }\n  - target: $.info\n    update: {}`);
    const hostile = JSON.parse('{ "__proto__": { "type": "object", "polluted": true } }') as JsonObject;
    const withProto: Overlay = { ...action, actions: [action.actions[0]!, { ...action.actions[1]!, target: '$.components.schemas', update: { value: hostile } }, { ...action.actions[1]!, update: { value: hostile } }] };
    const { doc, messages } = apply(withProto);
    expect(messages).toEqual([]);
    const schemas = pick(doc, 'components.schemas') as Record<string, unknown>;
    expect(Object.keys(schemas)).toEqual(['Order', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(schemas)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(pick(doc, 'info') as object, '__proto__')?.value).toEqual({ type: 'object', polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a __proto__ key in an overlay file, at its line', () => {
    const { diagnostics } = readOverlay(`overlay: 1.0.0\ninfo: { title: T, version: "1" }\nactions:\n  - target: $.info\n    update:\n      __proto__: { polluted: true }\n`, 'o.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^o\.yaml:6:7: error: the key "__proto__" is not accepted/)]);
  });
});

describe('applyOverlays: errors name the overlay file, line and column', () => {
  it.each<[string, { actions: string; message: RegExp }]>([
    ['a target that matches nothing', { actions: `  - target: $.paths['/missing']\n    update: { summary: x }`, message: /^overlays\/test\.yaml:4:5: error: target \$\.paths\['\/missing'\] matches nothing in the spec \(at \/actions\/0\/target\)$/ }],
    ['a target that is not JSONPath', { actions: `  - target: $.paths[\n    update: { summary: x }`, message: /^overlays\/test\.yaml:4:5: error: target is not a JSONPath query \(RFC 9535\): / }],
    ['a target that selects a string', { actions: `  - target: $.info.title\n    update: Shop API`, message: /^overlays\/test\.yaml:4:5: error: target \$\.info\.title selects a string; Overlay 1\.0 targets select objects or arrays/ }],
    ['an array update for an object', { actions: `  - target: $.info\n    update: [1, 2]`, message: /^overlays\/test\.yaml:5:5: error: target \$\.info selects an object, so update must be an object of properties to merge, not an array \(at \/actions\/0\/update\)$/ }],
    [
      'an object merged into a string, at the key that clashes',
      { actions: `  - target: $.components.schemas.Order\n    update:\n      properties:\n        id:\n          type: { const: x }`, message: /^overlays\/test\.yaml:8:11: error: update cannot merge an object into a string at \/properties\/id\/type; remove it in an earlier action, then add it \(at \/actions\/0\/update\/properties\/id\/type\)$/ },
    ],
    ['removing the whole document', { actions: `  - target: $\n    remove: true`, message: /^overlays\/test\.yaml:4:5: error: target \$ selects the whole document, which cannot be removed \(at \/actions\/0\/target\)$/ }],
  ])('%s', (_name, { actions, message }) => {
    const { messages } = apply(overlay(actions));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('makes an unmatched target a warning when lenient, and goes on', () => {
    const actions = overlay(`  - target: $.paths['/missing']\n    update: { summary: x }\n  - target: $.info\n    update: { title: Still applied }`);
    const { document, diagnostics } = applyOverlays(SPEC, [actions], { lenient: true });
    expect(diagnostics.map(formatDiagnostic)).toEqual([`overlays/test.yaml:4:5: warning: target $.paths['/missing'] matches nothing in the spec (at /actions/0/target)`]);
    expect(pick(document, 'info.title')).toBe('Still applied');
  });
});
