// `schema.d.ts`: openapi-typescript's types for the whole spec (paths, components, operations), made
// unit by unit (./types-units.ts): a unit whose inputs are unchanged since a run that cached it is
// taken from the cache; the others go to the worker (./types-engine.ts).
import type { JsonObject, OpenApiDocument } from '../openapi-types.js';
import type { SpecHashes } from '../spec-hashes.js';
import { hashText, type UnitCache } from '../unit-cache.js';
import type { TypesEngine } from './types-engine.js';
import { assembleTypes, listTypesUnits, prepareTypesInput, readDiscriminators, reducedDocument, unitDependencyInput, unitOwnInput, type TypesUnitResult } from './types-units.js';

export { ThirdPartyError } from './types-engine.js';

/** Up to this share of units missing, the worker gets a document cut down to them. */
const REDUCED_SHARE = 0.25;

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
  const transform = async (document: JsonObject, indexes: number[], accept: (result: TypesUnitResult) => boolean = () => true) => {
    const redo: number[] = [];
    await engine.transform(
      JSON.stringify(document),
      indexes.map((i) => units[i]!),
      (from, batch) => {
        batch.forEach((result, j) => {
          const i = indexes[from + j]!;
          if (!accept(result)) return void redo.push(i);
          results[i] = result;
          const entry: CachedUnit = { result, depHash: hashText(unitDependencyInput(input, facts, hashes, result.deps)) };
          cache.set(keys[i]!, JSON.stringify(entry));
        });
      },
    );
    return redo;
  };
  if (missing.length > 0 && missing.length <= units.length * REDUCED_SHARE) {
    // A few units: the worker gets them and what they can read, not the whole spec.
    const reduced = reducedDocument(input, facts, missing.map((i) => units[i]!));
    const redo = await transform(reduced.document, missing, (result) => result.deps.every((ref) => reduced.covers(ref)));
    if (redo.length > 0) await transform(input.document, redo);
  } else if (missing.length > 0) {
    await transform(input.document, missing);
  }
  return assembleTypes(input, units, results as TypesUnitResult[]);
}
