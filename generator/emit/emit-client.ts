// Emits `client.ts` for one API: the file around the operations (imports, servers, auth and
// options; the errors by operation, the client interface and the factory; `client.js`'s runtime
// setup), each operation's own parts coming from ./emit-operation.ts. Pure: plan in, ts-morph
// structure out. Every spec string goes through ../plan/naming.ts.
import type { MethodSignatureStructure, OptionalKind, PropertySignatureStructure, SourceFileStructure, StatementStructures } from 'ts-morph';
import type { ClientModel, SecuritySchemeModel } from '../model/client-model.js';
import type { ClientPlan } from '../plan/plan-client.js';
import type { ClientDefaults } from '../config/config.js';
import { docText, lineComment, literalValue, propertyKey, stringLiteral } from '../plan/naming.js';
import { PLACEHOLDERS, type PrintedPiece } from './printed-piece.js';
import { printStatements, printStructure } from './print.js';
import { clientMethod, errorsProperty, methodEntry, objectLiteral, operationDeclarations, specEntry } from './emit-operation.js';
import { tsMorph } from './ts-morph-library.js';

const { StructureKind, VariableDeclarationKind } = tsMorph;

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
