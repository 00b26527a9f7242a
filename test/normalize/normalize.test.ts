import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import { buildClientModel } from '../../generator/model/client-model.js';
import { normalizeApi } from '../../generator/normalize/index.js';
import { camelCase } from '../../generator/normalize/operation-ids.js';
import type { JsonObject } from '../../generator/core/openapi-types.js';
import { printSpec } from '../../generator/spec/spec-file.js';

function page(yaml: string): JsonObject {
  return parse(yaml) as JsonObject;
}

const first = page(`
openapi: 3.0.1
info: { title: Shop, version: "1" }
servers: [{ url: https://a.example.test }]
paths:
  /orders:
    get:
      summary: List orders
      x-specmill-source: a.md:3:1
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Order" }
components:
  schemas:
    Order:
      type: object
      properties: { id: { type: string } }
      x-specmill-source: a.md:9:1
`);

const second = page(`
openapi: 3.0.1
info: { title: Shop, version: "1" }
servers: [{ url: https://a.example.test }]
paths:
  /orders/{id}:
    get:
      summary: Get order
      x-specmill-source: b.md:3:1
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Order" }
components:
  schemas:
    Order:
      type: object
      description: differs only in its description
      properties: { id: { type: string } }
      x-specmill-source: b.md:12:1
`);

const clashing = page(`
openapi: 3.0.1
info: { title: Shop, version: "2" }
paths:
  /orders:
    post:
      x-specmill-source: c.md:3:1
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Wrapper" }
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Order" }
components:
  schemas:
    Wrapper:
      type: object
      properties: { order: { $ref: "#/components/schemas/Order" } }
    Order:
      type: object
      properties: { id: { type: integer } }
      x-specmill-source: c.md:20:1
`);

describe('normalizeApi', () => {
  it('merges identical components across pages and records every page', () => {
    const { document, diagnostics } = normalizeApi([
      { page: 'b.md', fragment: second },
      { page: 'a.md', fragment: first },
    ]);
    expect(diagnostics).toEqual([]);
    const order = ((document.components as JsonObject).schemas as JsonObject).Order as JsonObject;
    expect(order['x-specmill-sources']).toEqual(['a.md:9:1', 'b.md:12:1']);
    expect(Object.keys(document.paths as JsonObject)).toEqual(['/orders', '/orders/{id}']);
    expect(document.servers).toEqual([{ url: 'https://a.example.test' }]);
    expect(document.openapi).toBe('3.1.0');
  });

  it('renames a different schema under a taken name, follows it in refs, and warns naming both pages', () => {
    const { document, diagnostics } = normalizeApi([
      { page: 'a.md', fragment: first },
      { page: 'c.md', fragment: clashing },
    ]);
    const schemas = (document.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toEqual(['Order', 'Order_2', 'Wrapper']);
    expect(((schemas.Wrapper as JsonObject).properties as JsonObject).order).toEqual({ $ref: '#/components/schemas/Order_2' });
    expect(diagnostics.map(formatDiagnostic)).toEqual(['c.md:20:1: warning: components.schemas.Order differs from the one on a.md; this page\'s is renamed Order_2']);
  });

  it('warns, naming both places, when a second page words a shared component differently', () => {
    const worded = (fragment: JsonObject, words: string): JsonObject => {
      const copy = structuredClone(fragment);
      const order = ((copy.components as JsonObject).schemas as JsonObject).Order as JsonObject;
      ((order.properties as JsonObject).id as JsonObject).description = words;
      return copy;
    };
    const { document, diagnostics } = normalizeApi([
      { page: 'a.md', fragment: worded(first, 'The order id.') },
      { page: 'b.md', fragment: worded(second, 'An edited description.') },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'b.md:12:1: warning: components.schemas.Order at /properties/id: its description here differs from the one on a.md:9:1; the one on a.md:9:1 is kept',
    ]);
    const kept = (((document.components as JsonObject).schemas as JsonObject).Order as JsonObject).properties as JsonObject;
    expect((kept.id as JsonObject).description).toBe('The order id.');
  });

  it('makes the clash an error under strict', () => {
    const { diagnostics } = normalizeApi([{ page: 'a.md', fragment: first }, { page: 'c.md', fragment: clashing }], { strict: true });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('derives readable, unique operationIds and declares tags', () => {
    const { document } = normalizeApi([
      { page: 'a.md', fragment: first },
      { page: 'c.md', fragment: clashing },
    ]);
    const paths = document.paths as JsonObject;
    expect(((paths['/orders'] as JsonObject).get as JsonObject).operationId).toBe('listOrders');
    expect(((paths['/orders'] as JsonObject).post as JsonObject).operationId).toBe('postOrders');
  });

  describe('derived operationIds stay put when other operations come and go', () => {
    /** One page per operation, each without an operationId: `[method, path, summary]`. */
    const api = (...operations: [string, string, string?][]) =>
      normalizeApi(
        operations.map(([method, path, summary], i) => ({
          page: `p${i}.md`,
          fragment: page(`openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  ${path}:\n    ${method}:\n${summary ? `      summary: ${summary}\n` : ''}      responses: { "204": { description: Done } }\n`),
        })),
      ).document;
    const ids = (doc: JsonObject) =>
      Object.fromEntries(Object.entries(doc.paths as JsonObject).flatMap(([path, item]) => Object.entries(item as JsonObject).map(([method, op]) => [`${method.toUpperCase()} ${path}`, (op as JsonObject).operationId])));

    it('names operations sharing a summary from method and path, all but the one whose path sorts first', () => {
      expect(ids(api(['post', '/subscribe', 'Subscribe to webhook'], ['post', '/register', 'Subscribe to webhook'], ['get', '/status', 'Get status']))).toEqual({
        'POST /register': 'subscribeToWebhook',
        'GET /status': 'getStatus',
        'POST /subscribe': 'postSubscribe',
      });
    });

    it('keeps the name of the operation left when its namesake is removed', () => {
      expect(ids(api(['post', '/register', 'Subscribe to webhook'], ['get', '/status', 'Get status']))).toEqual({ 'POST /register': 'subscribeToWebhook', 'GET /status': 'getStatus' });
    });

    it('does not depend on the order of the pages', () => {
      const forward = api(['post', '/subscribe', 'Subscribe to webhook'], ['post', '/register', 'Subscribe to webhook'], ['delete', '/register', 'Subscribe to webhook']);
      const backward = api(['delete', '/register', 'Subscribe to webhook'], ['post', '/register', 'Subscribe to webhook'], ['post', '/subscribe', 'Subscribe to webhook']);
      expect(ids(forward)).toEqual(ids(backward));
      expect(ids(forward)).toEqual({ 'POST /register': 'subscribeToWebhook', 'DELETE /register': 'deleteRegister', 'POST /subscribe': 'postSubscribe' });
    });

    it('leaves a summary name taken by a page-given operationId to that page', () => {
      const doc = api(['get', '/a', 'List things'], ['get', '/b', 'List things']);
      expect(ids(doc)).toEqual({ 'GET /a': 'listThings', 'GET /b': 'getB' });
      const given = normalizeApi([
        { page: 'a.md', fragment: page('openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /z:\n    get:\n      operationId: listThings\n      responses: { "204": { description: Done } }\n') },
        { page: 'b.md', fragment: page('openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths:\n  /m:\n    get:\n      summary: List things\n      responses: { "204": { description: Done } }\n') },
      ]).document;
      expect(ids(given)).toEqual({ 'GET /m': 'getM', 'GET /z': 'listThings' });
    });

    it('numbers method-and-path names only when they clash among themselves', () => {
      expect(ids(api(['get', '/x-y'], ['get', '/x_y']))).toEqual({ 'GET /x-y': 'getXY', 'GET /x_y': 'getXY2' });
    });
  });

  it('keeps the webhooks a page describes, with ids from the same namespace as the operations', () => {
    const { document } = normalizeApi([
      { page: 'a.md', fragment: first },
      {
        page: 'w.md',
        fragment: page('openapi: 3.1.0\ninfo: { title: Shop, version: "1" }\nwebhooks:\n  order-shipped:\n    post:\n      summary: List orders\n      x-specmill-source: w.md:2:1\n      requestBody: { content: { application/json: { schema: { type: object } } } }\n'),
      },
    ]);
    const webhook = ((document.webhooks as JsonObject)['order-shipped'] as JsonObject).post as JsonObject;
    expect(webhook['x-specmill-source']).toBe('w.md:2:1');
    // The summary's name is the path operation's already.
    expect(webhook.operationId).toBe('postOrderShipped');
    // A webhook is called by the API, not by its clients: it is no client method.
    expect(buildClientModel(document).operations.map((o) => o.operationId)).toEqual(['listOrders']);
  });

  it('is byte-stable whatever order the pages come in', () => {
    const a = printSpec(normalizeApi([{ page: 'a.md', fragment: first }, { page: 'b.md', fragment: second }, { page: 'c.md', fragment: clashing }]).document);
    const b = printSpec(normalizeApi([{ page: 'c.md', fragment: clashing }, { page: 'b.md', fragment: second }, { page: 'a.md', fragment: first }]).document);
    expect(a).toBe(b);
  });

  it.each([
    ['Create Extension Instance', 'createExtensionInstance'],
    ['List extension-instances (v2)', 'listExtensionInstancesV2'],
    ['Créer une instance', 'creerUneInstance'],
    ['2FA setup', 'op2FaSetup'],
    ['Create an extension', 'createExtension'],
    ['Get the list of a thing', 'getListOfThing'],
    ['', ''],
  ])('camelCase(%j) is %j', (given, want) => {
    expect(camelCase(given)).toBe(want);
  });
});
