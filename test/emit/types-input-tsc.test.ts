// Each group of real-world specs that openapi-typescript 7 turns into types failing strict tsc,
// in a small spec of its own: openapi-typescript alone on the spec fails tsc; specmill's whole
// pipeline on the same spec (which hands openapi-typescript the reshaped copy of
// generator/emit/types-input.ts) gives a client that passes it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { ROOT } from '../helpers.js';
import { generateTempApi, type TempApi } from '../support/temp-api.js';

const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });

function spec(paths: JsonObject, schemas: JsonObject = {}): JsonObject {
  return { openapi: '3.1.0', info: { title: 'Groups', version: '1.0.0' }, paths, components: { schemas } };
}

const GROUPS: [name: string, spec: JsonObject, failure: RegExp][] = [
  [
    "a $ref into another object's inside (an array's items, a property of a response schema, another operation's parameter)",
    spec(
      {
        '/vms': {
          get: {
            operationId: 'listVms',
            parameters: [{ name: 'per_page', in: 'query', schema: { type: 'integer' } }],
            responses: { '200': { description: 'OK', ...json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Vm' } }, paging: { type: 'object', properties: { next: { type: 'string' } } } } }) } },
          },
        },
        '/disks': {
          get: {
            operationId: 'listDisks',
            parameters: [{ $ref: '#/paths/~1vms/get/parameters/0' }],
            responses: {
              '200': {
                description: 'OK',
                ...json({ type: 'object', properties: { disks: { type: 'array', items: { $ref: '#/components/schemas/Vm/properties/disks/items' } }, paging: { $ref: '#/paths/~1vms/get/responses/200/content/application~1json/schema/properties/paging' } } }),
              },
            },
          },
        },
      },
      { Vm: { type: 'object', properties: { disks: { type: 'array', items: { type: 'object', properties: { size: { type: 'integer' } } } } } } },
    ),
    /error TS2339: Property 'per_page' does not exist on type[^]*error TS2339: Property 'items' does not exist on type[^]*error TS2339: Property 'schema' does not exist on type/,
  ],
  [
    'a discriminator property that a schema inheriting it also declares',
    spec(
      { '/pets': { get: { operationId: 'listPets', responses: { '200': { description: 'OK', ...json({ type: 'array', items: { $ref: '#/components/schemas/Dog' } }) } } } } },
      {
        Pet: { type: 'object', required: ['class'], properties: { class: { type: 'string' }, name: { type: 'string' } }, discriminator: { propertyName: 'class' } },
        Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }], type: 'object', properties: { class: { type: 'string' }, bark: { type: 'boolean' } } },
      },
    ),
    /error TS2300: Duplicate identifier 'class'/,
  ],
  [
    'operationIds that openapi-typescript names one way and refers to another (`%`), or renames (`#`)',
    spec({
      '/pets': { get: { operationId: 'Pets#list', responses: { '200': { description: 'OK', ...json({ type: 'string' }) } } } },
      '/owners': { get: { operationId: 'owners%41list', responses: { '200': { description: 'OK', ...json({ type: 'string' }) } } } },
    }),
    /error TS2339: Property 'ownersAlist' does not exist on type 'operations'/,
  ],
];

/** strict tsc over the given `.d.ts` files; '' when it passes. */
function strictTsc(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [], skipLibCheck: false }, files: Object.keys(files) }));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const remove of cleanup) remove();
});

describe.each(GROUPS)('%s', (_name, document, failure) => {
  it('fails strict tsc in openapi-typescript alone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'specmill-types-input-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const types = astToString(await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], { silent: true }));
    expect(strictTsc(dir, { 'schema.d.ts': types })).toMatch(failure);
  }, 60_000);

  it("passes strict tsc in specmill's generated client", async () => {
    const api: TempApi = await generateTempApi({ 'api.json': JSON.stringify(document) }, 'groups');
    cleanup.push(() => api.remove());
    expect(api.messages.filter((m) => m.includes('error'))).toEqual([]);
    expect(api.typecheck()).toBe('');
  }, 120_000);
});

it('the client uses the keys openapi-typescript gives operations', async () => {
  const api = await generateTempApi({ 'api.json': JSON.stringify(GROUPS[2]![1]) }, 'keys');
  cleanup.push(() => api.remove());
  const schema = readFileSync(path.join(api.dir, 'generated/keys/schema.d.ts'), 'utf8');
  const client = readFileSync(path.join(api.dir, 'generated/keys/client.d.ts'), 'utf8');
  for (const [key, member] of [['Pets/list', "'Pets/list': {"], ['owners_41list', 'owners_41list: {']]) {
    expect(schema).toContain(member);
    expect(client).toContain(`operations['${key}']`);
  }
  // What callers see is still the spec's operationId.
  expect(client).toContain(`'Pets#list': PetsListError`);
}, 120_000);
