// The renderings of embedded OpenAPI that docs sites produce, each on a fixture of its own, and
// documents cut off before their end: the operation is kept, what the cut took is a located warning.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { detectFormat, importPage } from '../../generator/importers/index.js';
import { isObject, type JsonObject } from '../../generator/openapi-types.js';
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
  it.each(['mintlify-fence-info.md', 'mintlify-cut-yaml.md', 'prose-then-fence.md', 'gitbook-summary-heading.md', 'readme-flattened.md', 'fern-flattened.md', 'docusaurus-operation.mdx', 'json-as-docs-write-it.md'])(
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

  it('still refuses a duplicate key, at its line', async () => {
    const { fragment, messages } = await read('duplicate-key.md');
    expect(fragment).toBeUndefined();
    expect(messages).toEqual([`${AT}/duplicate-key.md:13:9: error: duplicate key: Map keys must be unique`]);
  });
});
