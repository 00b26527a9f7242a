// `schema.d.ts`: openapi-typescript's types for the whole spec (paths, components, operations), made
// unit by unit (./types-units.ts): a unit whose inputs are unchanged since a run that cached it is
// taken from the cache; the others go to the worker (./types-engine.ts).
import type { OpenApiDocument } from '../openapi-types.js';
import type { SpecHashes } from '../spec-hashes.js';
import { hashText, type UnitCache } from '../unit-cache.js';
import type { TypesEngine } from './types-engine.js';
import { assembleTypes, listTypesUnits, prepareTypesInput, readDiscriminators, unitDependencyInput, unitOwnInput, type TypesUnitResult } from './types-units.js';

export { ThirdPartyError } from './types-engine.js';

interface CachedUnit {
  result: TypesUnitResult;
  /** Hash of what the unit's resolved refs pointed at when it was made. */
  depHash: string;
}

export async function emitSchemaTypes(spec: OpenApiDocument, options: { cache: UnitCache; engine: TypesEngine; recipe: string; hashes: SpecHashes }): Promise<string> {
  const { cache, engine, recipe, hashes } = options;
  const input = prepareTypesInput(spec);
  const facts = readDiscriminators(input);
  const units = listTypesUnits(input.document);
  const keys = units.map((unit) => hashText(recipe, 'types', unitOwnInput(input, facts, hashes, unit)));
  const results: (TypesUnitResult | undefined)[] = keys.map((key) => {
    const text = cache.get(key);
    if (text === undefined) return undefined;
    const cached = JSON.parse(text) as CachedUnit;
    // Same unit, but what it resolved may have changed since.
    return cached.depHash === hashText(unitDependencyInput(input, facts, hashes, cached.result.deps)) ? cached.result : undefined;
  });
  const missing = units.flatMap((unit, i) => (results[i] ? [] : [i]));
  if (missing.length > 0) {
    await engine.transform(
      JSON.stringify(input.document),
      missing.map((i) => units[i]!),
      (from, batch) => {
        batch.forEach((result, j) => {
          const i = missing[from + j]!;
          results[i] = result;
          const entry: CachedUnit = { result, depHash: hashText(unitDependencyInput(input, facts, hashes, result.deps)) };
          cache.set(keys[i]!, JSON.stringify(entry));
        });
      },
    );
  }
  return assembleTypes(input, units, results as TypesUnitResult[]);
}
