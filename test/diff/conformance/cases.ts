// The conformance cases: for each oasdiff rule, a small pair of specs showing the change it names
// (written here, not taken from oasdiff's tests), oasdiff's level for it and specmill's verdict.
// Where specmill disagrees on purpose the case names the row of ADR 0004 that says why.
//
// Scope: every ERR and WARN rule of oasdiff-rules.ts that applies; the opposite direction of each
// constraint keyword issue 17 lists (INFO rules, or `oasdiff: 'none'` where oasdiff has no check);
// and the INFO rules that ADR 0004 names as differences.
import type { DiffSpecsOptions } from '../../../generator/diff/diff-specs.js';
import type { OasdiffLevel } from './oasdiff-rules.js';

export type Verdict = 'breaking' | 'compatible' | 'none';

/** Rows of the table "Where we differ from oasdiff" in docs/adr/0004-breaking-changes.md. */
export const DIFFERENCES = [
  'error-status-removed',
  'operation-id-changed',
  'removed-input',
  'optional-response-property-removed',
  'response-enum-value-added',
  'credentials-now-needed',
  'optional-header-removed',
  'deprecated-operation-removed',
  'undecidable-change',
  'read-only-and-write-only',
  'write-only-property-shown',
  'all-of-merged',
] as const;
export type Difference = (typeof DIFFERENCES)[number];

export interface ConformanceCase {
  /** oasdiff's rule id; null where oasdiff has no check for the change (it reports nothing). */
  rule: string | null;
  oasdiff: OasdiffLevel | 'none';
  /** The change the pair shows, in a few words. */
  shows: string;
  base: string;
  head: string;
  specmill: Verdict;
  difference?: Difference;
  options?: DiffSpecsOptions;
  /** The pair is OpenAPI 3.0 (boolean exclusive bounds, `nullable`), upgraded as the normalizer does. */
  openapi30?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Spec builders (flow YAML for schemas)

/** POST /things sending a JSON body of `schema`. */
const reqBody = (schema: string, required = false) => `paths:
  /things:
    post:
      operationId: createThing
      requestBody:${required ? '\n        required: true' : ''}
        content:
          application/json:
            schema: ${schema}
      responses:
        "204": { description: Done }
`;
/** POST /things sending an object whose property `p` is `schema`. */
const reqProp = (schema: string) => reqBody(`{ type: object, properties: { p: ${schema} } }`);
/** GET /things answering 200 with a JSON body of `schema`, and `more` statuses. */
const resBody = (schema: string, more = '') => `paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: ${schema}
${more}`;
/** GET /things answering an object whose property `p` is `schema`. */
const resProp = (schema: string) => resBody(`{ type: object, properties: { p: ${schema} } }`);
/** GET /things with the query parameter `q` of `schema` (`extra`: more keys of the parameter). */
const param = (schema: string, extra = '') => paramList(`{ name: q, in: query${extra}, schema: ${schema} }`);
const paramList = (...parameters: string[]) => `paths:
  /things:
    get:
      operationId: listThings
      parameters: [${parameters.join(', ')}]
      responses:
        "204": { description: Done }
`;
/** GET /things with a response header X-Rate of `header` (flow YAML of the header object). */
const resHeader = (header: string) => `paths:
  /things:
    get:
      operationId: listThings
      responses:
        "204":
          description: Done
          headers: { X-Rate: ${header} }
`;
/** Operations of /things (`extra` keys on the POST) and, when `other`, a GET beside it. */
const ops = (extra: string, other = true) => `paths:
  /things:
${other ? '    get:\n      operationId: listThings\n      responses: { "204": { description: Done } }\n' : ''}    post:
      operationId: createThing
${extra}      responses: { "204": { description: Done } }
`;
const secured = (root: string, operation = '') => `${root ? `security: ${root}\n` : ''}paths:
  /things:
    get:
      operationId: listThings
${operation ? `      security: ${operation}\n` : ''}      responses: { "204": { description: Done } }
`;

type Builder = (schema: string) => string;
const BODY: Record<'request' | 'response', [Builder, Builder]> = { request: [reqBody, reqProp], response: [resBody, resProp] };

const cases: ConformanceCase[] = [];

function add(rule: string | null, oasdiff: ConformanceCase['oasdiff'], shows: string, base: string, head: string, specmill: Verdict, more: Partial<ConformanceCase> = {}): void {
  cases.push({ rule, oasdiff, shows, base, head, specmill, ...more });
}

/** The `-body-` and `-property-` rule of one change to a schema, on the body itself and on a property. */
function schemaPair(direction: 'request' | 'response', suffix: string, oasdiff: ConformanceCase['oasdiff'], shows: string, base: string, head: string, specmill: Verdict, more: Partial<ConformanceCase> = {}): void {
  const [body, property] = BODY[direction];
  add(oasdiff === 'none' ? null : `${direction}-body-${suffix}`, oasdiff, `${direction} body: ${shows}`, body(base), body(head), specmill, more);
  add(oasdiff === 'none' ? null : `${direction}-property-${suffix}`, oasdiff, `${direction} property: ${shows}`, property(base), property(head), specmill, more);
}

// ---------------------------------------------------------------------------------------------
// Operations, deprecation and sunset

const POLICY: DiffSpecsOptions = { deprecationDays: 30, today: '2025-06-01' };
const PATH_GONE = 'paths:\n  /others:\n    get:\n      operationId: listOthers\n      responses: { "204": { description: Done } }\n';
const pathOnly = (extra: string) => `${ops(extra, false)}  /others:\n    get:\n      operationId: listOthers\n      responses: { "204": { description: Done } }\n`;

add('api-path-removed-without-deprecation', 'ERR', 'a path and its only operation removed', pathOnly(''), PATH_GONE, 'breaking');
add('api-removed-without-deprecation', 'ERR', 'one of two operations of a path removed', ops(''), ops('').replace(/ {4}post:[\s\S]*$/, ''), 'breaking');
add('api-path-removed-before-sunset', 'ERR', 'a deprecated path removed before its sunset date', pathOnly('      deprecated: true\n      x-sunset: "2025-12-31"\n'), PATH_GONE, 'breaking', { options: POLICY });
add('api-removed-before-sunset', 'ERR', 'a deprecated operation removed before its sunset date', ops('      deprecated: true\n      x-sunset: "2025-12-31"\n'), ops('').replace(/ {4}post:[\s\S]*$/, ''), 'breaking', { options: POLICY });
add('api-path-sunset-parse', 'ERR', 'a deprecated path with an unreadable sunset removed', pathOnly('      deprecated: true\n      x-sunset: "end of next quarter"\n'), PATH_GONE, 'breaking', { options: POLICY });
add('api-removed-with-deprecation', 'INFO', 'a deprecated operation (no sunset date) removed', ops('      deprecated: true\n'), ops('').replace(/ {4}post:[\s\S]*$/, ''), 'breaking', { difference: 'deprecated-operation-removed' });
add('api-path-removed-with-deprecation', 'INFO', 'a deprecated path (no sunset date) removed, with the deprecation policy on', pathOnly('      deprecated: true\n'), PATH_GONE, 'breaking', { difference: 'deprecated-operation-removed', options: POLICY });
add('endpoint-deprecated', 'INFO', 'an operation deprecated', ops(''), ops('      deprecated: true\n'), 'compatible');
add('api-deprecated-sunset-missing', 'ERR', 'deprecated without a sunset date, with a grace period required', ops(''), ops('      deprecated: true\n'), 'breaking', { options: POLICY });
add('api-deprecated-sunset-parse', 'ERR', 'deprecated with an unreadable sunset date', ops(''), ops('      deprecated: true\n      x-sunset: "soon"\n'), 'breaking', { options: POLICY });
add('api-sunset-date-too-small', 'ERR', 'deprecated with a sunset sooner than the grace period', ops(''), ops('      deprecated: true\n      x-sunset: "2025-06-10"\n'), 'breaking', { options: POLICY });
add('sunset-deleted', 'ERR', 'the sunset date of a deprecated operation deleted', ops('      deprecated: true\n      x-sunset: "2025-12-31"\n'), ops('      deprecated: true\n'), 'breaking', { options: POLICY });
add('api-sunset-date-changed-too-small', 'ERR', 'a sunset date moved earlier, inside the grace period', ops('      deprecated: true\n      x-sunset: "2025-12-31"\n'), ops('      deprecated: true\n      x-sunset: "2025-06-15"\n'), 'breaking', { options: POLICY });
add('endpoint-added', 'INFO', 'an operation added', ops('', false), ops(''), 'compatible');
add('api-operation-id-removed', 'INFO', 'an operationId changed', ops(''), ops('').replace('createThing', 'makeThing'), 'breaking', { difference: 'operation-id-changed' });

// ---------------------------------------------------------------------------------------------
// Security

add('api-security-removed', 'ERR', 'one of two ways to authenticate an operation removed', secured('', '[{ key: [] }, { token: [] }]'), secured('', '[{ key: [] }]'), 'breaking');
add('api-security-scope-added', 'ERR', 'a scope added to the way an operation authenticates', secured('', '[{ oauth: [read] }]'), secured('', '[{ oauth: [read, write] }]'), 'breaking');
add('api-global-security-removed', 'ERR', 'one of two API-wide ways to authenticate removed', secured('[{ key: [] }, { token: [] }]'), secured('[{ key: [] }]'), 'breaking');
add('api-global-security-scope-added', 'ERR', 'a scope added to the API-wide way to authenticate', secured('[{ oauth: [read] }]'), secured('[{ oauth: [read, write] }]'), 'breaking');
add('api-security-scope-removed', 'INFO', 'a scope dropped from the way an operation authenticates', secured('', '[{ oauth: [read, write] }]'), secured('', '[{ oauth: [read] }]'), 'compatible');
add('api-global-security-added', 'INFO', 'another API-wide way to authenticate', secured('[{ key: [] }]'), secured('[{ key: [] }, { token: [] }]'), 'compatible');
add('api-security-added', 'INFO', 'credentials required by an operation that needed none', secured(''), secured('', '[{ token: [] }]'), 'breaking', { difference: 'credentials-now-needed' });

// ---------------------------------------------------------------------------------------------
// Parameters

const ID_PATH = (parameters: string) => `paths:
  /things/{id}:
    get:
      operationId: getThing
${parameters ? `      parameters: [${parameters}]\n` : ''}      responses: { "204": { description: Done } }
`;
const ID = '{ name: id, in: path, required: true, schema: { type: string } }';
const STR = '{ type: string }';
const OBJ_PARAM = (properties: string, more = '') => `{ name: filter, in: query, style: deepObject, explode: true, schema: { type: object${more}, properties: ${properties} } }`;
const HEADER_PARAM = (properties: string, more = '') => `{ name: X-Meta, in: header, schema: { type: object${more}, properties: ${properties} } }`;

add('new-required-request-parameter', 'ERR', 'a required query parameter added', param(STR), paramList(`{ name: q, in: query, schema: ${STR} }`, `{ name: r, in: query, required: true, schema: ${STR} }`), 'breaking');
add('new-optional-request-parameter', 'INFO', 'an optional query parameter added', param(STR), paramList(`{ name: q, in: query, schema: ${STR} }`, `{ name: r, in: query, schema: ${STR} }`), 'compatible');
add('new-request-path-parameter', 'ERR', 'a path parameter the path always had is declared', ID_PATH(''), ID_PATH(ID), 'breaking');
add(
  'new-required-request-default-parameter-to-existing-path',
  'ERR',
  'a required parameter added to the path item, so to all its operations',
  ops(''),
  ops('').replace('  /things:\n', `  /things:\n    parameters: [{ name: tenant, in: query, required: true, schema: ${STR} }]\n`),
  'breaking',
);
add('new-required-request-header-property', 'ERR', 'a required property added to an object header parameter', paramList(HEADER_PARAM('{ a: { type: string } }')), paramList(HEADER_PARAM('{ a: { type: string }, b: { type: string } }', ', required: [b]')), 'breaking');
add('request-header-property-became-required', 'ERR', 'a property of an object header parameter made required', paramList(HEADER_PARAM('{ a: { type: string } }')), paramList(HEADER_PARAM('{ a: { type: string } }', ', required: [a]')), 'breaking');
add('request-header-property-became-enum', 'ERR', 'a property of an object header parameter limited to an enum', paramList(HEADER_PARAM('{ a: { type: string } }')), paramList(HEADER_PARAM('{ a: { type: string, enum: [x, y] } }')), 'breaking');
add('request-parameter-became-required', 'ERR', 'a query parameter made required', param(STR), param(STR, ', required: true'), 'breaking');
add('request-parameter-became-optional', 'INFO', 'a query parameter made optional', param(STR, ', required: true'), param(STR), 'compatible');
add('request-parameter-removed', 'WARN', 'a query parameter removed', paramList(`{ name: q, in: query, schema: ${STR} }`, `{ name: r, in: query, schema: ${STR} }`), param(STR), 'breaking', { difference: 'removed-input' });
add('request-parameter-removed-before-sunset', 'ERR', 'a deprecated query parameter removed before its sunset', paramList(`{ name: q, in: query, schema: ${STR} }`, `{ name: r, in: query, deprecated: true, x-sunset: "2999-12-31", schema: ${STR} }`), param(STR), 'breaking');
add('request-parameter-sunset-parse', 'ERR', 'a deprecated query parameter with an unreadable sunset removed', paramList(`{ name: q, in: query, schema: ${STR} }`, `{ name: r, in: query, deprecated: true, x-sunset: "someday", schema: ${STR} }`), param(STR), 'breaking');
add('request-parameter-type-changed', 'ERR', 'a query parameter changed from string to integer', param(STR), param('{ type: integer }'), 'breaking');
add('request-parameter-type-changed', 'ERR', 'a format given to a query parameter', param(STR), param('{ type: string, format: uuid }'), 'breaking');
add('request-parameter-type-generalized', 'INFO', "a query parameter's format dropped", param('{ type: string, format: uuid }'), param(STR), 'compatible');
add('request-parameter-type-generalized', 'INFO', 'a query parameter widened from int32 to int64', param('{ type: integer, format: int32 }'), param('{ type: integer, format: int64 }'), 'compatible');
add('request-parameter-list-of-types-narrowed', 'ERR', 'a query parameter of string or integer now string only', param('{ type: [string, integer] }'), param(STR), 'breaking');
add('request-parameter-became-not-nullable', 'ERR', 'a nullable query parameter no longer nullable', param('{ type: [string, "null"] }'), param(STR), 'breaking');
add('request-parameter-became-enum', 'ERR', 'a query parameter limited to an enum', param(STR), param('{ type: string, enum: [asc, desc] }'), 'breaking');
add('request-parameter-enum-value-removed', 'ERR', 'a value dropped from a query enum', param('{ type: string, enum: [asc, desc] }'), param('{ type: string, enum: [asc] }'), 'breaking');
add('request-parameter-enum-value-added', 'INFO', 'a value added to a query enum', param('{ type: string, enum: [asc] }'), param('{ type: string, enum: [asc, desc] }'), 'compatible');
add('request-parameter-x-extensible-enum-value-removed', 'ERR', 'a value dropped from a query x-extensible-enum', param('{ type: string, x-extensible-enum: [asc, desc] }'), param('{ type: string, x-extensible-enum: [asc] }'), 'breaking');
add('request-parameter-pattern-added', 'ERR', 'a pattern given to a query parameter', param(STR), param('{ type: string, pattern: "^[a-z]+$" }'), 'breaking');
add('request-parameter-pattern-removed', 'INFO', "a query parameter's pattern dropped", param('{ type: string, pattern: "^[a-z]+$" }'), param(STR), 'compatible');
add('request-parameter-pattern-changed', 'WARN', "a query parameter's pattern changed", param('{ type: string, pattern: "^[a-z]+$" }'), param('{ type: string, pattern: "^[a-z0-9]{2,}$" }'), 'breaking', { difference: 'undecidable-change' });
add('request-parameter-property-type-changed', 'WARN', 'a property of an object query parameter changed type', paramList(OBJ_PARAM('{ size: { type: string } }')), paramList(OBJ_PARAM('{ size: { type: integer } }')), 'breaking', { difference: 'undecidable-change' });
add('request-parameter-property-type-specialized', 'ERR', 'a property of an object query parameter narrowed from number to integer', paramList(OBJ_PARAM('{ size: { type: number } }')), paramList(OBJ_PARAM('{ size: { type: integer } }')), 'breaking');
add('request-parameter-property-list-of-types-narrowed', 'ERR', 'a property of an object query parameter narrowed to one of its types', paramList(OBJ_PARAM('{ size: { type: [string, integer] } }')), paramList(OBJ_PARAM('{ size: { type: integer } }')), 'breaking');
add('request-parameter-property-became-not-nullable', 'ERR', 'a property of an object query parameter no longer nullable', paramList(OBJ_PARAM('{ size: { type: [integer, "null"] } }')), paramList(OBJ_PARAM('{ size: { type: integer } }')), 'breaking');
add('request-parameter-property-enum-value-removed', 'ERR', 'a value dropped from the enum of a property of an object query parameter', paramList(OBJ_PARAM('{ sort: { enum: [asc, desc] } }')), paramList(OBJ_PARAM('{ sort: { enum: [asc] } }')), 'breaking');

// Bounds on a parameter, both ways
const PARAM_BOUNDS: [string, OasdiffLevel, string, string, string, Verdict][] = [
  ['request-parameter-max-length-set', 'ERR', 'maxLength given', STR, '{ type: string, maxLength: 64 }', 'breaking'],
  ['request-parameter-max-length-decreased', 'ERR', 'maxLength lowered', '{ type: string, maxLength: 64 }', '{ type: string, maxLength: 32 }', 'breaking'],
  ['request-parameter-max-length-increased', 'INFO', 'maxLength raised', '{ type: string, maxLength: 32 }', '{ type: string, maxLength: 64 }', 'compatible'],
  ['request-parameter-min-length-increased', 'ERR', 'minLength raised', '{ type: string, minLength: 1 }', '{ type: string, minLength: 3 }', 'breaking'],
  ['request-parameter-min-length-decreased', 'INFO', 'minLength lowered', '{ type: string, minLength: 3 }', '{ type: string, minLength: 1 }', 'compatible'],
  ['request-parameter-max-set', 'ERR', 'maximum given', '{ type: integer }', '{ type: integer, maximum: 100 }', 'breaking'],
  ['request-parameter-max-decreased', 'ERR', 'maximum lowered', '{ type: integer, maximum: 100 }', '{ type: integer, maximum: 50 }', 'breaking'],
  ['request-parameter-max-increased', 'INFO', 'maximum raised', '{ type: integer, maximum: 50 }', '{ type: integer, maximum: 100 }', 'compatible'],
  ['request-parameter-exclusive-max-set', 'ERR', 'exclusiveMaximum given', '{ type: integer }', '{ type: integer, exclusiveMaximum: 100 }', 'breaking'],
  ['request-parameter-exclusive-max-decreased', 'ERR', 'exclusiveMaximum lowered', '{ type: integer, exclusiveMaximum: 100 }', '{ type: integer, exclusiveMaximum: 50 }', 'breaking'],
  ['request-parameter-exclusive-max-increased', 'INFO', 'exclusiveMaximum raised', '{ type: integer, exclusiveMaximum: 50 }', '{ type: integer, exclusiveMaximum: 100 }', 'compatible'],
  ['request-parameter-min-set', 'ERR', 'minimum given', '{ type: integer }', '{ type: integer, minimum: 1 }', 'breaking'],
  ['request-parameter-min-increased', 'ERR', 'minimum raised', '{ type: integer, minimum: 1 }', '{ type: integer, minimum: 10 }', 'breaking'],
  ['request-parameter-min-decreased', 'INFO', 'minimum lowered', '{ type: integer, minimum: 10 }', '{ type: integer, minimum: 1 }', 'compatible'],
  ['request-parameter-exclusive-min-set', 'ERR', 'exclusiveMinimum given', '{ type: integer }', '{ type: integer, exclusiveMinimum: 0 }', 'breaking'],
  ['request-parameter-exclusive-min-increased', 'ERR', 'exclusiveMinimum raised', '{ type: integer, exclusiveMinimum: 0 }', '{ type: integer, exclusiveMinimum: 5 }', 'breaking'],
  ['request-parameter-exclusive-min-decreased', 'INFO', 'exclusiveMinimum lowered', '{ type: integer, exclusiveMinimum: 5 }', '{ type: integer, exclusiveMinimum: 0 }', 'compatible'],
  ['request-parameter-max-items-decreased', 'ERR', 'maxItems lowered', '{ type: array, items: { type: string }, maxItems: 10 }', '{ type: array, items: { type: string }, maxItems: 5 }', 'breaking'],
  ['request-parameter-max-items-increased', 'INFO', 'maxItems raised', '{ type: array, items: { type: string }, maxItems: 5 }', '{ type: array, items: { type: string }, maxItems: 10 }', 'compatible'],
  ['request-parameter-min-items-set', 'ERR', 'minItems given', '{ type: array, items: { type: string } }', '{ type: array, items: { type: string }, minItems: 1 }', 'breaking'],
  ['request-parameter-min-items-increased', 'ERR', 'minItems raised', '{ type: array, items: { type: string }, minItems: 1 }', '{ type: array, items: { type: string }, minItems: 2 }', 'breaking'],
  ['request-parameter-min-items-decreased', 'INFO', 'minItems lowered', '{ type: array, items: { type: string }, minItems: 2 }', '{ type: array, items: { type: string }, minItems: 1 }', 'compatible'],
];
for (const [rule, level, shows, base, head, verdict] of PARAM_BOUNDS) add(rule, level, `query parameter: ${shows}`, param(base), param(head), verdict);
add('request-parameter-exclusive-max-set', 'ERR', 'query parameter: an inclusive maximum made exclusive (3.0 boolean form)', param('{ type: integer, maximum: 100 }'), param('{ type: integer, maximum: 100, exclusiveMaximum: true }'), 'breaking', { openapi30: true });
add('request-parameter-exclusive-min-decreased', 'INFO', 'query parameter: an exclusive minimum made inclusive (3.0 boolean form)', param('{ type: integer, minimum: 0, exclusiveMinimum: true }'), param('{ type: integer, minimum: 0 }'), 'compatible', { openapi30: true });

// ---------------------------------------------------------------------------------------------
// Request bodies

add('request-body-added-required', 'ERR', 'a required request body added', ops('', false), ops('      requestBody:\n        required: true\n        content: { application/json: { schema: { type: object } } }\n', false), 'breaking');
add('request-body-added-optional', 'INFO', 'an optional request body added', ops('', false), ops('      requestBody:\n        content: { application/json: { schema: { type: object } } }\n', false), 'compatible');
add('request-body-removed', 'ERR', 'the request body removed', reqBody('{ type: object }'), ops('', false), 'breaking');
add('request-body-became-required', 'ERR', 'the request body made required', reqBody('{ type: object }'), reqBody('{ type: object }', true), 'breaking');
add('request-body-became-optional', 'INFO', 'the request body made optional', reqBody('{ type: object }', true), reqBody('{ type: object }'), 'compatible');
add('request-body-media-type-removed', 'ERR', 'a request media type removed', reqBody('{ type: object }').replace('          application/json:', '          text/plain: { schema: { type: string } }\n          application/json:'), reqBody('{ type: object }'), 'breaking');
add('request-body-media-type-added', 'INFO', 'a request media type added', reqBody('{ type: object }'), reqBody('{ type: object }').replace('          application/json:', '          text/plain: { schema: { type: string } }\n          application/json:'), 'compatible');
add('request-body-media-type-schema-added', 'ERR', 'a schema given to a request media type that had none', ops('      requestBody:\n        content: { application/json: {} }\n', false), reqBody('{ type: object }'), 'breaking');
add('request-body-became-enum', 'ERR', 'the request body limited to an enum', reqBody(STR), reqBody('{ type: string, enum: [a, b] }'), 'breaking');
add('request-property-became-enum', 'ERR', 'a request property limited to an enum', reqProp(STR), reqProp('{ type: string, enum: [a, b] }'), 'breaking');
add('request-body-enum-value-removed', 'ERR', 'a value dropped from the request body enum', reqBody('{ enum: [a, b] }'), reqBody('{ enum: [a] }'), 'breaking');
add('request-property-enum-value-removed', 'ERR', 'a value dropped from a request property enum', reqProp('{ enum: [a, b] }'), reqProp('{ enum: [a] }'), 'breaking');
add('request-property-enum-value-added', 'INFO', 'a value added to a request property enum', reqProp('{ enum: [a] }'), reqProp('{ enum: [a, b] }'), 'compatible');
add('request-property-x-extensible-enum-value-removed', 'ERR', 'a value dropped from a request property x-extensible-enum', reqProp('{ type: string, x-extensible-enum: [a, b] }'), reqProp('{ type: string, x-extensible-enum: [a] }'), 'breaking');
add('new-required-request-property', 'ERR', 'a required request property added', reqProp(STR), reqBody('{ type: object, required: [q], properties: { p: { type: string }, q: { type: string } } }'), 'breaking');
add('new-required-request-property-with-default', 'ERR', 'a required request property with a default added', reqProp(STR), reqBody('{ type: object, required: [q], properties: { p: { type: string }, q: { type: string, default: x } } }'), 'breaking');
add('new-optional-request-property', 'INFO', 'an optional request property added', reqProp(STR), reqBody('{ type: object, properties: { p: { type: string }, q: { type: string } } }'), 'compatible');
add('request-property-became-required', 'ERR', 'a request property made required', reqProp(STR), reqBody('{ type: object, required: [p], properties: { p: { type: string } } }'), 'breaking');
add('request-property-became-required-with-default', 'ERR', 'a request property with a default made required', reqProp('{ type: string, default: x }'), reqBody('{ type: object, required: [p], properties: { p: { type: string, default: x } } }'), 'breaking');
add('request-property-became-optional', 'INFO', 'a request property made optional', reqBody('{ type: object, required: [p], properties: { p: { type: string } } }'), reqProp(STR), 'compatible');
add('request-property-removed', 'WARN', 'a request property removed', reqBody('{ type: object, properties: { p: { type: string }, q: { type: string } } }'), reqProp(STR), 'breaking', { difference: 'removed-input' });
schemaPair('request', 'type-changed', 'ERR', 'string changed to integer', STR, '{ type: integer }', 'breaking');
schemaPair('request', 'type-generalized', 'INFO', 'integer widened to number', '{ type: integer }', '{ type: number }', 'compatible');
schemaPair('request', 'list-of-types-narrowed', 'ERR', 'string or integer narrowed to string', '{ type: [string, integer] }', STR, 'breaking');
schemaPair('request', 'became-not-nullable', 'ERR', 'no longer nullable', '{ type: [string, "null"] }', STR, 'breaking');
schemaPair('request', 'became-nullable', 'INFO', 'made nullable', STR, '{ type: [string, "null"] }', 'compatible');
add('request-property-became-not-nullable', 'ERR', 'request property: no longer nullable (3.0 nullable, upgraded)', reqProp('{ type: string, nullable: true }'), reqProp(STR), 'breaking', { openapi30: true });
schemaPair('request', 'any-of-removed', 'ERR', 'an anyOf alternative dropped', '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }', '{ anyOf: [{ type: string }, { type: integer }] }', 'breaking');
schemaPair('request', 'any-of-added', 'INFO', 'an anyOf alternative added', '{ anyOf: [{ type: string }, { type: integer }] }', '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }', 'compatible');
schemaPair('request', 'one-of-removed', 'ERR', 'a oneOf alternative dropped', '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }', '{ oneOf: [{ type: string }, { type: integer }] }', 'breaking');
schemaPair('request', 'one-of-added', 'INFO', 'a oneOf alternative added', '{ oneOf: [{ type: string }, { type: integer }] }', '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }', 'compatible');
add('request-body-wrapped-in-one-of', 'ERR', 'the request body turned into a oneOf of itself and another shape', reqBody('{ type: object, properties: { a: { type: string } } }'), reqBody('{ oneOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }'), 'breaking');
add('request-body-all-of-added', 'ERR', 'an allOf member adding a required property', reqBody('{ allOf: [{ type: object, properties: { a: { type: string } } }] }'), reqBody('{ allOf: [{ type: object, properties: { a: { type: string } } }, { required: [b], properties: { b: { type: string } } }] }'), 'breaking');
add('request-body-all-of-added', 'ERR', 'an allOf member adding an optional property', reqBody('{ allOf: [{ type: object, properties: { a: { type: string } } }] }'), reqBody('{ allOf: [{ type: object, properties: { a: { type: string } } }, { properties: { b: { type: string } } }] }'), 'compatible', { difference: 'all-of-merged' });
add('request-property-all-of-added', 'ERR', 'an allOf member adding an optional property to a request property', reqProp('{ allOf: [{ type: object, properties: { a: { type: string } } }] }'), reqProp('{ allOf: [{ type: object, properties: { a: { type: string } } }, { properties: { b: { type: string } } }] }'), 'compatible', { difference: 'all-of-merged' });
schemaPair('request', 'const-added', 'ERR', 'a const given', STR, '{ type: string, const: v1 }', 'breaking');
schemaPair('request', 'const-changed', 'ERR', 'the const changed', '{ type: string, const: v1 }', '{ type: string, const: v2 }', 'breaking');
schemaPair('request', 'const-removed', 'INFO', 'the const dropped', '{ type: string, const: v1 }', STR, 'compatible');

// Bounds and other validation keywords on a request body and on a request property, both ways
const REQUEST_KEYWORDS: [string | null, OasdiffLevel | 'none', string, string, string, Verdict][] = [
  ['max-length-set', 'ERR', 'maxLength given', STR, '{ type: string, maxLength: 64 }', 'breaking'],
  ['max-length-decreased', 'ERR', 'maxLength lowered', '{ type: string, maxLength: 64 }', '{ type: string, maxLength: 32 }', 'breaking'],
  ['max-length-increased', 'INFO', 'maxLength raised', '{ type: string, maxLength: 32 }', '{ type: string, maxLength: 64 }', 'compatible'],
  ['min-length-increased', 'ERR', 'minLength raised', '{ type: string, minLength: 1 }', '{ type: string, minLength: 8 }', 'breaking'],
  ['min-length-decreased', 'INFO', 'minLength lowered', '{ type: string, minLength: 8 }', '{ type: string, minLength: 1 }', 'compatible'],
  ['max-set', 'ERR', 'maximum given', '{ type: number }', '{ type: number, maximum: 100 }', 'breaking'],
  ['max-decreased', 'ERR', 'maximum lowered', '{ type: number, maximum: 100 }', '{ type: number, maximum: 10 }', 'breaking'],
  ['max-increased', 'INFO', 'maximum raised', '{ type: number, maximum: 10 }', '{ type: number, maximum: 100 }', 'compatible'],
  ['exclusive-max-set', 'ERR', 'exclusiveMaximum given', '{ type: number }', '{ type: number, exclusiveMaximum: 100 }', 'breaking'],
  ['exclusive-max-decreased', 'ERR', 'exclusiveMaximum lowered', '{ type: number, exclusiveMaximum: 100 }', '{ type: number, exclusiveMaximum: 10 }', 'breaking'],
  ['exclusive-max-increased', 'INFO', 'exclusiveMaximum raised', '{ type: number, exclusiveMaximum: 10 }', '{ type: number, exclusiveMaximum: 100 }', 'compatible'],
  ['min-set', 'ERR', 'minimum given', '{ type: number }', '{ type: number, minimum: 0 }', 'breaking'],
  ['min-increased', 'ERR', 'minimum raised', '{ type: number, minimum: 0 }', '{ type: number, minimum: 18 }', 'breaking'],
  ['min-decreased', 'INFO', 'minimum lowered', '{ type: number, minimum: 18 }', '{ type: number, minimum: 0 }', 'compatible'],
  ['exclusive-min-set', 'ERR', 'exclusiveMinimum given', '{ type: number }', '{ type: number, exclusiveMinimum: 0 }', 'breaking'],
  ['exclusive-min-increased', 'ERR', 'exclusiveMinimum raised', '{ type: number, exclusiveMinimum: 0 }', '{ type: number, exclusiveMinimum: 1 }', 'breaking'],
  ['exclusive-min-decreased', 'INFO', 'exclusiveMinimum lowered', '{ type: number, exclusiveMinimum: 1 }', '{ type: number, exclusiveMinimum: 0 }', 'compatible'],
  ['max-items-set', 'ERR', 'maxItems given', '{ type: array, items: { type: string } }', '{ type: array, items: { type: string }, maxItems: 10 }', 'breaking'],
  ['max-items-decreased', 'ERR', 'maxItems lowered', '{ type: array, items: { type: string }, maxItems: 10 }', '{ type: array, items: { type: string }, maxItems: 3 }', 'breaking'],
  ['max-items-increased', 'INFO', 'maxItems raised', '{ type: array, items: { type: string }, maxItems: 3 }', '{ type: array, items: { type: string }, maxItems: 10 }', 'compatible'],
  ['min-items-set', 'ERR', 'minItems given', '{ type: array, items: { type: string } }', '{ type: array, items: { type: string }, minItems: 1 }', 'breaking'],
  ['min-items-increased', 'ERR', 'minItems raised', '{ type: array, items: { type: string }, minItems: 1 }', '{ type: array, items: { type: string }, minItems: 2 }', 'breaking'],
  [null, 'none', 'minItems lowered', '{ type: array, items: { type: string }, minItems: 2 }', '{ type: array, items: { type: string }, minItems: 1 }', 'compatible'],
  ['max-properties-set', 'ERR', 'maxProperties given', '{ type: object }', '{ type: object, maxProperties: 5 }', 'breaking'],
  ['max-properties-decreased', 'ERR', 'maxProperties lowered', '{ type: object, maxProperties: 5 }', '{ type: object, maxProperties: 2 }', 'breaking'],
  ['min-properties-increased', 'ERR', 'minProperties raised', '{ type: object, minProperties: 1 }', '{ type: object, minProperties: 2 }', 'breaking'],
  ['unique-items-set', 'ERR', 'items must be unique', '{ type: array, items: { type: string } }', '{ type: array, items: { type: string }, uniqueItems: true }', 'breaking'],
  ['unique-items-unset', 'INFO', 'items need no longer be unique', '{ type: array, items: { type: string }, uniqueItems: true }', '{ type: array, items: { type: string } }', 'compatible'],
  ['multiple-of-set', 'ERR', 'multipleOf given', '{ type: integer }', '{ type: integer, multipleOf: 5 }', 'breaking'],
  ['multiple-of-changed', 'ERR', 'multipleOf from 2 to 3', '{ type: integer, multipleOf: 2 }', '{ type: integer, multipleOf: 3 }', 'breaking'],
  ['multiple-of-generalized', 'INFO', 'multipleOf from 4 to 2', '{ type: integer, multipleOf: 4 }', '{ type: integer, multipleOf: 2 }', 'compatible'],
  ['multiple-of-unset', 'INFO', 'multipleOf dropped', '{ type: integer, multipleOf: 5 }', '{ type: integer }', 'compatible'],
  ['type-changed', 'ERR', 'a format given', STR, '{ type: string, format: email }', 'breaking'],
  ['type-generalized', 'INFO', 'the format dropped', '{ type: string, format: email }', STR, 'compatible'],
  ['prefix-items-removed', 'ERR', 'a position dropped from a closed tuple', '{ type: array, prefixItems: [{ type: string }, { type: integer }], items: false }', '{ type: array, prefixItems: [{ type: string }], items: false }', 'breaking'],
  ['if-added', 'ERR', 'an if condition given', '{ type: object }', '{ type: object, if: { required: [card] } }', 'breaking'],
  ['then-added', 'ERR', 'a then branch given to an if', '{ type: object, if: { required: [card] } }', '{ type: object, if: { required: [card] }, then: { required: [address] } }', 'breaking'],
  ['else-added', 'ERR', 'an else branch given to an if', '{ type: object, if: { required: [card] }, then: { required: [address] } }', '{ type: object, if: { required: [card] }, then: { required: [address] }, else: { required: [iban] } }', 'breaking'],
  ['contains-added', 'ERR', 'contains given', '{ type: array, items: { type: string } }', '{ type: array, items: { type: string }, contains: { const: admin } }', 'breaking'],
  ['min-contains-increased', 'ERR', 'minContains raised', '{ type: array, items: { type: string }, contains: { const: admin }, minContains: 1 }', '{ type: array, items: { type: string }, contains: { const: admin }, minContains: 2 }', 'breaking'],
  ['max-contains-decreased', 'ERR', 'maxContains lowered', '{ type: array, items: { type: string }, contains: { const: admin }, maxContains: 3 }', '{ type: array, items: { type: string }, contains: { const: admin }, maxContains: 1 }', 'breaking'],
  ['dependent-required-added', 'ERR', 'a dependentRequired entry given', '{ type: object }', '{ type: object, dependentRequired: { card: [address] } }', 'breaking'],
  ['dependent-required-changed', 'ERR', 'a dependentRequired entry changed', '{ type: object, dependentRequired: { card: [address] } }', '{ type: object, dependentRequired: { card: [address, zip] } }', 'breaking'],
  ['dependent-schema-added', 'ERR', 'a dependentSchemas entry given', '{ type: object }', '{ type: object, dependentSchemas: { card: { required: [address] } } }', 'breaking'],
  ['pattern-property-added', 'ERR', 'a patternProperties entry given', '{ type: object }', '{ type: object, patternProperties: { "^x-": { type: string } } }', 'breaking'],
  ['property-names-added', 'ERR', 'propertyNames given', '{ type: object }', '{ type: object, propertyNames: { pattern: "^[a-z]+$" } }', 'breaking'],
  ['unevaluated-items-added', 'ERR', 'unevaluatedItems given', '{ type: array, prefixItems: [{ type: string }] }', '{ type: array, prefixItems: [{ type: string }], unevaluatedItems: false }', 'breaking'],
  ['unevaluated-properties-added', 'ERR', 'unevaluatedProperties given', '{ type: object, properties: { a: { type: string } } }', '{ type: object, properties: { a: { type: string } }, unevaluatedProperties: false }', 'breaking'],
  ['content-schema-added', 'ERR', 'contentSchema given', '{ type: string, contentMediaType: application/json }', '{ type: string, contentMediaType: application/json, contentSchema: { type: object } }', 'breaking'],
  ['content-media-type-changed', 'ERR', 'contentMediaType changed', '{ type: string, contentMediaType: image/png }', '{ type: string, contentMediaType: image/jpeg }', 'breaking'],
  ['content-encoding-changed', 'ERR', 'contentEncoding changed', '{ type: string, contentEncoding: base64 }', '{ type: string, contentEncoding: base64url }', 'breaking'],
];
for (const [suffix, level, shows, base, head, verdict] of REQUEST_KEYWORDS) schemaPair('request', suffix ?? '', level, shows, base, head, verdict);
// oasdiff checks patterns on request properties (and parameters), not on a whole request body.
add('request-property-pattern-added', 'ERR', 'request property: a pattern given', reqProp(STR), reqProp('{ type: string, pattern: "^[A-Z]{2}$" }'), 'breaking');
add('request-property-pattern-removed', 'INFO', 'request property: the pattern dropped', reqProp('{ type: string, pattern: "^[A-Z]{2}$" }'), reqProp(STR), 'compatible');
add('request-property-exclusive-max-set', 'ERR', 'request property: an inclusive maximum made exclusive (3.0 boolean form)', reqProp('{ type: number, maximum: 10 }'), reqProp('{ type: number, maximum: 10, exclusiveMaximum: true }'), 'breaking', { openapi30: true });
add('request-property-min-increased', 'ERR', 'request property: an inclusive minimum made exclusive (3.0 boolean form)', reqProp('{ type: number, minimum: 0 }'), reqProp('{ type: number, minimum: 0, exclusiveMinimum: true }'), 'breaking', { openapi30: true });

// readOnly and writeOnly in requests: only readOnly keeps a property out of them
const reqObject = (required: boolean, flag: string) => reqBody(`{ type: object,${required ? ' required: [p],' : ''} properties: { p: { type: string${flag} } } }`);
const MUTABILITY_REQUEST: [string, boolean, string, string, Verdict, Difference?][] = [
  ['request-optional-property-became-read-only', false, '', ', readOnly: true', 'breaking', 'read-only-and-write-only'],
  ['request-required-property-became-read-only', true, '', ', readOnly: true', 'breaking', 'read-only-and-write-only'],
  ['request-optional-property-became-not-read-only', false, ', readOnly: true', '', 'compatible'],
  ['request-required-property-became-not-read-only', true, ', readOnly: true', '', 'breaking', 'read-only-and-write-only'],
  ['request-optional-property-became-write-only', false, '', ', writeOnly: true', 'none'],
  ['request-required-property-became-write-only', true, '', ', writeOnly: true', 'none'],
  ['request-optional-property-became-not-write-only', false, ', writeOnly: true', '', 'none'],
  ['request-required-property-became-not-write-only', true, ', writeOnly: true', '', 'none'],
];
for (const [rule, required, before, after, verdict, difference] of MUTABILITY_REQUEST) {
  add(rule, 'INFO', rule.replace(/^request-/, 'request ').replaceAll('-', ' '), reqObject(required, before), reqObject(required, after), verdict, difference ? { difference } : {});
}
add('request-read-only-property-max-length-decreased', 'INFO', 'the maxLength of a readOnly request property lowered (it is never sent)', reqProp('{ type: string, readOnly: true, maxLength: 64 }'), reqProp('{ type: string, readOnly: true, maxLength: 8 }'), 'none');

// ---------------------------------------------------------------------------------------------
// Responses

add('response-success-status-removed', 'ERR', 'a success status removed', resBody(STR, '        "201": { description: Created }\n'), resBody(STR), 'breaking');
add('response-success-status-added', 'INFO', 'a success status added', resBody(STR), resBody(STR, '        "201": { description: Created }\n'), 'compatible');
add('response-non-success-status-removed', 'INFO', 'an error status removed', resBody(STR, '        "404": { description: Not found }\n'), resBody(STR), 'breaking', { difference: 'error-status-removed' });
add('response-non-success-status-added', 'INFO', 'an error status added', resBody(STR), resBody(STR, '        "404": { description: Not found }\n'), 'compatible');
add('response-media-type-removed', 'ERR', 'a response media type removed', resBody(STR).replace('            application/json:', '            text/plain: { schema: { type: string } }\n            application/json:'), resBody(STR), 'breaking');
add('response-media-type-added', 'INFO', 'a response media type added', resBody(STR), resBody(STR).replace('            application/json:', '            text/plain: { schema: { type: string } }\n            application/json:'), 'compatible');
add('response-media-type-name-generalized', 'ERR', 'a vendor media type replaced by plain JSON', resBody(STR).replace('application/json:', 'application/vnd.things+json:'), resBody(STR), 'breaking');
add('response-body-media-type-schema-removed', 'ERR', 'the schema of a response media type removed', resBody('{ type: object }'), resBody('{ type: object }').replace(/ {12}application\/json:\n {14}schema: .*\n/, '            application/json: {}\n'), 'breaking');
add('required-response-header-removed', 'ERR', 'a required response header removed', resHeader('{ required: true, schema: { type: integer } }'), resHeader('{ required: true, schema: { type: integer } }').replace(/ {10}headers: .*\n/, ''), 'breaking');
add('optional-response-header-removed', 'WARN', 'an optional response header removed', resHeader('{ schema: { type: integer } }'), resHeader('{ schema: { type: integer } }').replace(/ {10}headers: .*\n/, ''), 'breaking', { difference: 'optional-header-removed' });
add('response-header-added', 'INFO', 'a response header added', resHeader('{ schema: { type: integer } }').replace(/ {10}headers: .*\n/, ''), resHeader('{ schema: { type: integer } }'), 'compatible');
add('response-header-became-optional', 'ERR', 'a response header no longer required', resHeader('{ required: true, schema: { type: integer } }'), resHeader('{ schema: { type: integer } }'), 'breaking');
add('response-header-type-changed', 'ERR', 'a response header changed from integer to string', resHeader('{ schema: { type: integer } }'), resHeader('{ schema: { type: string } }'), 'breaking');
add('response-header-type-generalized', 'ERR', 'a response header widened from integer to number', resHeader('{ schema: { type: integer } }'), resHeader('{ schema: { type: number } }'), 'breaking');
add('response-header-type-specialized', 'INFO', 'a response header narrowed from number to integer', resHeader('{ schema: { type: number } }'), resHeader('{ schema: { type: integer } }'), 'compatible');
add('response-header-became-nullable', 'ERR', 'a response header made nullable', resHeader('{ schema: { type: integer } }'), resHeader('{ schema: { type: [integer, "null"] } }'), 'breaking');
add('response-required-property-removed', 'ERR', 'a required response property removed', resBody('{ type: object, required: [p, q], properties: { p: { type: string }, q: { type: string } } }'), resBody('{ type: object, required: [p], properties: { p: { type: string } } }'), 'breaking');
add('response-optional-property-removed', 'INFO', 'an optional response property removed', resBody('{ type: object, properties: { p: { type: string }, q: { type: string } } }'), resProp(STR), 'breaking', { difference: 'optional-response-property-removed' });
add('response-optional-property-added', 'INFO', 'an optional response property added', resProp(STR), resBody('{ type: object, properties: { p: { type: string }, q: { type: string } } }'), 'compatible');
add('response-required-property-added', 'INFO', 'a required response property added', resProp(STR), resBody('{ type: object, required: [q], properties: { p: { type: string }, q: { type: string } } }'), 'compatible');
add('response-property-became-optional', 'ERR', 'a response property made optional', resBody('{ type: object, required: [p], properties: { p: { type: string } } }'), resProp(STR), 'breaking');
add('response-property-became-required', 'INFO', 'a response property made required', resProp(STR), resBody('{ type: object, required: [p], properties: { p: { type: string } } }'), 'compatible');
add('response-property-enum-value-added', 'WARN', 'a value added to a response property enum', resProp('{ enum: [a, b] }'), resProp('{ enum: [a, b, c] }'), 'breaking', { difference: 'response-enum-value-added' });
add('response-property-enum-value-removed', 'INFO', 'a value dropped from a response property enum', resProp('{ enum: [a, b] }'), resProp('{ enum: [a] }'), 'compatible');
schemaPair('response', 'type-changed', 'ERR', 'string changed to integer', STR, '{ type: integer }', 'breaking');
schemaPair('response', 'type-generalized', 'ERR', 'integer widened to number', '{ type: integer }', '{ type: number }', 'breaking');
schemaPair('response', 'type-specialized', 'INFO', 'number narrowed to integer', '{ type: number }', '{ type: integer }', 'compatible');
schemaPair('response', 'list-of-types-widened', 'ERR', 'string widened to string or integer', STR, '{ type: [string, integer] }', 'breaking');
schemaPair('response', 'became-nullable', 'ERR', 'made nullable', STR, '{ type: [string, "null"] }', 'breaking');
schemaPair('response', 'became-not-nullable', 'INFO', 'no longer nullable', '{ type: [string, "null"] }', STR, 'compatible');
add('response-property-became-nullable', 'ERR', 'response property: made nullable (3.0 nullable, upgraded)', resProp(STR), resProp('{ type: string, nullable: true }'), 'breaking', { openapi30: true });
schemaPair('response', 'any-of-added', 'ERR', 'an anyOf alternative added', '{ anyOf: [{ type: string }, { type: integer }] }', '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }', 'breaking');
schemaPair('response', 'any-of-removed', 'INFO', 'an anyOf alternative dropped', '{ anyOf: [{ type: string }, { type: integer }, { type: boolean }] }', '{ anyOf: [{ type: string }, { type: integer }] }', 'compatible');
schemaPair('response', 'one-of-added', 'ERR', 'a oneOf alternative added', '{ oneOf: [{ type: string }, { type: integer }] }', '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }', 'breaking');
schemaPair('response', 'one-of-removed', 'INFO', 'a oneOf alternative dropped', '{ oneOf: [{ type: string }, { type: integer }, { type: boolean }] }', '{ oneOf: [{ type: string }, { type: integer }] }', 'compatible');
add('response-body-wrapped-in-one-of', 'ERR', 'the response body turned into a oneOf of itself and another shape', resBody('{ type: object, properties: { a: { type: string } } }'), resBody('{ oneOf: [{ type: object, properties: { a: { type: string } } }, { type: object, properties: { b: { type: string } } }] }'), 'breaking');
schemaPair('response', 'all-of-removed', 'ERR', 'an allOf member that brought a property removed', '{ allOf: [{ type: object, properties: { a: { type: string } } }, { properties: { b: { type: string } } }] }', '{ allOf: [{ type: object, properties: { a: { type: string } } }] }', 'breaking');
schemaPair('response', 'const-removed', 'ERR', 'the const dropped', '{ type: string, const: v1 }', STR, 'breaking');
schemaPair('response', 'const-changed', 'ERR', 'the const changed', '{ type: string, const: v1 }', '{ type: string, const: v2 }', 'breaking');
schemaPair('response', 'const-added', 'INFO', 'a const given', STR, '{ type: string, const: v1 }', 'compatible');

// Bounds and other validation keywords on a response body and property, both ways
const RESPONSE_KEYWORDS: [string | null, OasdiffLevel | 'none', string, string, string, Verdict][] = [
  ['max-length-increased', 'ERR', 'maxLength raised', '{ type: string, maxLength: 32 }', '{ type: string, maxLength: 64 }', 'breaking'],
  ['max-length-unset', 'ERR', 'maxLength dropped', '{ type: string, maxLength: 32 }', STR, 'breaking'],
  [null, 'none', 'maxLength lowered', '{ type: string, maxLength: 64 }', '{ type: string, maxLength: 32 }', 'compatible'],
  ['min-length-decreased', 'ERR', 'minLength lowered', '{ type: string, minLength: 8 }', '{ type: string, minLength: 1 }', 'breaking'],
  [null, 'none', 'minLength raised', '{ type: string, minLength: 1 }', '{ type: string, minLength: 8 }', 'compatible'],
  ['max-increased', 'ERR', 'maximum raised', '{ type: number, maximum: 10 }', '{ type: number, maximum: 100 }', 'breaking'],
  [null, 'none', 'maximum lowered', '{ type: number, maximum: 100 }', '{ type: number, maximum: 10 }', 'compatible'],
  ['exclusive-max-increased', 'ERR', 'exclusiveMaximum raised', '{ type: number, exclusiveMaximum: 10 }', '{ type: number, exclusiveMaximum: 100 }', 'breaking'],
  ['min-decreased', 'ERR', 'minimum lowered', '{ type: number, minimum: 18 }', '{ type: number, minimum: 0 }', 'breaking'],
  [null, 'none', 'minimum raised', '{ type: number, minimum: 0 }', '{ type: number, minimum: 18 }', 'compatible'],
  ['exclusive-min-decreased', 'ERR', 'exclusiveMinimum lowered', '{ type: number, exclusiveMinimum: 1 }', '{ type: number, exclusiveMinimum: 0 }', 'breaking'],
  ['max-items-increased', 'ERR', 'maxItems raised', '{ type: array, items: { type: string }, maxItems: 3 }', '{ type: array, items: { type: string }, maxItems: 10 }', 'breaking'],
  [null, 'none', 'maxItems lowered', '{ type: array, items: { type: string }, maxItems: 10 }', '{ type: array, items: { type: string }, maxItems: 3 }', 'compatible'],
  ['min-items-decreased', 'ERR', 'minItems lowered', '{ type: array, items: { type: string }, minItems: 2 }', '{ type: array, items: { type: string }, minItems: 1 }', 'breaking'],
  ['min-items-unset', 'ERR', 'minItems dropped', '{ type: array, items: { type: string }, minItems: 1 }', '{ type: array, items: { type: string } }', 'breaking'],
  [null, 'none', 'minItems raised', '{ type: array, items: { type: string }, minItems: 1 }', '{ type: array, items: { type: string }, minItems: 2 }', 'compatible'],
  ['max-properties-increased', 'ERR', 'maxProperties raised', '{ type: object, maxProperties: 2 }', '{ type: object, maxProperties: 5 }', 'breaking'],
  ['min-properties-decreased', 'ERR', 'minProperties lowered', '{ type: object, minProperties: 2 }', '{ type: object, minProperties: 1 }', 'breaking'],
  ['unique-items-unset', 'ERR', 'items need no longer be unique', '{ type: array, items: { type: string }, uniqueItems: true }', '{ type: array, items: { type: string } }', 'breaking'],
  ['multiple-of-unset', 'ERR', 'multipleOf dropped', '{ type: integer, multipleOf: 5 }', '{ type: integer }', 'breaking'],
  ['multiple-of-changed', 'ERR', 'multipleOf from 2 to 3', '{ type: integer, multipleOf: 2 }', '{ type: integer, multipleOf: 3 }', 'breaking'],
  ['multiple-of-specialized', 'INFO', 'multipleOf from 2 to 4', '{ type: integer, multipleOf: 2 }', '{ type: integer, multipleOf: 4 }', 'compatible'],
  ['type-specialized', 'INFO', 'a format given', STR, '{ type: string, format: email }', 'compatible'],
  ['type-generalized', 'ERR', 'the format dropped', '{ type: string, format: email }', STR, 'breaking'],
  ['type-generalized', 'ERR', 'int32 widened to int64', '{ type: integer, format: int32 }', '{ type: integer, format: int64 }', 'breaking'],
  ['prefix-items-added', 'ERR', 'a position added to a closed tuple', '{ type: array, prefixItems: [{ type: string }], items: false }', '{ type: array, prefixItems: [{ type: string }, { type: integer }], items: false }', 'breaking'],
  ['if-removed', 'ERR', 'the if condition dropped', '{ type: object, if: { required: [card] } }', '{ type: object }', 'breaking'],
  ['then-removed', 'ERR', 'the then branch dropped', '{ type: object, if: { required: [card] }, then: { required: [address] } }', '{ type: object, if: { required: [card] } }', 'breaking'],
  ['else-removed', 'ERR', 'the else branch dropped', '{ type: object, if: { required: [card] }, then: { required: [address] }, else: { required: [iban] } }', '{ type: object, if: { required: [card] }, then: { required: [address] } }', 'breaking'],
  ['contains-removed', 'ERR', 'contains dropped', '{ type: array, items: { type: string }, contains: { const: admin } }', '{ type: array, items: { type: string } }', 'breaking'],
  ['min-contains-decreased', 'ERR', 'minContains lowered', '{ type: array, items: { type: string }, contains: { const: admin }, minContains: 2 }', '{ type: array, items: { type: string }, contains: { const: admin }, minContains: 1 }', 'breaking'],
  ['max-contains-increased', 'ERR', 'maxContains raised', '{ type: array, items: { type: string }, contains: { const: admin }, maxContains: 1 }', '{ type: array, items: { type: string }, contains: { const: admin }, maxContains: 3 }', 'breaking'],
  ['dependent-required-removed', 'ERR', 'a dependentRequired entry dropped', '{ type: object, dependentRequired: { card: [address] } }', '{ type: object }', 'breaking'],
  ['dependent-required-changed', 'ERR', 'a dependentRequired entry changed', '{ type: object, dependentRequired: { card: [address, zip] } }', '{ type: object, dependentRequired: { card: [address] } }', 'breaking'],
  ['dependent-schema-removed', 'ERR', 'a dependentSchemas entry dropped', '{ type: object, dependentSchemas: { card: { required: [address] } } }', '{ type: object }', 'breaking'],
  ['pattern-property-removed', 'ERR', 'a patternProperties entry dropped', '{ type: object, patternProperties: { "^x-": { type: string } } }', '{ type: object }', 'breaking'],
  ['property-names-removed', 'ERR', 'propertyNames dropped', '{ type: object, propertyNames: { pattern: "^[a-z]+$" } }', '{ type: object }', 'breaking'],
  ['unevaluated-items-removed', 'ERR', 'unevaluatedItems dropped', '{ type: array, prefixItems: [{ type: string }], unevaluatedItems: false }', '{ type: array, prefixItems: [{ type: string }] }', 'breaking'],
  ['unevaluated-properties-removed', 'ERR', 'unevaluatedProperties dropped', '{ type: object, properties: { a: { type: string } }, unevaluatedProperties: false }', '{ type: object, properties: { a: { type: string } } }', 'breaking'],
  ['content-schema-removed', 'ERR', 'contentSchema dropped', '{ type: string, contentMediaType: application/json, contentSchema: { type: object } }', '{ type: string, contentMediaType: application/json }', 'breaking'],
  ['content-media-type-changed', 'ERR', 'contentMediaType changed', '{ type: string, contentMediaType: image/png }', '{ type: string, contentMediaType: image/jpeg }', 'breaking'],
  ['content-encoding-changed', 'ERR', 'contentEncoding changed', '{ type: string, contentEncoding: base64 }', '{ type: string, contentEncoding: base64url }', 'breaking'],
];
for (const [suffix, level, shows, base, head, verdict] of RESPONSE_KEYWORDS) schemaPair('response', suffix ?? '', level, shows, base, head, verdict);
add('response-property-pattern-removed', 'ERR', 'response property: the pattern dropped', resProp('{ type: string, pattern: "^[A-Z]{2}$" }'), resProp(STR), 'breaking');
add('response-property-pattern-added', 'INFO', 'response property: a pattern given', resProp(STR), resProp('{ type: string, pattern: "^[A-Z]{2}$" }'), 'compatible');
add('response-property-pattern-changed', 'WARN', 'response property: the pattern changed', resProp('{ type: string, pattern: "^[A-Z]{2}$" }'), resProp('{ type: string, pattern: "^[A-Z]{2,3}$" }'), 'breaking', { difference: 'undecidable-change' });
add('request-property-pattern-changed', 'WARN', 'request property: the pattern changed', reqProp('{ type: string, pattern: "^[A-Z]{2}$" }'), reqProp('{ type: string, pattern: "^[A-Z]{2,3}$" }'), 'breaking', { difference: 'undecidable-change' });
add('response-property-exclusive-max-increased', 'ERR', 'response property: an exclusive maximum made inclusive (3.0 boolean form)', resProp('{ type: number, maximum: 10, exclusiveMaximum: true }'), resProp('{ type: number, maximum: 10 }'), 'breaking', { openapi30: true });

// readOnly and writeOnly in responses: only writeOnly keeps a property out of them
const resObject = (required: boolean, flag: string) => resBody(`{ type: object,${required ? ' required: [p],' : ''} properties: { p: { type: string${flag} } } }`);
const MUTABILITY_RESPONSE: [string, OasdiffLevel, boolean, string, string, Verdict, Difference?][] = [
  ['response-optional-property-became-write-only', 'INFO', false, '', ', writeOnly: true', 'breaking', 'read-only-and-write-only'],
  ['response-required-property-became-write-only', 'INFO', true, '', ', writeOnly: true', 'breaking', 'read-only-and-write-only'],
  ['response-optional-property-became-not-write-only', 'INFO', false, ', writeOnly: true', '', 'compatible'],
  ['response-required-property-became-not-write-only', 'WARN', true, ', writeOnly: true', '', 'compatible', 'write-only-property-shown'],
  ['response-optional-property-became-read-only', 'INFO', false, '', ', readOnly: true', 'none'],
  ['response-required-property-became-read-only', 'INFO', true, '', ', readOnly: true', 'none'],
  ['response-optional-property-became-not-read-only', 'INFO', false, ', readOnly: true', '', 'none'],
  ['response-required-property-became-not-read-only', 'INFO', true, ', readOnly: true', '', 'none'],
];
for (const [rule, level, required, before, after, verdict, difference] of MUTABILITY_RESPONSE) {
  add(rule, level, rule.replace(/^response-/, 'response ').replaceAll('-', ' '), resObject(required, before), resObject(required, after), verdict, difference ? { difference } : {});
}

export const CONFORMANCE_CASES: readonly ConformanceCase[] = cases;
