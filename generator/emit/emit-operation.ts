// Emits one operation of a client: its request, response, headers and error types by indexed
// access into openapi-typescript's `operations`, its method with TSDoc, and its `specs` entry and
// factory method in `client.js`. Pure: planned operation in, ts-morph structures and text out.
import type { MethodSignatureStructure, OptionalKind, PropertySignatureStructure, StatementStructures } from 'ts-morph';
import type { ResponseModel } from '../model/client-model.js';
import type { ParameterLocation } from '../core/openapi-types.js';
import type { PlannedOperation } from '../plan/plan-client.js';
import { docText, lineComment, propertyKey, stringLiteral } from '../plan/naming.js';
import { splitPointer } from '../spec/references.js';
import type { PrintedPiece } from './printed-piece.js';
import { printMemberRuns, printStatementRuns } from './print.js';
import { tsMorph } from './ts-morph-library.js';

const { StructureKind } = tsMorph;

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
export function objectLiteral(value: object): string {
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
/** One operation's types in `client.d.ts`: its item (when it pages), request, response, headers and errors. */
export function operationDeclarations(planned: PlannedOperation): StatementStructures[] {
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

export function errorsProperty(p: PlannedOperation): OptionalKind<PropertySignatureStructure> {
  return { name: propertyKey(p.model.operationId), type: p.errorType };
}

export function clientMethod(p: PlannedOperation): OptionalKind<MethodSignatureStructure> {
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
/** One operation's entry in `client.js`'s `specs`. */
export function specEntry(p: PlannedOperation): string {
  return `${propertyKey(p.model.operationId)}: ${operationSpec(p)}`;
}

/** One operation's method in the object `client.js`'s factory returns. */
export function methodEntry(p: PlannedOperation): string {
  return `${p.methodName}: (request${hasRequiredInput(p) ? '' : ' = {}'}, callOptions) => runtime.${p.model.pagination ? 'paginate' : 'call'}(specs[${stringLiteral(p.model.operationId)}], request, callOptions),`;
}

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
