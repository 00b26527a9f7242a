// Emits `models.ts`: one named type per component schema (`Instance`, `ProblemDetails`, ...),
// each an alias into openapi-typescript's `components`, with the schema's description as TSDoc.
import { StructureKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import type { ClientPlan } from '../plan/plan-client.js';
import { docText, stringLiteral } from '../plan/naming.js';

export function emitModels(plan: ClientPlan): SourceFileStructure {
  const statements: (string | StatementStructures)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: ['components'] },
  ];
  for (const schema of plan.schemas) {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: schema.typeName,
      isExported: true,
      ...(schema.model.description ? { docs: [docText(schema.model.description)] } : {}),
      type: `components["schemas"][${stringLiteral(schema.model.name)}]`,
    });
  }
  if (plan.schemas.length === 0) statements.push('export {};');
  return { kind: StructureKind.SourceFile, statements };
}

const RUNTIME_VALUES =
  "export { ApiError, ApiPromise, ConnectionError, PagedPromise, PaginationError, RedirectError, RequestError, ResponseParseError, ResponseTooLargeError, TimeoutError } from '../runtime/index.js';";

/** `index.d.ts` and `index.js`: the API's entry point, re-exporting the client, models and runtime. */
export function emitIndex(): { declarations: SourceFileStructure; implementation: SourceFileStructure } {
  return {
    declarations: {
      kind: StructureKind.SourceFile,
      statements: [
        "export * from './client.js';",
        "export type * from './models.js';",
        "export type { components, operations, paths } from './schema.js';",
        RUNTIME_VALUES,
        "export type { ApiResponse, BasicCredentials, CallOptions, ClientOptions, Credential, RedirectOptions, RetryOptions } from '../runtime/index.js';",
      ],
    },
    implementation: { kind: StructureKind.SourceFile, statements: ["export * from './client.js';", RUNTIME_VALUES] },
  };
}
