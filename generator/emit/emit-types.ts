// `schema.d.ts`: openapi-typescript's types for the whole spec (paths, components, operations), made
// unit by unit (./types-units.ts): a unit whose inputs are unchanged since a run that cached it is
// taken from the cache; the others go to the worker (./types-engine.ts).
import type { JsonObject, OpenApiDocument } from '../core/openapi-types.js';
import type { SpecHashes } from '../cache/spec-hashes.js';
import { hashText, type UnitCache } from '../cache/unit-cache.js';
import type { TypesEngine } from './types-engine.js';
import { assembleTypes, listTypesUnits, prepareTypesInput, readDiscriminators, reducedDocument, unitDependencyInput, unitOwnInput, type TypesUnitResult } from './types-units.js';

export { ThirdPartyError } from './types-engine.js';

/** Up to this share of units missing, the worker gets a document cut down to them. */
const REDUCED_SHARE = 0.25;
/** Past this many units (Microsoft Graph's spec has 30,000), the worker gets slices of this many. */
const LARGE_UNITS = 5000;
const SLICE_UNITS = 2000;

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface CachedUnit {
  result: TypesUnitResult;
  /** Hash of what the unit's resolved refs pointed at when it was made. */
  depHash: string;
}

export interface SchemaTypesOptions {
  cache: UnitCache;
  engine: TypesEngine;
  recipe: string;
  hashes: SpecHashes;
  /** When the worker gets slices of the spec, and how many units each: LARGE_UNITS and SLICE_UNITS (tests set smaller ones). */
  slicing?: { large: number; size: number };
}

export async function emitSchemaTypes(spec: OpenApiDocument, options: SchemaTypesOptions): Promise<string> {
  const { cache, engine, recipe, hashes, slicing = { large: LARGE_UNITS, size: SLICE_UNITS } } = options;
  const input = prepareTypesInput(spec);
  const facts = readDiscriminators(input, hashes);
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
  if (missing.length === 0) return assembleTypes(input, units, results as TypesUnitResult[]);
  // A few units: the worker gets them and what they can read, not the whole spec. A great many
  // of a large spec: the same, a slice at a time, so that the worker never holds the whole spec.
  const few = missing.length <= units.length * REDUCED_SHARE;
  const groups = few ? [missing] : units.length > slicing.large ? slices(missing, slicing.size) : undefined;
  if (!groups) {
    await transform(input.document, missing);
  } else {
    for (const group of groups) {
      const reduced = reducedDocument(input, group.map((i) => units[i]!));
      const redo = await transform(reduced.document, group, (result) => result.deps.every((ref) => reduced.covers(ref)));
      if (redo.length > 0) await transform(input.document, redo);
    }
  }
  return assembleTypes(input, units, results as TypesUnitResult[]);
}
