// Floors for `npm run fidelity`: the least share of right operations and of recovered facts, the
// most invented facts and crashes, each for the total or one kind. A missed floor fails CI.
import { operationShare, recall, TOTAL, type Summary } from './summarize.js';

export type FloorName = 'min-operation' | 'min-recall' | 'max-invented' | 'max-crashes';
export const FLOOR_NAMES: readonly FloorName[] = ['min-operation', 'min-recall', 'max-invented', 'max-crashes'];

/** Per floor, the limit for each kind (`total` for the whole corpus). */
export type Floors = Map<FloorName, Map<string, number>>;

function parseLimit(name: FloorName, text: string): number {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  const isShare = name.startsWith('min-');
  if (Number.isNaN(value) || (isShare && value > 1) || (!isShare && !Number.isInteger(value))) {
    throw new Error(`--${name} ${text}: expected ${isShare ? 'a share such as 0.9 or 90%' : 'a whole number'}, optionally after KIND=`);
  }
  return value;
}

/** Reads one `--min-recall md-openapi=0.9` (or `0.9` for the total) into the floors. */
export function addFloor(floors: Floors, name: FloorName, spec: string): Floors {
  const at = spec.lastIndexOf('=');
  const kind = at === -1 ? TOTAL : spec.slice(0, at);
  if (!kind) throw new Error(`--${name} ${spec}: expected KIND=LIMIT or LIMIT`);
  if (!floors.has(name)) floors.set(name, new Map());
  floors.get(name)!.set(kind, parseLimit(name, spec.slice(at + 1)));
  return floors;
}

/**
 * A floors file: `{ "min-recall": 0.9, "max-invented": { "total": 0, "md-openapi": 0 } }`; a bare
 * number is the total's floor.
 */
export function readFloorsFile(text: string, file: string, floors: Floors = new Map()): Floors {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: expected JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: expected an object of floors (${FLOOR_NAMES.join(', ')})`);
  for (const [key, limits] of Object.entries(value)) {
    if (!(FLOOR_NAMES as readonly string[]).includes(key)) throw new Error(`${file}: ${key}: expected one of ${FLOOR_NAMES.join(', ')}`);
    const name = key as FloorName;
    const entries = typeof limits === 'object' && limits !== null && !Array.isArray(limits) ? Object.entries(limits) : [[TOTAL, limits]];
    for (const [kind, limit] of entries) {
      if (typeof limit !== 'number' && typeof limit !== 'string') throw new Error(`${file}: ${key}.${String(kind)}: expected a number`);
      try {
        addFloor(floors, name, `${String(kind)}=${String(limit)}`);
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message}`);
      }
    }
  }
  return floors;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Every floor missed, as a sentence; empty when all hold. A floor for a kind not scored is missed. */
export function checkFloors(summaries: readonly Summary[], floors: Floors): string[] {
  const failures: string[] = [];
  for (const [name, limits] of floors) {
    for (const [kind, limit] of limits) {
      const summary = summaries.find((s) => s.kind === kind);
      if (!summary) {
        failures.push(`${kind}: no pages of this kind were scored, so --${name} ${kind}=${limit} cannot hold`);
        continue;
      }
      if (name === 'min-operation' && operationShare(summary) < limit) {
        failures.push(`${kind}: ${percent(operationShare(summary))} of pages give the right operation, under the floor ${percent(limit)}`);
      } else if (name === 'min-recall' && recall(summary) < limit) {
        failures.push(`${kind}: fact recall ${percent(recall(summary))} is under the floor ${percent(limit)}`);
      } else if (name === 'max-invented' && summary.invented > limit) {
        failures.push(`${kind}: ${summary.invented} invented facts, over the ceiling ${limit}`);
      } else if (name === 'max-crashes' && summary.crashes > limit) {
        failures.push(`${kind}: ${summary.crashes} crashes, over the ceiling ${limit}`);
      }
    }
  }
  return failures;
}
