// Runs openapi-typescript's transform on one document in a worker thread, so that its crashes,
// hangs and memory use stay out of the main process (see ../emit/emit-types.ts). The document
// arrives parsed, normalized and checked (local refs only, lint-clean), so the transform is
// called directly: openapi-typescript's own entry point would re-validate and re-bundle it with
// redocly, which costs more than the transform itself on large specs.
// Plain JavaScript: workers do not inherit the main thread's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { astToString, resolveRef, scanDiscriminators, transformSchema } from 'openapi-typescript';

const DEFAULTS = {
  additionalProperties: false,
  alphabetize: false,
  arrayLength: false,
  defaultNonNullable: true,
  emptyObjectsUnknown: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  exportType: false,
  immutable: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  pathParamsAsTypes: false,
  propertiesRequiredByDefault: false,
  makePathsEnum: false,
  generatePathParams: false,
  readWriteMarkers: false,
  silent: true,
};

try {
  const { options } = workerData;
  const document = JSON.parse(workerData.json);
  const ctx = {
    ...DEFAULTS,
    ...options,
    discriminators: scanDiscriminators(document, options),
    injectFooter: [],
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
  parentPort.postMessage({ ok: true, text: astToString(transformSchema(document, ctx)) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
