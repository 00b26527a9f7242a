// The error codes a response's description names, as Bump.sh prints them (`Not found.
// (code: `extensions.not_found`)`): listed on the response in `x-error-codes`, which the client's
// docs show beside the status that can raise them.
import { ERROR_CODES_EXTENSION, isObject, type JsonObject } from '../../core/openapi-types.js';

const ERROR_CODE = /\(code:\s*`?([^`()\s]{1,200})`?\s*\)/g;

/** Adds `x-error-codes` to every response of the operation whose description names codes. */
export function addErrorCodes(operation: JsonObject): void {
  if (!isObject(operation.responses)) return;
  for (const response of Object.values(operation.responses)) {
    if (!isObject(response) || typeof response.description !== 'string') continue;
    const codes = [...new Set([...response.description.matchAll(ERROR_CODE)].map((m) => m[1]!))];
    if (codes.length > 0) response[ERROR_CODES_EXTENSION] = codes;
  }
}
