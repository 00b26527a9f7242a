// The renderings of embedded OpenAPI that docs sites produce, each on a fixture of its own, and
// documents cut off before their end: the operation is kept, what the cut took is a located warning.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/core/diagnostics.js';
import { detectFormat, importPage } from '../../generator/importers/index.js';
import { isObject, type JsonObject } from '../../generator/core/openapi-types.js';
import { fixture, toYaml } from '../helpers.js';

function operation(fragment: JsonObject | undefined, path: string, method: string): JsonObject {
  const item = isObject(fragment?.paths) ? fragment.paths[path] : undefined;
  const op = isObject(item) ? item[method] : undefined;
  if (!isObject(op)) throw new Error(`no ${method} ${path}`);
  return op;
}

async function read(name: string) {
  const page = fixture('openapi-in-markdown', name);
  expect(detectFormat(page)?.name).toBe('openapi-in-markdown');
  const result = await importPage(page);
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
}

const AT = 'test/fixtures/openapi-in-markdown';

describe('embedded OpenAPI renderings', () => {
  it.each([
    'mintlify-fence-info.md',
    'mintlify-cut-yaml.md',
    'mintlify-resolved-endpoint.md',
    'mintlify-resolved-cut.md',
    'mintlify-resolved-webhook.md',
    'prose-then-fence.md',
    'gitbook-summary-heading.md',
    'readme-flattened.md',
    'fern-flattened.md',
    'docusaurus-operation.mdx',
    'json-as-docs-write-it.md',
    'front-matter-title.md',
    'undeclared-path-parameter.md',
    'paths-snippet.md',
    'split-document.md',
    'html-pre-block.html',
  ])(
    'imports %s',
    async (name) => {
      const result = await importPage(fixture('openapi-in-markdown', name));
      await expect(toYaml(result)).toMatchFileSnapshot(`__snapshots__/openapi-in-markdown/${name}.yaml`);
    },
  );

  it('reads YAML in a four-backtick fence whose info string names the operation (Mintlify)', async () => {
    const { fragment, messages } = await read('mintlify-fence-info.md');
    expect(messages).toEqual([]);
    const op = operation(fragment, '/v1/projects/{projectId}/archive', 'post');
    expect(op.summary).toBe('Archive a project');
    expect(op.description).toBe('Moves a project to the archive. Archived projects are **read-only**.');
  });

  it('keeps what a cut YAML document completed, and stands in for what it lost (Mintlify, cut)', async () => {
    const { fragment, messages } = await read('mintlify-cut-yaml.md');
    const op = operation(fragment, '/tickets/{ticketId}/notes', 'post');
    expect((op.parameters as JsonObject[]).map((p) => p.name)).toEqual(['ticketId', 'X-Agent']);
    expect(Object.keys(op.responses as JsonObject)).toEqual(['201', '404']);
    const schemas = (fragment?.components as JsonObject).schemas as JsonObject;
    const properties = (schemas.NoteInput as JsonObject).properties as JsonObject;
    expect(properties).toEqual({
      body: { type: 'string' },
      author: { 'x-specmill-unresolved': '#/components/schemas/Agent' },
      visibility: { 'x-specmill-unresolved': 'the page was cut off inside it' },
    });
    expect(messages).toEqual([
      `${AT}/mintlify-cut-yaml.md:51:9: warning: the document is cut off inside "visibility": its name is kept, what it is is not known (x-specmill-unresolved) (at /components/schemas/NoteInput/properties/visibility)`,
      `${AT}/mintlify-cut-yaml.md:49:9: warning: #/components/schemas/Agent is not on the page, which was cut off before its end: it stands as x-specmill-unresolved (at /components/schemas/NoteInput/properties/author)`,
      `${AT}/mintlify-cut-yaml.md:36:15: warning: #/components/schemas/Note is not on the page, which was cut off before its end: it stands as x-specmill-unresolved (at /paths/~1tickets~1{ticketId}~1notes/post/responses/201/content/application~1json/schema)`,
    ]);
  });

  it("rebuilds the OpenAPI document of Mintlify's resolved endpoint (`paths: {path, method, request, response}`)", async () => {
    const { fragment, messages } = await read('mintlify-resolved-endpoint.md');
    expect(messages).toEqual([]);
    const op = operation(fragment, '/notes/{noteId}/shares', 'post');
    // `# Source: <url>` says where the copy came from; the title is the heading after it.
    expect(op.summary).toBe('Share a note');
    expect(op.description).toBe('Shares a note with the people you name. Each gets an **email**.');
    expect(op['x-specmill-source']).toBe(`${AT}/mintlify-resolved-endpoint.md:14:3`);
    expect(op.parameters).toEqual([
      { name: 'noteId', in: 'path', required: true, description: 'The note to share.', schema: { type: 'string', format: 'uuid' } },
      // `enum<string>` is Mintlify's word for a string enum; `required: false` is no requirement.
      { name: 'notify', in: 'query', style: 'form', schema: { type: 'string', enum: ['all', 'none'], default: 'all' } },
      // One schema entry per type the parameter takes.
      { name: 'X-Request-Id', in: 'header', schema: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
    ]);
    // The body: `required: true` on the item, `requiredProperties`, and the `allOf` wrapper of each property undone.
    const body = op.requestBody as JsonObject;
    expect(body).toMatchObject({ required: true, description: 'Who to share with, and how.', content: { 'application/json': { schema: { $ref: '#/components/schemas/ShareRequest' } } } });
    const schemas = (fragment?.components as JsonObject).schemas as JsonObject;
    expect(schemas.ShareRequest).toMatchObject({
      type: 'object',
      required: ['emails'],
      properties: { emails: { type: 'array', items: { type: 'string', format: 'email' } }, role: { $ref: '#/components/schemas/Role' }, message: { type: 'string', maxLength: 500 } },
    });
    const responses = op.responses as JsonObject;
    expect(Object.keys(responses)).toEqual(['201', '204', '404', '409']);
    // `_mintlify/placeholder` is a response without a body.
    expect(responses['204']).toEqual({ description: 'Nobody new to share with.' });
    // The same `refIdentifier` (YAML aliases and all) is one component, referred to twice.
    expect(((responses['409'] as JsonObject).content as JsonObject)['application/json']).toMatchObject({ schema: { $ref: '#/components/schemas/Problem' } });
    expect(((responses['404'] as JsonObject).content as JsonObject)['application/json']).toMatchObject({ schema: { $ref: '#/components/schemas/Problem' } });
    expect(op.security).toEqual([{ TeamKey: [], TeamSecret: [] }, { BearerToken: [] }]);
    expect((fragment?.components as JsonObject).securitySchemes).toEqual({
      TeamKey: { type: 'apiKey', in: 'header', name: 'X-Team-Key', description: "The team's key." },
      TeamSecret: { type: 'apiKey', in: 'header', name: 'X-Team-Secret' },
      BearerToken: { type: 'http', scheme: 'bearer' },
    });
    // A server variable is a string: the export's `type: string` has no place in OpenAPI.
    expect(fragment?.servers).toEqual([{ url: '{notes_base_url}', description: "Your workspace's base URL.", variables: { notes_base_url: { default: 'https://notes.example.test/v2' } } }]);
    expect(op['x-mint']).toEqual({ metadata: { noindex: true } });
    expect(op['x-codeSamples']).toHaveLength(1);
  });

  it('keeps what a cut Mintlify endpoint completed, locating each loss on the page', async () => {
    const { fragment, messages } = await read('mintlify-resolved-cut.md');
    const response = (operation(fragment, '/boards/{boardId}/archive', 'post').responses as JsonObject)['200'] as JsonObject;
    expect(response).toMatchObject({ description: '', 'x-specmill-unresolved': 'the page was cut off inside it' });
    expect((((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).properties).toEqual({
      boardId: { type: 'integer' },
      archivedAt: { type: 'string', format: 'date-time' },
      archivedBy: { 'x-specmill-unresolved': '#/components/schemas/Member' },
      reason: { 'x-specmill-unresolved': 'the page was cut off inside it' },
    });
    expect(messages).toEqual([
      `${AT}/mintlify-resolved-cut.md:42:17: warning: the YAML is cut off before its end: the value of "allOf" was cut off and left out; every complete entry was kept (at /paths/response/200/application~1json/schemaArray/0/properties/reason/allOf)`,
      `${AT}/mintlify-resolved-cut.md:40:21: warning: #/components/schemas/Member is not on the page, which was cut off before its end: it stands as x-specmill-unresolved (at /paths/response/200/application~1json/schemaArray/0/properties/archivedBy/allOf/0)`,
    ]);
  });

  it('puts a Mintlify webhook endpoint under `webhooks`, titled by the page', async () => {
    const { fragment, messages } = await read('mintlify-resolved-webhook.md');
    expect(messages).toEqual([]);
    expect(fragment?.paths).toBeUndefined();
    const webhook = ((fragment?.webhooks as JsonObject)['card-expired'] as JsonObject).post as JsonObject;
    expect(webhook).toMatchObject({ summary: 'Card expired', requestBody: { required: true } });
    expect(webhook['x-specmill-source']).toBe(`${AT}/mintlify-resolved-webhook.md:9:3`);
  });

  it('takes the title and description from front matter when the page has no title of its own', async () => {
    const { fragment, messages } = await read('front-matter-title.md');
    expect(messages).toEqual([]);
    expect(operation(fragment, '/keys/{keyId}/rotate', 'post')).toMatchObject({
      summary: 'Rotate a signing key',
      description: 'Replaces the signing key; the old one keeps verifying for a day.',
    });
  });

  it('declares a path parameter the document leaves out as a required string, the type marked inferred', async () => {
    const { fragment, messages } = await read('undeclared-path-parameter.md');
    const parameters = operation(fragment, '/reports/{reportId}/rows/{rowId}', 'get').parameters as JsonObject[];
    expect(parameters).toEqual([
      { name: 'rowId', in: 'path', required: true, schema: { type: 'string', 'x-specmill-inferred': ['type'] } },
      // Declared under another case: kept as the document wrote it (the lint says what to fix).
      { name: 'reportID', in: 'path', required: true, schema: { type: 'integer' } },
    ]);
    expect(messages).toEqual([
      `${AT}/undeclared-path-parameter.md:12:5: warning: the path /reports/{reportId}/rows/{rowId} names {reportId} but the document declares the path parameter "reportID": it is kept as declared (at /paths/~1reports~1{reportId}~1rows~1{rowId}/get)`,
      `${AT}/undeclared-path-parameter.md:12:5: warning: the path /reports/{reportId}/rows/{rowId} names {rowId}, which the document does not declare: it is added as a required path parameter, its type assumed to be string (x-specmill-inferred) (at /paths/~1reports~1{reportId}~1rows~1{rowId}/get)`,
    ]);
  });

  it('reads a `paths:` snippet and a `components:` block without an `openapi` line as one document, saying the version is assumed', async () => {
    const { fragment, messages } = await read('paths-snippet.md');
    const op = operation(fragment, '/orders/{orderId}/cancel', 'post');
    expect(op).toMatchObject({ summary: 'Cancel an order', description: 'Cancels an order that has not shipped yet.' });
    expect(op['x-specmill-source']).toBe(`${AT}/paths-snippet.md:10:5`);
    expect(Object.keys((fragment?.components as JsonObject).schemas as JsonObject)).toEqual(['Order']);
    expect(messages).toEqual([`${AT}/paths-snippet.md:8:1: warning: this block holds part of an OpenAPI document without its \`openapi\` version: it is read as OpenAPI 3.1.0`]);
  });

  it('reads the components a second block adds to the document, as its version', async () => {
    const { fragment, messages } = await read('split-document.md');
    expect(messages).toEqual([]);
    expect(fragment?.openapi).toBe('3.0.3');
    const schema = ((fragment?.components as JsonObject).schemas as JsonObject).LabelPatch as JsonObject;
    expect(schema['x-specmill-source']).toBe(`${AT}/split-document.md:23:7`);
  });

  it('reads a document in a <pre> block of a page saved as HTML, highlighting and entities undone', async () => {
    const { fragment, messages } = await read('html-pre-block.html');
    expect(messages).toEqual([]);
    const op = operation(fragment, '/webhooks/{hookId}', 'delete');
    expect(op).toMatchObject({ summary: 'Delete a webhook', description: 'Deletes the webhook <b>and</b> its delivery log.' });
    expect(Object.keys(op.responses as JsonObject)).toEqual(['204', '404']);
    expect(op['x-specmill-source']).toBe(`${AT}/html-pre-block.html:15:5`);
  });

  it('keeps the Markdown of the prose before the document: lists, code, sub-headings', async () => {
    const { fragment } = await read('prose-then-fence.md');
    const description = operation(fragment, '/auth/sign-out', 'post').description as string;
    expect(description).toContain('* the access token is revoked\n* the refresh token is revoked');
    expect(description).toContain('Returns `204 No Content`.');
    expect(description).toContain('```bash\ncurl -X POST');
    expect(description).not.toContain('## OpenAPI');
  });

  it('describes the operation by the section of its summary heading, not the tag above it (GitBook)', async () => {
    const { fragment, messages } = await read('gitbook-summary-heading.md');
    expect(operation(fragment, '/live', 'get').description).toBe('Answers as long as the process is up.');
    expect(messages[0]).toBe(
      `${AT}/gitbook-summary-heading.md:10:477: warning: the JSON is cut off before its end: a member was cut off and left out; 3 unclosed object(s) or array(s) keep their complete members (at /components/schemas)`,
    );
  });

  it('reads a document flattened onto one line with the rest of the page (ReadMe)', async () => {
    const { fragment, messages } = await read('readme-flattened.md');
    const op = operation(fragment, '/labels/{name}', 'delete');
    expect(Object.keys(op.responses as JsonObject)).toEqual(['204', '404']);
    expect(op['x-specmill-source']).toBe(`${AT}/readme-flattened.md:1:235`);
    expect(messages).toEqual([
      `${AT}/readme-flattened.md:1:627: warning: the JSON is cut off before its end: the member "content" was cut off and left out; 4 unclosed object(s) or array(s) keep their complete members (at /components/responses/Missing/content)`,
    ]);
  });

  it('reads block YAML that lost its line breaks, nesting it as OpenAPI allows (Fern)', async () => {
    const { fragment, messages } = await read('fern-flattened.md');
    const op = operation(fragment, '/widgets/{widget_id}', 'patch');
    expect((op.parameters as JsonObject[]).map((p) => `${String(p.in)} ${String(p.name)}`)).toEqual(['path widget_id', 'header Authorization']);
    const body = (((op.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    // A property named `parameters` stays a property: its value opens as a schema does.
    expect(Object.keys(body.properties as JsonObject)).toEqual(['name', 'parameters']);
    expect(Object.keys((fragment?.components as JsonObject).schemas as JsonObject)).toEqual(['Widget']);
    expect(messages).toEqual([
      `${AT}/fern-flattened.md:1:189: warning: this YAML lost its line breaks (the page was flattened onto one line): its nesting is read from what OpenAPI allows where`,
    ]);
  });

  it('rebuilds the operation from docusaurus-plugin-openapi-docs MDX props', async () => {
    const { fragment, messages } = await read('docusaurus-operation.mdx');
    expect(messages).toEqual([]);
    const op = operation(fragment, '/boards/{boardId}', 'patch');
    expect(op.summary).toBe('Rename a board');
    expect(op.description).toBe('Renames a board. Only its **owner** may.');
    expect((op.parameters as JsonObject[]).map((p) => `${String(p.in)} ${String(p.name)}`)).toEqual(['path boardId', 'query dryRun']);
    expect(Object.keys(op.responses as JsonObject)).toEqual(['200', '403']);
    expect(op['x-specmill-source']).toBe(`${AT}/docusaurus-operation.mdx:11:1`);
  });

  it('reads JSON with comments, single quotes and trailing commas', async () => {
    const { fragment, messages } = await read('json-as-docs-write-it.md');
    expect(messages).toEqual([]);
    expect(operation(fragment, '/widgets/{id}', 'get').summary).toBe('Get a widget');
  });

  it('refuses a document cut off before any operation is complete, saying where it ends', async () => {
    const { fragment, messages } = await read('cut-before-operation.md');
    expect(fragment).toBeUndefined();
    expect(messages.at(-1)).toBe(`${AT}/cut-before-operation.md:6:85: error: the embedded OpenAPI document is cut off before any operation is complete`);
  });

  it('refuses a $ref to a name the document does not hold (an id, not a pointer), saying what to do', async () => {
    const { fragment, messages } = await read('bare-name-reference.md');
    expect(fragment).toBeUndefined();
    expect(messages).toEqual([
      `${AT}/bare-name-reference.md:23:15: error: refused $ref "9f1c2a70-5d3e-4b8a-a6c1-2e7f0d4b9a11": only references inside the document (#/...) are followed; copy what it names into this document (under components) and refer to it as "#/components/schemas/Name", or write it out in place of the reference (at /paths/~1sandboxes~1{id}/put/requestBody/content/application~1json/schema/$ref)`,
    ]);
  });

  it('still refuses a duplicate key, at its line', async () => {
    const { fragment, messages } = await read('duplicate-key.md');
    expect(fragment).toBeUndefined();
    expect(messages).toEqual([`${AT}/duplicate-key.md:13:9: error: duplicate key: Map keys must be unique`]);
  });
});
