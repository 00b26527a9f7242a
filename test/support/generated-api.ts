// A made-up OpenAPI 3.1 document of a few hundred operations for the cache tests, with what makes
// openapi-typescript read across units: shared parameters and request bodies by `$ref`, `allOf`
// with `required` over a base schema, a discriminated `oneOf` with a mapping; and the edits the
// property test applies to it (each keeps the document valid).
import type { JsonObject } from '../../generator/core/openapi-types.js';

const RESOURCES = ['widget', 'gadget', 'order', 'invoice', 'user', 'team', 'project', 'ticket', 'comment', 'label'];

export function generateApi(operations: number): JsonObject {
  const paths: JsonObject = {};
  const schemas: JsonObject = {
    Base: { type: 'object', properties: { id: { type: 'string' }, created: { type: 'string', format: 'date-time' } } },
    Problem: { type: 'object', description: 'An error.', properties: { title: { type: 'string' }, status: { type: 'integer' } }, required: ['title'] },
    Pet: {
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
    },
    Cat: { type: 'object', properties: { kind: { type: 'string' }, meows: { type: 'boolean' } } },
    Dog: { type: 'object', properties: { kind: { type: 'string' }, barks: { type: 'integer' } } },
  };
  let made = 0;
  for (let i = 0; made < operations; i++) {
    const resource = `${RESOURCES[i % RESOURCES.length]}${Math.floor(i / RESOURCES.length)}`;
    const name = resource[0]!.toUpperCase() + resource.slice(1);
    schemas[name] = {
      description: `A ${resource}.`,
      allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' }, pet: { $ref: '#/components/schemas/Pet' } } }],
      required: ['id', 'name'],
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    paths[`/${resource}s`] = {
      get: {
        operationId: `list${name}s`,
        summary: `List ${resource}s`,
        tags: [RESOURCES[i % RESOURCES.length]!],
        parameters: [{ $ref: '#/components/parameters/Limit' }, { $ref: '#/components/parameters/Cursor' }],
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: ref } } } }, '400': { $ref: '#/components/responses/BadRequest' } },
      },
      post: {
        operationId: `create${name}`,
        summary: `Create a ${resource}`,
        requestBody: { $ref: '#/components/requestBodies/Named' },
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: ref } } } },
      },
    };
    paths[`/${resource}s/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { operationId: `get${name}`, summary: `Get a ${resource}`, responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } }, '404': { $ref: '#/components/responses/BadRequest' } } },
    };
    made += 3;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Generated API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    paths,
    components: {
      schemas,
      parameters: {
        Limit: { name: 'limit', in: 'query', schema: { type: 'integer' }, description: 'How many.' },
        Cursor: { name: 'cursor', in: 'query', schema: { type: 'string' } },
      },
      requestBodies: { Named: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } } } },
      responses: { BadRequest: { description: 'Bad request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } } },
    },
  };
}

export type Edit =
  | { kind: 'summary'; at: number; text: string }
  | { kind: 'add operation'; at: number }
  | { kind: 'remove operation'; at: number }
  | { kind: 'schema property'; at: number; text: string }
  | { kind: 'rename component'; at: number }
  | { kind: 'shared parameter'; required: boolean; text: string }
  | { kind: 'base schema'; text: string }
  | { kind: 'discriminator'; text: string }
  | { kind: 'request body'; required: boolean };

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

function operationsOf(doc: JsonObject): [string, string][] {
  const out: [string, string][] = [];
  for (const [route, item] of Object.entries(doc.paths as JsonObject)) for (const method of METHODS) if ((item as JsonObject)[method]) out.push([route, method]);
  return out;
}

let added = 0;

/** Applies `edit` to `doc` in place; indexes wrap around what the document has now. */
export function applyEdit(doc: JsonObject, edit: Edit): void {
  const paths = doc.paths as JsonObject;
  const components = doc.components as JsonObject & { schemas: JsonObject; parameters: JsonObject; requestBodies: JsonObject };
  const operations = operationsOf(doc);
  const names = Object.keys(components.schemas).filter((n) => !['Base', 'Problem', 'Pet', 'Cat', 'Dog'].includes(n));
  switch (edit.kind) {
    case 'summary': {
      const [route, method] = operations[edit.at % operations.length]!;
      ((paths[route] as JsonObject)[method] as JsonObject).summary = edit.text;
      break;
    }
    case 'add operation': {
      const n = ++added;
      const target = names[edit.at % names.length]!;
      paths[`/added-${n}/{id}`] = {
        get: {
          operationId: `addedOperation${n}`,
          summary: `Added ${n}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/Limit' }],
          responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${target}` } } } } },
        },
      };
      break;
    }
    case 'remove operation': {
      if (operations.length <= 1) return;
      const [route, method] = operations[edit.at % operations.length]!;
      const item = paths[route] as JsonObject;
      delete item[method];
      if (!METHODS.some((m) => item[m])) delete paths[route];
      break;
    }
    case 'schema property': {
      const schema = components.schemas[names[edit.at % names.length]!] as JsonObject;
      const own = (schema.allOf as JsonObject[])[1]!;
      (own.properties as JsonObject)[`extra${edit.at % 3}`] = { type: edit.at % 2 ? 'string' : 'number', description: edit.text };
      break;
    }
    case 'rename component': {
      const from = names[edit.at % names.length]!;
      const to = `${from}Renamed`;
      const entries = Object.entries(components.schemas).map(([k, v]) => [k === from ? to : k, v] as const);
      components.schemas = Object.fromEntries(entries);
      const text = JSON.stringify(doc).replaceAll(`"#/components/schemas/${from}"`, `"#/components/schemas/${to}"`);
      Object.assign(doc, JSON.parse(text));
      break;
    }
    case 'shared parameter':
      components.parameters.Limit = { name: 'limit', in: 'query', required: edit.required, schema: { type: edit.required ? 'integer' : 'string' }, description: edit.text };
      break;
    case 'base schema':
      // The children's `allOf` + `required` read the base's properties (WithRequired<...>).
      ((components.schemas.Base as JsonObject).properties as JsonObject).name = { type: 'string', description: edit.text };
      break;
    case 'discriminator': {
      const pet = components.schemas.Pet as JsonObject & { discriminator: { mapping: JsonObject } };
      pet.discriminator.mapping = { [edit.text.replace(/\W/g, '') || 'cat']: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' };
      break;
    }
    case 'request body':
      (components.requestBodies.Named as JsonObject).required = edit.required;
      break;
  }
}
