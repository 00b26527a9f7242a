// `schema.d.ts`: openapi-typescript's types for the whole spec (paths, components, operations).
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../openapi-types.js';

export async function emitSchemaTypes(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    exportType: false,
    silent: true,
    // `type: object` with no properties is free-form in JSON Schema, not `Record<string, never>`.
    emptyObjectsUnknown: true,
  });
  return astToString(ast);
}
