// openapi-typescript's options as specmill runs it: its CLI's defaults, quiet, and `type: object`
// with no properties read as free-form (JSON Schema), not `Record<string, never>`.
// Plain JavaScript: the worker reads it too.
export const OPENAPI_TS_OPTIONS = Object.freeze({
  additionalProperties: false,
  alphabetize: false,
  arrayLength: false,
  defaultNonNullable: true,
  emptyObjectsUnknown: true,
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
});
