// The planner: every identifier and file of one API's output is decided here, once, before
// anything is printed, so that names are sanitized and collisions resolved the same way each run.
import type { ClientModel, OperationModel, SchemaModel } from '../model/client-model.js';
import { identifier, NameScope } from './naming.js';

export interface PlannedOperation {
  model: OperationModel;
  /** The client method. */
  methodName: string;
  requestType: string;
  responseType: string;
  /** The documented headers of its success responses. */
  responseHeadersType: string;
  /** One item of its pages (used when it pages). */
  itemType: string;
  errorType: string;
}

export interface PlannedSchema {
  model: SchemaModel;
  typeName: string;
}

export interface ClientPlan {
  /** The API's folder under `generated/` (already a safe file name). */
  folder: string;
  factoryName: string;
  clientType: string;
  errorsType: string;
  authType: string;
  optionsType: string;
  operations: PlannedOperation[];
  schemas: PlannedSchema[];
}

/** Names the output itself declares or imports into the client and index modules. */
export const OUTPUT_NAMES = [
  'ApiDescription',
  'ApiError',
  'BasicCredentials',
  'Credential',
  'PagedPromise',
  'TimeoutError',
  'api',
  'ApiPromise',
  'ApiResponse',
  'CallOptions',
  'ClientOptions',
  'ConnectionError',
  'DocumentedHeaders',
  'OperationSpec',
  'PaginationError',
  'RedirectError',
  'RedirectOptions',
  'RequestError',
  'ResponseParseError',
  'ResponseTooLargeError',
  'RetryOptions',
  'ServerSpec',
  'createRuntime',
  'components',
  'operations',
  'paths',
  'webhooks',
  '$defs',
  'servers',
  'specs',
  'runtime',
  'NonNullable',
  'Record',
  'Promise',
  'Error',
];

export function planClient(model: ClientModel, folder: string): ClientPlan {
  // Every exported type shares one scope: index.ts re-exports the client and model modules together.
  const types = new NameScope(OUTPUT_NAMES);
  const base = identifier(folder, 'pascal', 'Api');
  const factoryName = types.claim(`create${base}Client`);
  const clientType = types.claim(`${base}Client`);
  const errorsType = types.claim(`${base}Errors`);
  const authType = types.claim(`${base}Auth`);
  const optionsType = types.claim(`${base}ClientOptions`);
  // Model types get their names before the per-operation helper types: they are what users read.
  const schemas = model.schemas.map((schema) => ({ model: schema, typeName: types.claim(identifier(schema.name, 'pascal', 'Schema')) }));
  const methods = new NameScope(['isError', 'baseUrl']);
  const operations = model.operations.map((operation) => {
    const methodName = methods.claim(identifier(operation.operationId, 'camel', 'operation'));
    const stem = identifier(operation.operationId, 'pascal', 'Operation');
    return {
      model: operation,
      methodName,
      requestType: types.claim(`${stem}Request`),
      responseType: types.claim(`${stem}Response`),
      responseHeadersType: types.claim(`${stem}ResponseHeaders`),
      itemType: operation.pagination ? types.claim(`${stem}Item`) : '',
      errorType: types.claim(`${stem}Error`),
    };
  });
  return { folder, factoryName, clientType, errorsType, authType, optionsType, operations, schemas };
}
