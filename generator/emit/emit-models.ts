// Emits `models.ts`: one named type per component schema (`Instance`, `ProblemDetails`, ...),
// each an alias into openapi-typescript's `components`, with the schema's description as TSDoc.
import type { SourceFileStructure, StatementStructures } from 'ts-morph';
import type { ClientPlan, PlannedSchema } from '../plan/plan-client.js';
import { docText, stringLiteral } from '../plan/naming.js';
import { PLACEHOLDERS, type PrintedPiece } from './printed-piece.js';
import { printStatementRuns, printStructure } from './print.js';
import { tsMorph } from './ts-morph-library.js';

const { StructureKind } = tsMorph;

function modelAlias(schema: PlannedSchema): StatementStructures {
  return {
    kind: StructureKind.TypeAlias,
    name: schema.typeName,
    isExported: true,
    ...(schema.model.description ? { docs: [docText(schema.model.description)] } : {}),
    type: `components["schemas"][${stringLiteral(schema.model.name)}]`,
  };
}

function modelsFile(models: (string | StatementStructures)[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: ['components'] }, ...(models.length > 0 ? models : ['export {};'])],
  };
}

export function emitModels(plan: ClientPlan): SourceFileStructure {
  return modelsFile(plan.schemas.map(modelAlias));
}

/** `models.d.ts` with a placeholder line where the models go (./client-parts.ts). */
export function printModelsSkeleton(hasModels: boolean): PrintedPiece {
  return { text: printStructure('models.d.ts', modelsFile(hasModels ? [PLACEHOLDERS.models] : [])), block: false };
}

export function printModels(schemas: readonly PlannedSchema[]): PrintedPiece[] {
  return printStatementRuns(schemas.map((schema) => [modelAlias(schema)]));
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
