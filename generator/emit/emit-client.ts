// Emits `client.ts` for one API: request/response/error types by indexed access into
// openapi-typescript's `operations`, the client interface with TSDoc, and the factory. Pure:
// plan in, ts-morph structure out. Every spec string goes through ../plan/naming.ts.
import { StructureKind, VariableDeclarationKind, type MethodSignatureStructure, type OptionalKind, type PropertySignatureStructure, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import type { ClientModel, ResponseModel, SecuritySchemeModel } from '../model/client-model.js';
import type { ParameterLocation } from '../core/openapi-types.js';
import type { ClientPlan, PlannedOperation } from '../plan/plan-client.js';
import type { ClientDefaults } from '../config/config.js';
import { docText, lineComment, literalValue, propertyKey, stringLiteral } from '../plan/naming.js';
import { splitPointer } from '../spec/references.js';
import { PLACEHOLDERS, type PrintedPiece } from './client-parts.js';
import { printMemberRuns, printStatementRuns, printStatements, printStructure } from './print.js';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

function operationType(operationId: string): string {
  return `operations[${stringLiteral(operationId)}]`;
}

function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : stringLiteral(status);
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/.test(status);
}

function isError(status: string): boolean {
  return status === 'default' || /^[3-5](\d\d|XX)$/.test(status);
}

function bodyType(operationId: string, response: ResponseModel): string {
  if (!response.mediaType) return 'undefined';
  if (!response.isJson) return 'string';
  return `${operationType(operationId)}["responses"][${statusKey(response.status)}]["content"][${stringLiteral(response.mediaType)}]`;
}

function requestProperties({ model }: PlannedOperation): OptionalKind<PropertySignatureStructure>[] {
  const op = operationType(model.typesKey);
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  for (const location of LOCATIONS) {
    const parameters = model.parameters[location];
    if (parameters.length === 0) continue;
    properties.push({
      name: location,
      hasQuestionToken: !parameters.some((p) => p.required),
      type: `NonNullable<${op}["parameters"][${stringLiteral(location)}]>`,
      docs: [docText(parameters.map((p) => `\`${p.name}\`${p.required ? ' (required)' : ''}${p.description ? `: ${p.description}` : ''}`).join('\n'))],
    });
  }
  if (model.body) {
    properties.push({
      name: 'body',
      hasQuestionToken: !model.body.required,
      type: `NonNullable<${op}["requestBody"]>["content"][${stringLiteral(model.body.mediaType)}]`,
      ...(model.body.description ? { docs: [docText(model.body.description)] } : {}),
    });
  }
  return properties;
}

function hasRequiredInput({ model }: PlannedOperation): boolean {
  return LOCATIONS.some((l) => model.parameters[l].some((p) => p.required)) || model.body?.required === true;
}

function methodDocs({ model }: PlannedOperation): string {
  const lines: string[] = [];
  if (model.summary) lines.push(docText(model.summary));
  if (model.description && model.description !== model.summary) lines.push('', docText(model.description));
  lines.push('', `\`${model.method.toUpperCase()} ${docText(model.path)}\``);
  // A tag's text must stay on the tag's line, so it is folded onto one line.
  for (const response of model.responses) {
    if (!isError(response.status)) continue;
    const description = response.description ? `: ${lineComment(response.description)}` : '';
    const codes = response.errorCodes.length > 0 ? ` Error codes: ${response.errorCodes.map((c) => `\`${lineComment(c)}\``).join(', ')}.` : '';
    const headers = response.headers.length > 0 ? ` Headers: ${response.headers.map((h) => `\`${lineComment(h.name)}\``).join(', ')}.` : '';
    lines.push(`@throws {ApiError} ${docText(`${response.status}${description}${codes}${headers}`)}`);
  }
  if (model.source) lines.push(`@see ${docText(lineComment(model.source))}`);
  if (model.deprecated) lines.push('@deprecated');
  return lines.join('\n').trim();
}

function errorUnion(planned: PlannedOperation): string {
  const { model } = planned;
  const variants = model.responses
    .filter((r) => isError(r.status))
    .map((r) => {
      const status = /^\d+$/.test(r.status) ? r.status : 'number';
      return `ApiError<${stringLiteral(model.operationId)}, ${status}, ${r.mediaType ? bodyType(model.typesKey, r) : 'unknown'}, ${headersLiteral([r])}>`;
    });
  return variants.length > 0 ? variants.join(' | ') : 'never';
}

/** A type literal of documented headers: required only where every response requires it. */
function headersLiteral(responses: readonly ResponseModel[]): string {
  const names = [...new Set(responses.flatMap((r) => r.headers.map((h) => h.name)))];
  if (names.length === 0) return '{}';
  const fields = names.map((name) => {
    const required = responses.every((r) => r.headers.some((h) => h.name === name && h.required));
    return `${propertyKey(name)}${required ? '' : '?'}: string`;
  });
  return `{ ${fields.join('; ')} }`;
}

function successResponses({ model }: PlannedOperation): ResponseModel[] {
  return model.responses.filter((r) => isSuccess(r.status));
}

function responseHeaderProperties(planned: PlannedOperation): OptionalKind<PropertySignatureStructure>[] {
  const responses = successResponses(planned);
  const seen = new Set<string>();
  return responses.flatMap((r) =>
    r.headers.flatMap((h) => {
      if (seen.has(h.name)) return [];
      seen.add(h.name);
      const required = responses.every((x) => x.headers.some((y) => y.name === h.name && y.required));
      return [{ name: propertyKey(h.name), type: 'string', hasQuestionToken: !required, ...(h.description ? { docs: [docText(h.description)] } : {}) }];
    }),
  );
}

function successUnion({ model }: PlannedOperation): string {
  const success = successResponses({ model } as PlannedOperation);
  const types = [...new Set(success.map((r) => bodyType(model.typesKey, r)))];
  return types.length > 0 ? types.join(' | ') : 'unknown';
}

function operationSpec({ model }: PlannedOperation): string {
  const errors = model.responses.filter((r) => isError(r.status)).map((r) => stringLiteral(r.status));
  const json = model.responses.filter((r) => r.isJson).map((r) => stringLiteral(r.status));
  const fields = [
    `operationId: ${stringLiteral(model.operationId)}`,
    `method: ${stringLiteral(model.method)}`,
    `path: ${stringLiteral(model.path)}`,
    `errors: [${errors.join(', ')}]`,
    `json: [${json.join(', ')}]`,
  ];
  if (model.body) fields.push(`bodyMediaType: ${stringLiteral(model.body.mediaType)}`);
  const headers = model.responses.filter((r) => r.headers.length > 0).map((r) => `${stringLiteral(r.status)}: [${r.headers.map((h) => stringLiteral(h.name)).join(', ')}]`);
  if (headers.length > 0) fields.push(`headers: { ${headers.join(', ')} }`);
  if (model.security) fields.push(`security: [${model.security.map((names) => `[${names.map(stringLiteral).join(', ')}]`).join(', ')}]`);
  const styles = Object.entries(model.queryStyles).map(([name, style]) => `${propertyKey(name)}: ${objectLiteral(style)}`);
  if (styles.length > 0) fields.push(`query: { ${styles.join(', ')} }`);
  if (model.pagination) fields.push(`pagination: ${objectLiteral(model.pagination)}`);
  return `{ ${fields.join(', ')} }`;
}

/** A flat object of strings, numbers and booleans as a literal; keys and strings quoted. */
function objectLiteral(value: object): string {
  const fields = Object.entries(value).map(([key, v]) => `${propertyKey(key)}: ${typeof v === 'string' ? stringLiteral(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'undefined'}`);
  return `{ ${fields.join(', ')} }`;
}

/** The element type of a paged operation's items, by indexed access along the items pointer. */
function itemType(planned: PlannedOperation): string {
  const pointer = planned.model.pagination?.items ?? '';
  let type = planned.responseType;
  // The model admits only valid pointers here.
  for (const key of splitPointer(pointer) ?? []) {
    type = `NonNullable<${type}>[${stringLiteral(key)}]`;
  }
  return `NonNullable<${type}>[number]`;
}

function authType(scheme: SecuritySchemeModel): string {
  return scheme.kind === 'basic' ? 'Credential<BasicCredentials>' : 'Credential<string>';
}

function authDocs(scheme: SecuritySchemeModel): string {
  const how =
    scheme.kind === 'bearer'
      ? 'A token, sent as `Authorization: Bearer <token>`.'
      : scheme.kind === 'basic'
        ? 'A username and password, sent as `Authorization: Basic ...`.'
        : `A key, sent in the ${scheme.in} as \`${lineComment(scheme.parameterName ?? '')}\`.`;
  return docText(`${how} A value, or a function called before each request.${scheme.description ? `\n\n${scheme.description}` : ''}`);
}

function securitySchemesLiteral(model: Pick<ClientModel, 'securitySchemes'>): string {
  const fields = model.securitySchemes.map((s) => {
    const spec = s.kind === 'apiKey' ? { type: 'apiKey', in: s.in ?? 'header', name: s.parameterName ?? '' } : { type: s.kind };
    return `${propertyKey(s.name)}: ${objectLiteral(spec)}`;
  });
  return `{ ${fields.join(', ')} }`;
}

function serversLiteral(model: Pick<ClientModel, 'servers'>): string {
  return `[${model.servers
    .map((s) => {
      const variables = s.variables.map((v) => `${propertyKey(v.name)}: { default: ${stringLiteral(v.default)}${v.enum ? `, enum: [${v.enum.map(stringLiteral).join(', ')}]` : ''} }`);
      return `{ url: ${stringLiteral(s.url)}${variables.length ? `, variables: { ${variables.join(', ')} }` : ''} }`;
    })
    .join(', ')}]`;
}

export interface ClientFiles {
  /** `client.d.ts`: every type and the factory's signature, with the docs. */
  declarations: SourceFileStructure;
  /** `client.js`: the operation descriptions and the factory, no types. */
  implementation: SourceFileStructure;
}

/**
 * Emits the client of one API as a declaration file and a JavaScript file, each printed directly:
 * no TypeScript compile step stands between the structures and the package.
 */
export function emitClient(model: ClientModel, plan: ClientPlan, defaults: ClientDefaults = {}): ClientFiles {
  return { declarations: clientDeclarations(model, plan), implementation: clientImplementation({ model, plan, defaults }, plan.operations.map(specEntry), plan.operations.map(methodEntry)) };
}

/** `client.d.ts`'s statements before the operations: imports, servers, auth and options. */
function declarationsHead(model: Pick<ClientModel, 'securitySchemes'>, plan: Pick<ClientPlan, 'authType' | 'optionsType' | 'factoryName'>): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/index.js',
      isTypeOnly: true,
      namedImports: ['ApiError', 'ApiPromise', 'BasicCredentials', 'CallOptions', 'ClientOptions', 'Credential', 'PagedPromise', 'ServerSpec'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: ['operations'] },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The servers the spec names; the first is the default base URL.'],
      declarations: [{ name: 'servers', type: 'readonly ServerSpec[]' }],
    },
    {
      kind: StructureKind.Interface,
      name: plan.authType,
      isExported: true,
      docs: ['Credentials for the security schemes the spec declares, by scheme name.'],
      properties: model.securitySchemes.map((s) => ({ name: propertyKey(s.name), type: authType(s), hasQuestionToken: true, docs: [authDocs(s)] })),
    },
    {
      kind: StructureKind.Interface,
      name: plan.optionsType,
      isExported: true,
      extends: ["Omit<ClientOptions, 'auth'>"],
      docs: [docText(`Options of ${plan.factoryName}: the runtime's, with credentials typed by scheme.`)],
      properties: [{ name: 'auth', type: plan.authType, hasQuestionToken: true }],
    },
  ];
}

/** One operation's types in `client.d.ts`: its item (when it pages), request, response, headers and errors. */
function operationDeclarations(planned: PlannedOperation): StatementStructures[] {
  const name = planned.model.operationId;
  const statements: StatementStructures[] = [];
  if (planned.model.pagination) {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: planned.itemType,
      isExported: true,
      docs: [docText(`One item of \`${planned.methodName}\`'s pages.`)],
      type: itemType(planned),
    });
  }
  statements.push(
    {
      kind: StructureKind.Interface,
      name: planned.requestType,
      isExported: true,
      docs: [docText(`What \`${planned.methodName}\` sends.`)],
      properties: requestProperties(planned),
    },
    {
      kind: StructureKind.TypeAlias,
      name: planned.responseType,
      isExported: true,
      docs: [docText(`What \`${planned.methodName}\` resolves to.`)],
      type: successUnion(planned),
    },
    {
      kind: StructureKind.Interface,
      name: planned.responseHeadersType,
      isExported: true,
      docs: [docText(`The documented headers of \`${planned.methodName}\`'s response, from \`.withResponse()\`.`)],
      properties: responseHeaderProperties(planned),
    },
    {
      kind: StructureKind.TypeAlias,
      name: planned.errorType,
      isExported: true,
      docs: [docText(`The documented errors of \`${planned.methodName}\` (${stringLiteral(name)}); \`status\` narrows \`body\`.`)],
      type: errorUnion(planned),
    },
  );
  return statements;
}

function errorsProperty(p: PlannedOperation): OptionalKind<PropertySignatureStructure> {
  return { name: propertyKey(p.model.operationId), type: p.errorType };
}

function clientMethod(p: PlannedOperation): OptionalKind<MethodSignatureStructure> {
  return {
    name: p.methodName,
    docs: [methodDocs(p)],
    parameters: [
      { name: 'request', type: p.requestType, hasQuestionToken: !hasRequiredInput(p) },
      { name: 'options', type: 'CallOptions', hasQuestionToken: true },
    ],
    returnType: p.model.pagination ? `PagedPromise<${p.responseType}, ${p.itemType}, ${p.responseHeadersType}>` : `ApiPromise<${p.responseType}, ${p.responseHeadersType}>`,
  };
}

/** The names and text the statements after the operations read. */
export interface ClientTailInput {
  model: Pick<ClientModel, 'title' | 'description'>;
  plan: Pick<ClientPlan, 'errorsType' | 'clientType' | 'factoryName' | 'optionsType'>;
}

/** `client.d.ts`'s statements after the operations: the errors by operation, the client interface and the factory. */
function declarationsTail({ model, plan }: ClientTailInput, errors: OptionalKind<PropertySignatureStructure>[], methods: OptionalKind<MethodSignatureStructure>[]): StatementStructures[] {
  return [
    {
      kind: StructureKind.Interface,
      name: plan.errorsType,
      isExported: true,
      docs: ['The documented errors of each operation, by operationId.'],
      properties: errors,
    },
    {
      kind: StructureKind.Interface,
      name: plan.clientType,
      isExported: true,
      docs: [docText(model.description ? `${model.title}\n\n${model.description}` : model.title)],
      properties: [{ name: 'baseUrl', isReadonly: true, type: 'string', docs: ['The server this client calls.'] }],
      methods: [
        ...methods,
        {
          name: 'isError',
          docs: ['Whether `error` is a documented error of `operation`; narrows `status` and `body`.'],
          typeParameters: [{ name: 'K', constraint: `keyof ${plan.errorsType}` }],
          parameters: [
            { name: 'error', type: 'unknown' },
            { name: 'operation', type: 'K' },
          ],
          returnType: `error is ${plan.errorsType}[K]`,
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: plan.factoryName,
      isExported: true,
      hasDeclareKeyword: true,
      docs: [docText(`Creates a client for ${model.title}.`)],
      parameters: [{ name: 'options', type: plan.optionsType, hasQuestionToken: true }],
      returnType: plan.clientType,
    },
  ];
}

function clientDeclarations(model: ClientModel, plan: ClientPlan): SourceFileStructure {
  const statements: StatementStructures[] = [...declarationsHead(model, plan)];
  for (const planned of plan.operations) statements.push(...operationDeclarations(planned));
  statements.push(...declarationsTail({ model, plan }, plan.operations.map(errorsProperty), plan.operations.map(clientMethod)));
  return { kind: StructureKind.SourceFile, statements };
}

/** The config's client defaults as an object literal, or undefined when it sets none. */
function defaultsLiteral(defaults: ClientDefaults): string | undefined {
  const entries = Object.entries(defaults).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? literalValue(Object.fromEntries(entries)) : undefined;
}

/** One operation's entry in `client.js`'s `specs`. */
function specEntry(p: PlannedOperation): string {
  return `${propertyKey(p.model.operationId)}: ${operationSpec(p)}`;
}

/** One operation's method in the object `client.js`'s factory returns. */
function methodEntry(p: PlannedOperation): string {
  return `${p.methodName}: (request${hasRequiredInput(p) ? '' : ' = {}'}, callOptions) => runtime.${p.model.pagination ? 'paginate' : 'call'}(specs[${stringLiteral(p.model.operationId)}], request, callOptions),`;
}

/** What `client.js` reads besides the operations. */
export interface ImplementationInput {
  model: Pick<ClientModel, 'title' | 'servers' | 'securitySchemes'>;
  plan: Pick<ClientPlan, 'factoryName'>;
  defaults: ClientDefaults;
}

function clientImplementation({ model, plan, defaults }: ImplementationInput, specs: string[], methods: string[]): SourceFileStructure {
  const configured = defaultsLiteral(defaults);
  const statements: (string | StatementStructures)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/index.js', namedImports: ['ApiError', 'createRuntime'] },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'servers', initializer: serversLiteral(model) }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'api', initializer: `{ title: ${stringLiteral(model.title)}, servers, securitySchemes: ${securitySchemesLiteral(model)} }` }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'specs', initializer: `{ ${specs.join(', ')} }` }],
    },
    {
      kind: StructureKind.Function,
      name: plan.factoryName,
      isExported: true,
      parameters: [{ name: 'options', initializer: '{}' }],
      statements: [
        // The config's defaults come first so that the caller's own options win.
        configured ? `const runtime = createRuntime({ ...${configured}, ...options }, api);` : 'const runtime = createRuntime(options, api);',
        `return {
          baseUrl: runtime.baseUrl,
          ${methods.join('\n')}
          isError: (error, operation) => error instanceof ApiError && error.operationId === operation && error.documented,
        };`,
      ],
    },
  ];
  return { kind: StructureKind.SourceFile, statements };
}

// ---- the same files in parts, each printed alone (see ./client-parts.ts) -----------------------

/** Printed parts of one operation: its statements, its `Errors` member and client method, its `specs` entry and factory method. */
export interface PrintedOperation {
  declarations: PrintedPiece;
  errorsMember: string;
  method: string;
  spec: string;
  call: string;
}

/** The parts of many operations, printed together (see ./print.ts). */
export function printOperations(operations: readonly PlannedOperation[]): PrintedOperation[] {
  const declarations = printStatementRuns(operations.map(operationDeclarations));
  const errors = printMemberRuns({ properties: operations.map(errorsProperty) });
  const methods = printMemberRuns({ methods: operations.map(clientMethod) });
  return operations.map((planned, i) => ({
    declarations: declarations[i]!,
    errorsMember: errors[i]!,
    method: methods[i]!,
    spec: specEntry(planned),
    call: methodEntry(planned),
  }));
}

export function printDeclarationsHead(model: Pick<ClientModel, 'securitySchemes'>, plan: Pick<ClientPlan, 'authType' | 'optionsType' | 'factoryName'>): PrintedPiece {
  return printStatements(declarationsHead(model, plan));
}

/** The statements after the operations, with one placeholder line for the operations' errors members and one for their methods. */
export function printDeclarationsTail(input: ClientTailInput, hasOperations: boolean): PrintedPiece {
  const errors = hasOperations ? [{ name: PLACEHOLDERS.errors, type: 'never' }] : [];
  const methods = hasOperations ? [{ name: PLACEHOLDERS.methods }] : [];
  return printStatements(declarationsTail(input, errors, methods));
}

/** `client.js` with one placeholder for the operations' `specs` entries and one line for their methods. */
export function printImplementation(input: ImplementationInput, hasOperations: boolean): string {
  // Two lines for the methods: the first sits after the template's own indentation, the others do not.
  const structure = clientImplementation(input, hasOperations ? [PLACEHOLDERS.specs] : [], hasOperations ? [PLACEHOLDERS.firstCall, PLACEHOLDERS.otherCalls] : []);
  return printStructure('client.js', structure);
}
