// Pages of the variations the page model reads, each written for this test: the facts each gives,
// what is marked assumed, and that every block is either used or reported where it stands.
import { describe, expect, it } from 'vitest';
import { importPage } from '../../../generator/importers/index.js';
import type { ImportResult } from '../../../generator/importers/importer.js';
import { INFERRED_EXTENSION, isObject, type JsonObject } from '../../../generator/core/openapi-types.js';
import { fixture } from '../../helpers.js';

interface Facts {
  operation: string;
  parameters?: string[];
  body?: string[];
  bodyMedia?: string;
  statuses?: string[];
  warnings?: RegExp[];
}

function operationOf(result: ImportResult): { key: string; operation: JsonObject } {
  const [path, item] = Object.entries((result.fragment?.paths ?? {}) as JsonObject)[0] ?? [];
  const [method, operation] = Object.entries((item ?? {}) as JsonObject)[0] ?? [];
  return { key: `${method?.toUpperCase()} ${path}`, operation: (operation ?? {}) as JsonObject };
}

function describeParameter(parameter: JsonObject): string {
  const schema = (parameter.schema ?? {}) as JsonObject;
  const inferred = Array.isArray(parameter[INFERRED_EXTENSION]) ? ` (assumed ${(parameter[INFERRED_EXTENSION] as string[]).join(', ')})` : '';
  return `${parameter.in} ${parameter.name}${parameter.required ? ' required' : ''}${schema.type ? ` ${JSON.stringify(schema.type)}` : ''}${inferred}`;
}

const cases: [file: string, want: Facts][] = [
  [
    'hand-written-patch-issue.md',
    {
      operation: 'PATCH /projects/{project_key}/tickets/{ticket_number}',
      parameters: ['path project_key required "string"', 'path ticket_number required "integer"'],
      body: ['title', 'labels', 'state'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200', '404', '422'],
    },
  ],
  [
    'stacked-fields.txt',
    {
      operation: 'PUT /v2/boards/{boardId}/name',
      parameters: ['path boardId required "string"'],
      body: ['name', 'archived'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200', '404'],
    },
  ],
  [
    'cell-per-line-table.txt',
    {
      operation: 'POST /v1/tags',
      parameters: ['query label required "string" (assumed in)', 'query color "string" (assumed in)'],
      statuses: ['201', '409'],
    },
  ],
  [
    'run-together-one-line.txt',
    {
      operation: 'POST /v1/visits',
      parameters: ['header xTrack-Session "string"', 'header xTrack-Device "string"', 'header xTrack-Locale "string"'],
      body: ['page', 'duration', 'referrer'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201', '400'],
    },
  ],
  [
    'label-lines.txt',
    { operation: 'DELETE /v1/sessions/{sessionId}', parameters: ['path sessionId required "string"'], statuses: ['401', '404'] },
  ],
  [
    'samples-only.txt',
    {
      operation: 'POST /api/notes',
      body: ['text', 'pinned'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201', '400', '429'],
      warnings: [/`\.\.\.` stands for more than the page shows/],
    },
  ],
  [
    'form-encoded-body.md',
    { operation: 'POST /v1/charges', body: ['amount', 'currency'], bodyMedia: 'application/x-www-form-urlencoded', statuses: ['200'] },
  ],
  ['unread-body-list.md', { operation: 'POST /accounts/merge', statuses: ['204'], warnings: [/^a list under `Body parameters` was not read$/] }],
  [
    'glued-name-type-marker.txt',
    {
      operation: 'PATCH /labels/{label_id}',
      parameters: ['path label_id required "string"', 'header x-shop-version required "string"', 'header x-trace-id ["string","null"]'],
      body: ['color', 'name'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200', '404', '422'],
      warnings: [/^the text "This endpoint expects an object\." under `Request` was not read$/, /^"color" is an enum but its description lists no values/, /^a response table has no status line above it; it is read as status 200$/],
    },
  ],
  [
    'operation-in-table-cell.md',
    {
      operation: 'PATCH /plants/{plantId}',
      parameters: ['path plantId required "integer"'],
      body: [],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200', '404'],
    },
  ],
  [
    'path-glued-to-sentence.txt',
    {
      operation: 'DELETE /v2/boards/{boardId}',
      parameters: ['path boardId required "string"'],
      statuses: ['200', '404'],
      warnings: [/^path parameter "boardId" is not described on the page/],
    },
  ],
  ['statuses-in-prose.txt', { operation: 'GET /api/v1/shelves/{id}', parameters: ['path id required "string"'], statuses: ['200', '404'] }],
  ['no-content-under-a-status.txt', { operation: 'PUT /v1/tags/{id}/remove', parameters: ['path id required "string"'], statuses: ['200'] }],
  [
    'location-word-under-parameters.txt',
    {
      operation: 'GET /v1/api/gardens/{id}',
      parameters: ['path id required', 'query expand'],
      statuses: ['200', '404'],
      warnings: [/^the path \/v1\/api\/gardens\/ leaves no place for path parameter "id"; it is read as the last segment$/],
    },
  ],
  [
    'cell-per-line-tables-back-to-back.txt',
    {
      operation: 'GET /inventory/racks/{rack_id}',
      parameters: ['path rack_id required "integer"', 'query fields "string"'],
      statuses: ['200', '404'],
      warnings: [/^the text "A rack record with the following fields:" under `Response Description` was not read$/],
    },
  ],
  [
    'response-header-as-field.txt',
    {
      operation: 'PATCH /api/v1/workspace',
      body: [],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200', '409'],
      warnings: [/^the page names the schema "WorkspaceReply" but shows none of its fields$/, /^the page names the schema "FailedReply" but shows none of its fields$/],
    },
  ],
  [
    'fields-then-responses-in-one-list.txt',
    {
      operation: 'GET /albums/{album_id}',
      parameters: ['path album_id required "string"'],
      statuses: ['200', '202', '404'],
      warnings: [/^a list item under 200 names no field and was not read$/],
    },
  ],
  ['samples-without-braces.txt', { operation: 'POST /v1/hooks', body: ['target_url', 'events'], bodyMedia: 'application/json', statuses: ['201'] }],
  [
    'names-glued-to-descriptions.txt',
    { operation: 'PATCH /authors/{id}', parameters: ['path id required'], body: ['penName', 'country', 'bio', 'phone'], bodyMedia: 'application/json (assumed)', statuses: ['200', '404'] },
  ],
  ['required-fields-label.txt', { operation: 'POST /unsubscribe/reader', body: ['token', 'reason'], bodyMedia: 'application/json (assumed)', statuses: ['200'] }],
  [
    'schema-defined-after-its-field.txt',
    {
      operation: 'DELETE /v2/stores/{storeId}/carts/{cartId}',
      parameters: ['path storeId required "string"', 'path cartId required "string"'],
      statuses: ['200'],
      warnings: [
        /^the text "Envelope<Object>" under `Response body` was not read$/,
        /^a response table has no status line above it; it is read as status 200$/,
        /^this rendering does not mark where a nested table ends/,
      ],
    },
  ],
  [
    'subsections-in-another-language.md',
    { operation: 'POST /v1/orders', body: ['sku', 'lines', 'note', 'coupon'], bodyMedia: 'application/json (assumed)', statuses: ['400', '409'] },
  ],
  [
    'rows-without-names.txt',
    {
      operation: 'POST /v1/lists/remove.{format}',
      parameters: ['path format required "string" (assumed name)', 'query key required "string" (assumed name)'],
      body: ['Address', 'EveryList'],
      bodyMedia: 'application/json (assumed)',
      warnings: [
        /^a row with no name is read as "format", the path parameter the URL shows$/,
        /^a row with no name is read as "key", the query parameter the URL shows$/,
        /^a row with no name is read as "Address", the key the request sample shows in its place$/,
        /^a row with no name is read as "EveryList", the key the request sample shows in its place$/,
        /^the page describes no response status/,
      ],
    },
  ],
  [
    'error-samples-without-status.txt',
    {
      operation: 'DELETE /v1/endpoints/{id}',
      parameters: ['path id required "string"'],
      warnings: [/^the page describes no response status/, /^an error sample that names no listed status was not read$/],
    },
  ],
  [
    'key-value-header-tables.txt',
    {
      operation: 'POST /images',
      parameters: ['header Authorization', 'header Content-Type'],
      body: ['image', 'caption'],
      bodyMedia: 'multipart/form-data',
      statuses: ['201'],
      warnings: [/^the page names the schema "Blob" but shows none of its fields$/],
    },
  ],
  ['response-example-per-status.txt', { operation: 'DELETE /api/v2/notes/{note_id}', parameters: ['path note_id required "string"'], statuses: ['204', '404'] }],
  [
    'samples-under-the-operation-line.txt',
    { operation: 'POST /api/pupils', body: ['name', 'grade'], bodyMedia: 'application/json (assumed)', statuses: ['200'], warnings: [/^a json block was not read$/] },
  ],
  ['response-example-before-fields.txt', { operation: 'POST /tokens', body: ['label'], bodyMedia: 'application/json', statuses: ['200'] }],
  [
    'path-under-a-sentence.txt',
    { operation: 'DELETE /api/v1/notiz/{uuid}', parameters: ['path uuid required "string"'], statuses: ['200'], warnings: [/^path parameter "uuid" is not described on the page/] },
  ],
  [
    'codes-in-error-samples.txt',
    {
      operation: 'PATCH /api/folder/{id}',
      parameters: ['path id required "number"'],
      body: ['title'],
      bodyMedia: 'application/json',
      // `"code": "404"` in a sample is the API's own code, no HTTP status.
      statuses: ['200'],
      warnings: [/^a response table has no status line above it; it is read as status 200$/],
    },
  ],
  [
    'example-value-in-path.txt',
    {
      operation: 'DELETE /v2/subscribers/sub_p03Gjl8Uzn0Rk',
      statuses: ['200'],
      warnings: [/^a table \(Response format \| JSON\) was not read$/, /^the path \/v2\/subscribers\/sub_p03Gjl8Uzn0Rk holds the example value "sub_p03Gjl8Uzn0Rk" where a parameter goes/],
    },
  ],
  [
    'bracketed-names-without-types.txt',
    {
      operation: 'POST /api/v1/refund_requests',
      parameters: ['header Accept', 'header Content-Type'],
      body: ['refund_request'],
      bodyMedia: 'application/json',
      statuses: ['201'],
    },
  ],
  [
    'status-sentence-over-sample.txt',
    { operation: 'POST /api/v1/sessions/close', body: ['sessionId'], bodyMedia: 'application/json (assumed)', statuses: ['200', '404'] },
  ],
  [
    'body-fields-under-path-parameters.txt',
    {
      operation: 'PUT /v2/pets/{petId}',
      parameters: ['path petId required "string"'],
      body: ['name', 'kind', 'weight'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200'],
    },
  ],
  [
    'placeholder-with-pattern.txt',
    { operation: 'DELETE /v2/{name}', parameters: ['path name required "string"'], statuses: ['200'] },
  ],
  [
    'colon-inside-braces.txt',
    { operation: 'PUT /api/v{version}/packets/{packetId}', parameters: ['path version required "integer"', 'path packetId required "integer"'], statuses: ['204'] },
  ],
  [
    'server-line-above-path.txt',
    { operation: 'POST /seeds', body: ['kind', 'depth'], bodyMedia: 'application/json (assumed)', statuses: ['201'] },
  ],
  [
    'method-and-path-cells.md',
    {
      operation: 'DELETE /v1/gardens/{garden-id}/trellises/{trellis-id}',
      parameters: ['path garden-id required "string"', 'path trellis-id required "string"'],
      statuses: ['204'],
    },
  ],
  [
    'several-urls-under-one-label.txt',
    { operation: 'DELETE /v2/gardeners/{gardenerId}', parameters: ['path gardenerId required "string"'], statuses: ['204', '401'] },
  ],
  [
    'response-headers-before-status.txt',
    {
      operation: 'PATCH /api/trellises/{id}',
      parameters: ['path id required "string"', 'header Accept', 'header Content-Type'],
      body: ['label'],
      bodyMedia: 'application/json',
      statuses: ['200'],
      warnings: [/^path parameter "id" is not described on the page/],
    },
  ],
  [
    'status-in-tab-titles.md',
    { operation: 'POST /v1/seed-orders', body: ['variety', 'packets'], bodyMedia: 'application/json (assumed)', statuses: ['201', '409'] },
  ],
  [
    'reason-phrases-as-list-items.txt',
    {
      operation: 'PATCH /greenhouses/{greenhouse-slug}',
      parameters: ['path greenhouse-slug required "string"'],
      statuses: ['200', '404', '500'],
      warnings: [/^path parameter "greenhouse-slug" is not described on the page/],
    },
  ],
  [
    'rows-split-after-the-name.txt',
    {
      operation: 'POST /v1/plots/{plot-id}/water',
      parameters: ['path plot-id required "string"', 'query litres required "integer"', 'query note "string"'],
      statuses: ['202'],
    },
  ],
  [
    'sentence-titles-a-table.md',
    {
      operation: 'DELETE /greenhouses/{GREENHOUSE-ID}',
      parameters: ['path GREENHOUSE-ID required "string"', 'query pretty "boolean"', 'query dryRun "boolean"'],
      statuses: ['204'],
    },
  ],
  [
    'dot-separated-type-attributes.txt',
    { operation: 'POST /greenhouses', body: ['slug', 'title', 'panes'], bodyMedia: 'application/json (assumed)', statuses: ['201'] },
  ],
  [
    'stacked-fields-type-last.txt',
    { operation: 'PUT /api/v1/gardener', body: ['handle', 'email', 'motto'], bodyMedia: 'application/json (assumed)', statuses: ['201'] },
  ],
  [
    'run-together-doubled-status-codes.txt',
    {
      operation: 'POST /v1/beds',
      parameters: ['header requestToken "string"'],
      body: ['plotId', 'length', 'width', 'soil'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201', '409'],
    },
  ],
  [
    'marker-between-name-and-type.txt',
    {
      operation: 'GET /plot/{id}',
      parameters: ['path id required "integer"', 'header Authorization "string"', 'query casino "string"', 'query verbose "boolean"'],
      statuses: ['200'],
    },
  ],
  [
    'list-items-glued-name-type.txt',
    {
      operation: 'DELETE /api/v1/plantings/{bedId}/{plantingId}',
      parameters: ['path bedId required "string"', 'path plantingId required "string"', 'query dryRun "boolean"', 'query reason "string"'],
      statuses: ['200'],
    },
  ],
  [
    'labelled-http-status-lines.txt',
    { operation: 'DELETE /api/VERSION/beds/{id}', parameters: ['path id required "string"'], statuses: ['200', '404'] },
  ],
  [
    'gitbook-swagger-blocks.md',
    {
      operation: 'POST /v1/seedlings',
      parameters: ['header X-Garden-Key required "string"'],
      body: ['bedId', 'depth'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201', '404'],
    },
  ],
  [
    'docstring-sections.txt',
    {
      operation: 'DELETE /api/v2/packets/{packet_id}',
      parameters: ['path packet_id required'],
      statuses: ['200', '404'],
      warnings: [/^the text "DeletePacketResponse: Deletion confirmation" under `Returns:` was not read$/],
    },
  ],
  [
    'o-status-tab-headings.md',
    {
      operation: 'DELETE /sessions/current',
      statuses: ['204', '401', '423'],
    },
  ],
  [
    'o-http-code-status-lines.txt',
    {
      operation: 'GET /gauges/{gauge_id}/reading',
      parameters: ['path gauge_id required "string"'],
      statuses: ['200', '404'],
    },
  ],
  [
    'o-status-code-keys-in-sample.md',
    {
      operation: 'PUT /kites/{kite_id}',
      parameters: ['path kite_id required "string"'],
      body: ['name', 'span_cm'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200'],
      warnings: [/path parameter "kite_id" is not described/, /the keys `200`, `400`, `404` of a sample are status codes, not properties: left out/, /a json block under `Responses` was not read/, /a sample whose keys are status codes \(`200`, `404`\) was not read as a payload/],
    },
  ],
  [
    'o-split-path-trailing-slash.txt',
    {
      operation: 'POST /lanterns/',
      body: ['label'],
      bodyMedia: 'application/json',
      statuses: ['200'],
    },
  ],
  [
    'o-labelled-method-over-linked-line.md',
    {
      operation: 'PATCH /api/badges/{id}',
      parameters: ['path id required "string"'],
      body: ['title'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200'],
      warnings: [/path parameter "id" is not described/],
    },
  ],
  [
    'o-placeholder-named-in-words.md',
    {
      operation: 'DELETE /v2/lamps/{Lamp_ID}',
      parameters: ['path Lamp_ID required "string"'],
      statuses: ['204', '404'],
      warnings: [/path parameter "Lamp_ID" is not described/],
    },
  ],
  [
    'o-object-field-example.txt',
    {
      operation: 'GET /v1/ponds/{pond_id}',
      parameters: ['path pond_id required "string"'],
      statuses: ['200'],
      warnings: [/the text "The pond." under `Response` was not read/, /a response table has no status line above it/],
    },
  ],
  [
    'o-status-tabs-then-panels.txt',
    {
      operation: 'DELETE /v3/greenhouses/{greenhouse_id}',
      parameters: ['path greenhouse_id required "string"'],
      statuses: ['204', '404', '409'],
    },
  ],
  [
    'o-title-glued-to-reason-phrase.txt',
    {
      operation: 'POST /v1/plants/{plant_id}/water',
      parameters: ['path plant_id required "string"'],
      statuses: ['200'],
    },
  ],
  [
    'o-labelled-sample-in-list.md',
    {
      operation: 'POST /sprinklers/{sprinkler_id}/pause',
      parameters: ['path sprinkler_id required "string"'],
      statuses: ['202'],
      warnings: [/path parameter "sprinkler_id" is not described/],
    },
  ],
  [
    'o-note-nests-next-field.md',
    {
      operation: 'DELETE /garden/hedges',
      parameters: ['query hedges required "array"', 'query gardener required "string"'],
      warnings: [/describes no response status/, /the list item "Call the list function first to see the names\. Example: \[\.\.\." names no field and was not read/],
    },
  ],
  [
    'o-curl-url-on-next-line.txt',
    {
      operation: 'DELETE /v1/hives/{hive_id}',
      parameters: ['path hive_id required "string"'],
      statuses: ['200'],
      warnings: [/path parameter "hive_id" is not described/],
    },
  ],
  [
    'o-list-indented-under-sentence.md',
    {
      operation: 'PATCH /boats/{id}',
      parameters: ['path id required "string"'],
      body: ['name', 'berth'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200'],
      warnings: [/path parameter "id" is not described/],
    },
  ],
  [
    'o-curl-to-elided-id.txt',
    {
      operation: 'DELETE /api/v1/feeders/01HZZFEEDER...',
      warnings: [/the text "The feeder id\." under `Path Parameters` was not read/, /holds the example value "01HZZFEEDER\.\.\." where a parameter goes, and the page names no parameter for it; it is kept as printed/, /describes no response status/],
    },
  ],
  [
    // A word of the path that a parameter's description happens to use is no example value; a URI
    // parameter the path does not name goes to the query, marked as assumed.
    'uri-parameter-not-in-path.txt',
    {
      operation: 'GET /api/Kennels/{kennelId}/dogs',
      parameters: ['path kennelId required "integer"', 'query breed "string" (assumed in)'],
      statuses: ['200'],
      warnings: [/path parameter "breed" does not appear in the path \/api\/Kennels\/\{kennelId\}\/dogs: it is read as a query parameter/],
    },
  ],
  [
    'path-parameter-called-by-two-names.txt',
    {
      operation: 'POST /v2/parcels/{parcel_ref}/labels',
      parameters: ['path parcel_ref required "string"'],
      body: ['text'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201'],
      warnings: [/path parameter "ref" does not appear in the path \/v2\/parcels\/\{parcel_ref\}\/labels: it is read as its one undescribed placeholder \{parcel_ref\}/],
    },
  ],
  [
    'w-foreign-type-words.md',
    {
      operation: 'POST /notes',
      body: ['title', 'priority', 'tags', 'meta', 'pinned'],
      bodyMedia: 'application/json (assumed)',
      warnings: [/describes no response status/],
    },
  ],
  [
    'w-foreign-required-marker.txt',
    {
      operation: 'DELETE /notes/{noteId}',
      parameters: ['path noteId required "integer"', 'query reason required "string" (assumed in)', 'query force "boolean" (assumed in)'],
      statuses: ['204'],
      warnings: [/a property table under `Авторизации` was not read/],
    },
  ],
  [
    'w-required-column-without-type.txt',
    {
      operation: 'POST /v1/shelves/{shelfId}/archive',
      parameters: ['path shelfId required', 'header Authorization required', 'header Content-Type required', 'header X-Trace', 'query notify', 'query reason required'],
      statuses: ['204', '404'],
    },
  ],
  [
    'w-glued-row-format-and-composition.txt',
    {
      operation: 'POST /desk/visitors',
      body: ['full_name', 'contact_email', 'visit_day', 'badge', 'host'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['201'],
      warnings: [/cannot read the type "all of" of "badge"/, /cannot read the type "one of" of "host"/],
    },
  ],
  [
    'w-range-line-glued-to-next-field.txt',
    {
      operation: 'GET /v2/sightings',
      parameters: ['query page_size "integer"', 'query cursor "string"', 'query species "string"', 'query season "string"'],
      statuses: ['200'],
    },
  ],
  [
    'w-framed-cell-per-line-row.txt',
    {
      operation: 'GET /api/Kennels/{kennelId}/dogs/{dogName}',
      parameters: ['path kennelId required "integer"', 'path dogName required "string"'],
      statuses: ['200', '404'],
    },
  ],
  [
    'w-titled-list-item-with-marker.md',
    {
      operation: 'GET /lamps/{lampId}/on',
      parameters: ['path lampId required "string"', 'header X-Room-Key required'],
      statuses: ['200'],
      warnings: [/path parameter "lampId" is not described/],
    },
  ],
  [
    'w-name-over-parenthesized-attributes.txt',
    {
      operation: 'DELETE /recipes/{recipeId}',
      parameters: ['path recipeId required "number"', 'query keepPhotos "boolean"', 'query reason required "string"'],
      statuses: ['204'],
    },
  ],
  [
    'w-colon-then-parenthesized-type.md',
    {
      operation: 'PATCH /gardens/{gardenId}',
      parameters: ['path gardenId required "string"'],
      body: ['title', 'public'],
      bodyMedia: 'application/json (assumed)',
      statuses: ['200'],
      warnings: [/path parameter "gardenId" is not described/],
    },
  ],
];

describe('page model fixtures', () => {
  it.each(cases)('%s', async (file, want) => {
    const result = await importPage(fixture('page', file));
    const { key, operation } = operationOf(result);
    expect(key).toBe(want.operation);
    expect(((operation.parameters ?? []) as JsonObject[]).map(describeParameter)).toEqual(want.parameters ?? []);
    const content = isObject(operation.requestBody) ? (operation.requestBody.content as JsonObject) : undefined;
    const [media, object] = Object.entries(content ?? {})[0] ?? [];
    if (want.body) {
      expect(Object.keys((((object as JsonObject).schema as JsonObject).properties ?? {}) as JsonObject)).toEqual(want.body);
      expect(`${media}${(object as JsonObject)[INFERRED_EXTENSION] ? ' (assumed)' : ''}`).toBe(want.bodyMedia);
    } else {
      expect(content).toBeUndefined();
    }
    expect(Object.keys((operation.responses ?? {}) as JsonObject)).toEqual(want.statuses ?? []);
    expect(result.diagnostics.map((d) => d.message)).toEqual((want.warnings ?? []).map((w) => expect.stringMatching(w)));
  });

  it.each(cases.map(([file]) => file))('%s: every block is used or reported at its place', async (file) => {
    const result = await importPage(fixture('page', file));
    const coverage = result.coverage!;
    expect(coverage.fed.length).toBe(coverage.used);
    for (const unread of coverage.unread) {
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ location: expect.objectContaining({ line: unread.at.line, column: unread.at.column }) }));
    }
    expect(coverage.used + coverage.unread.length).toBeLessThanOrEqual(coverage.blocks);
  });
});

describe('marks of required and optional', () => {
  it('a glued row keeps the format printed after its type (`string · email`)', async () => {
    const result = await importPage(fixture('page', 'w-glued-row-format-and-composition.txt'));
    const schema = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    const properties = schema.properties as JsonObject;
    expect(properties.contact_email).toEqual(expect.objectContaining({ type: 'string', format: 'email' }));
    expect(properties.visit_day).toEqual(expect.objectContaining({ type: 'string', format: 'date' }));
    expect(schema.required).toEqual(['full_name']);
  });

  it('type words of another language are read as the English ones', async () => {
    const result = await importPage(fixture('page', 'w-foreign-type-words.md'));
    const schema = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    const types = Object.entries(schema.properties as JsonObject).map(([name, property]) => `${name} ${(property as JsonObject).type}`);
    expect(types).toEqual(['title string', 'priority number', 'tags array', 'meta object', 'pinned boolean']);
    expect(schema.required).toEqual(['title']);
  });

  it('a page that marks the optional fields with `?` leaves the required ones unmarked', async () => {
    const result = await importPage(fixture('page', 'body-fields-under-path-parameters.txt'));
    const schema = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(schema.required).toEqual(['name']);
    expect(((schema.properties as JsonObject).kind as JsonObject).enum).toEqual(['cat', 'dog', null]);
  });

  it('the sample a curl command sends and the one it gets back', async () => {
    const result = await importPage(fixture('page', 'body-fields-under-path-parameters.txt'));
    expect(result.fragment?.servers).toEqual([{ url: 'https://pets.example.net' }]);
    const response = ((operationOf(result).operation.responses as JsonObject)['200'] as JsonObject);
    expect(response[INFERRED_EXTENSION]).toEqual(['status']);
    expect(Object.keys((((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).properties as JsonObject)).toEqual(['updated']);
  });
});

describe('where samples and servers go', () => {
  it('`- Status: 202 Accepted` / `- Body:` over a fenced sample inside the list: the response and its sample', async () => {
    const result = await importPage(fixture('page', 'o-labelled-sample-in-list.md'));
    const response = (operationOf(result).operation.responses as JsonObject)['202'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['sprinkler_id', 'paused', 'paused_at']);
  });

  it('a section title glued to a reason phrase in capitals (`OKResponse headers:`) starts the headers table', async () => {
    const result = await importPage(fixture('page', 'o-title-glued-to-reason-phrase.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    expect(response.description).toBe('OK');
    expect(response.headers).toEqual({
      'x-tank-level': { description: 'Litres left in the tank after this call', schema: {} },
      'x-next-watering': { description: 'When the plant is due again', schema: {} },
    });
  });

  it("statuses listed as tabs, then each panel opening with its reason phrase: the fields go to that status", async () => {
    const result = await importPage(fixture('page', 'o-status-tabs-then-panels.txt'));
    const responses = operationOf(result).operation.responses as JsonObject;
    expect((responses['204'] as JsonObject).content).toBeUndefined();
    for (const status of ['409', '404']) {
      const schema = (((responses[status] as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
      expect(Object.keys(schema.properties as JsonObject)).toEqual(['errors']);
    }
  });

  it("the example under an object field is that field's, its keys nested under it", async () => {
    const result = await importPage(fixture('page', 'o-object-field-example.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['name', 'water_quality']);
    const field = (schema.properties as JsonObject).water_quality as JsonObject;
    expect(Object.keys(field.properties as JsonObject)).toEqual(['ph', 'oxygen_mg_l', 'sampled_at']);
    expect(field.description).toBe('The latest water readings');
  });

  it('an error sample goes to the listed status it names itself', async () => {
    const result = await importPage(fixture('page', 'path-glued-to-sentence.txt'));
    const responses = operationOf(result).operation.responses as JsonObject;
    const properties = (status: string) => Object.keys(((((responses[status] as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject).properties as JsonObject);
    expect(properties('200')).toEqual(['archived']);
    expect(properties('404')).toEqual(['error']);
    expect(result.fragment?.servers).toEqual([{ url: 'https://tasks.example.com' }]);
  });

  it("a server's URL on the line between the method and the path", async () => {
    const result = await importPage(fixture('page', 'server-line-above-path.txt'));
    expect(result.fragment?.servers).toEqual([{ url: 'https://garden.example.org/v2' }]);
  });

  it('header lines under `Response` before its status are that response\'s headers', async () => {
    const result = await importPage(fixture('page', 'response-headers-before-status.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    expect(Object.keys(response.headers as JsonObject)).toEqual(['X-Request-Id', 'Cache-Control']);
  });

  it('a JSON Schema printed under `Schema` is the response schema itself', async () => {
    const result = await importPage(fixture('page', 'schema-printed-as-sample.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['ok', 'bed']);
    expect(schema.required).toEqual(['ok', 'bed']);
  });

  it('fields a text rendering lists after an object go under it where the sample shows them there', async () => {
    const result = await importPage(fixture('page', 'nested-fields-shown-by-sample.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['201'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['data', 'object']);
    expect(Object.keys(((schema.properties as JsonObject).data as JsonObject).properties as JsonObject)).toEqual(['id', 'label', 'rows']);
    expect(result.diagnostics.map((d) => d.message)).toContain('the rendering does not mark where the fields of "data" end; the 3 after it that the sample shows inside it are read as its fields');
  });

  it('a dotted name nests under an object the sample shows, else stays one key', async () => {
    const result = await importPage(fixture('page', 'dotted-names-without-their-parent.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['meta', 'settings.zone.name', 'message']);
    expect(Object.keys(((schema.properties as JsonObject).meta as JsonObject).properties as JsonObject)).toEqual(['tookMs']);
  });

  it('attributes after a type, one per dot, are its marker and the start of its description', async () => {
    const result = await importPage(fixture('page', 'dot-separated-type-attributes.txt'));
    const body = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(body.required).toEqual(['slug', 'title']);
    expect(((body.properties as JsonObject).title as JsonObject).description).toBe('minLength: 1 · maxLength: 80');
  });

  it('`Response Headers` under listed statuses: header names over their descriptions, the success response\'s', async () => {
    const result = await importPage(fixture('page', 'response-headers-name-over-description.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    expect(response.headers).toEqual({
      'X-Garden-Version': { description: 'The version of the garden API', schema: {} },
      'X-RateLimit-Left': { description: 'How many requests are left in the window.', schema: {} },
    });
  });

  it('a format word over a marker is a stacked field\'s type, not a field', async () => {
    const result = await importPage(fixture('page', 'format-word-as-stacked-type.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    const schema = ((response.content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(schema.properties).toEqual({ created_at: { type: 'string', format: 'date-time' }, website: { type: 'string', format: 'uri' }, name: { type: 'string' } });
  });

  it('a second response table with no status is reported, not merged into the assumed 200', async () => {
    const result = await importPage(fixture('page', 'second-response-without-status.txt'));
    const responses = operationOf(result).operation.responses as JsonObject;
    const schema = (((responses['200'] as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(['removed']);
    expect(Object.keys(responses)).toEqual(['200', '404']);
    expect(result.diagnostics.map((d) => d.message)).toContain('a property table under `Error Responses` was not read');
  });

  it('the base URL an operation index states', async () => {
    const result = await importPage(fixture('page', 'operation-in-table-cell.md'));
    expect(result.fragment?.servers).toEqual([{ url: 'https://garden.example.org/api' }]);
  });

  it('`No content` under a status empties its body and adds no 204', async () => {
    const result = await importPage(fixture('page', 'no-content-under-a-status.txt'));
    expect((operationOf(result).operation.responses as JsonObject)['200']).toEqual({ description: 'The tag was removed.' });
  });
});

describe('what the fields and samples say', () => {
  const schemaOf = (content: JsonObject) => (content['application/json'] as JsonObject).schema as JsonObject;

  it('a response header described as a field, under one status', async () => {
    const result = await importPage(fixture('page', 'response-header-as-field.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['409'] as JsonObject;
    expect(response.headers).toEqual({ 'x-error-codes': { description: 'The error codes the response carries', schema: { type: 'string' } } });
  });

  it('the response fields of a list that also holds the parameters', async () => {
    const result = await importPage(fixture('page', 'fields-then-responses-in-one-list.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    expect(Object.keys(schemaOf(response.content as JsonObject).properties as JsonObject)).toEqual(['id', 'tracks', 'cover_title', 'released']);
  });

  it('names cut where the sample shows them end, typed by the sample', async () => {
    const result = await importPage(fixture('page', 'names-glued-to-descriptions.txt'));
    const body = schemaOf((operationOf(result).operation.requestBody as JsonObject).content as JsonObject);
    expect(body.properties).toEqual({
      penName: { type: 'string', description: 'Pen name shown on books' },
      country: { type: 'string', description: 'Country of residence' },
      bio: { description: 'Short biography' },
      phone: { description: 'Phone number' },
    });
  });

  it('`Required Fields:` over a list marks its unmarked items', async () => {
    const result = await importPage(fixture('page', 'required-fields-label.txt'));
    expect(schemaOf((operationOf(result).operation.requestBody as JsonObject).content as JsonObject).required).toEqual(['token']);
  });
});

describe('samples by where they stand', () => {
  const propertiesOf = (holder: JsonObject) => Object.keys(((((holder.content as JsonObject)[Object.keys(holder.content as JsonObject)[0]!] as JsonObject).schema as JsonObject).properties ?? {}) as JsonObject);

  it('the sample under the operation line is the body, the next one its response', async () => {
    const result = await importPage(fixture('page', 'samples-under-the-operation-line.txt'));
    const { operation } = operationOf(result);
    expect(((operation.requestBody as JsonObject).content as JsonObject)['application/json']).toMatchObject({ schema: { required: ['name'] } });
    expect(propertiesOf((operation.responses as JsonObject)['200'] as JsonObject)).toEqual(['success', 'data']);
  });

  it('a sample the response fields name is the response, even right under the operation line', async () => {
    const result = await importPage(fixture('page', 'response-example-before-fields.txt'));
    const { operation } = operationOf(result);
    expect(propertiesOf(operation.requestBody as JsonObject)).toEqual(['label']);
    expect(propertiesOf((operation.responses as JsonObject)['200'] as JsonObject)).toEqual(['token', 'expires']);
  });

  it('a sample under `Response Example` and a status goes to that status', async () => {
    const result = await importPage(fixture('page', 'response-example-per-status.txt'));
    expect(propertiesOf((operationOf(result).operation.responses as JsonObject)['404'] as JsonObject)).toEqual(['detail']);
  });

  it('a success sample with no success response left to take it is reported', async () => {
    const text = 'T\n\nGET /v1/things\n\nResponses\n\n200 OK\n\n{\n"id": 1\n}\n\nResponse samples\n\n{\n"id": 2,\n"extra": true\n}\n';
    const result = await importPage({ text, path: 'two-samples.txt' });
    expect(result.diagnostics.map((d) => d.message)).toContain('a response sample tied to no status was not read: the page shows more samples than success responses');
  });

  it("a header table's Content-Type is the payload's media type", async () => {
    const result = await importPage(fixture('page', 'key-value-header-tables.txt'));
    const response = (operationOf(result).operation.responses as JsonObject)['201'] as JsonObject;
    expect(Object.keys(response.content as JsonObject)).toEqual(['application/json']);
    expect(Object.keys(response.headers as JsonObject)).toEqual(['Content-Type']);
  });
});

describe('nesting the page marks by brackets', () => {
  it('`refund_request[amount]` is a field of the body object it names', async () => {
    const result = await importPage(fixture('page', 'bracketed-names-without-types.txt'));
    const body = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    const holder = (body.properties as JsonObject).refund_request as JsonObject;
    expect(holder.required).toEqual(['amount']);
    expect(holder.properties).toEqual({ amount: { description: 'Amount to refund', type: 'number' }, note: { description: 'A note for the team', type: 'string' } });
  });
});

describe('nesting the page marks by headings and definitions', () => {
  const schemaOf = (content: JsonObject) => (content['application/json'] as JsonObject).schema as JsonObject;

  it('a schema defined after the field it types holds the fields under it', async () => {
    const result = await importPage(fixture('page', 'schema-defined-after-its-field.txt'));
    const problem = ((result.fragment?.components as JsonObject).schemas as JsonObject).Problem as JsonObject;
    expect(Object.keys(problem.properties as JsonObject)).toEqual(['problemId', 'detail']);
    const response = (operationOf(result).operation.responses as JsonObject)['200'] as JsonObject;
    expect(Object.keys(schemaOf(response.content as JsonObject).properties as JsonObject)).toEqual(['ok', 'result', 'problem']);
  });

  it('a heading that names a field nests its table; one about parameters goes on with the body', async () => {
    const result = await importPage(fixture('page', 'subsections-in-another-language.md'));
    const body = schemaOf((operationOf(result).operation.requestBody as JsonObject).content as JsonObject);
    expect(body.required).toEqual(['sku', 'lines']);
    const lines = (body.properties as JsonObject).lines as JsonObject;
    expect(Object.keys((lines.items as JsonObject).properties as JsonObject)).toEqual(['qty', 'gift']);
  });
});

describe('descriptions keep their Markdown', () => {
  it('inline code in a list item survives as it was written', async () => {
    const result = await importPage(fixture('page', 'hand-written-patch-issue.md'));
    const body = (((operationOf(result).operation.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject).schema as JsonObject;
    expect(((body.properties as JsonObject).state as JsonObject).description).toBe('`open` or `closed`. One of: open, closed.');
    expect(((body.properties as JsonObject).state as JsonObject).enum).toEqual(['open', 'closed']);
  });
});

describe('a page flattened onto one line', () => {
  it('locates what it reads by its column', async () => {
    const text = '# Rename Rename it. Endpoint: PUT /v1/things/{id}/name Version: 1.0 ## Path parameters: - `id` (string, required) The thing. ## Request fields (application/json): - `name` (string, required) The new name. ## Response 200 fields (application/json): - `id` (string)';
    const result = await importPage({ text, path: 'flat.md' });
    const { key, operation } = operationOf(result);
    expect(key).toBe('PUT /v1/things/{id}/name');
    expect(operation['x-specmill-source']).toBe(`flat.md:1:${text.indexOf('Endpoint:') + 1}`);
    expect(result.coverage!.fed.map((f) => f.at.column)).toContain(text.indexOf('- `name`') + 1);
    expect(result.coverage!.unread).toEqual([]);
  });
});
