// `client.d.ts`, `client.js` and `models.d.ts` in parts: a head, one part per operation (or per
// model) and a tail, each printed alone by ./emit-client.ts, ./emit-operation.ts or ./emit-models.ts
// and cached by the exact input its printer is given (../cache/unit-cache.ts), then joined here the
// way ts-morph joins statements when it prints a whole file. This module loads neither ts-morph nor
// TypeScript: a run whose parts are all cached never loads them.
import type { ClientDefaults } from '../config/config.js';
import type { ClientModel } from '../model/client-model.js';
import type { ClientPlan, PlannedOperation, PlannedSchema } from '../plan/plan-client.js';
import type { UnitCache } from '../cache/unit-cache.js';
import { hashText } from '../cache/unit-cache.js';
import { PLACEHOLDERS, type PrintedPiece } from './printed-piece.js';

function lastNonWhitespace(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

/**
 * Joins statements printed alone as ts-morph's printer joins them in one file: a blank line after
 * a `}` and before an interface, class, enum, namespace or function; a line break otherwise.
 */
export function joinPieces(pieces: readonly PrintedPiece[]): string {
  const out: string[] = [];
  let last = '';
  for (const piece of pieces) {
    if (last !== '') {
      if (lastNonWhitespace(last) === '}' || piece.block) out.push(last.endsWith('\n\n') ? '' : last.endsWith('\n') ? '\n' : '\n\n');
      else if (!last.endsWith('\n')) out.push('\n');
    }
    out.push(piece.text);
    if (piece.text !== '') last = piece.text;
  }
  return out.join('');
}

/** Replaces the line that holds `placeholder` with `lines`, each after that line's indentation. */
function fillLine(text: string, placeholder: string, lines: readonly string[]): string {
  const at = text.indexOf(placeholder);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  const indent = text.slice(start, at);
  const filled = lines.map((line) => line.replace(/^(?=.)/gm, indent)).join('\n');
  return text.slice(0, start) + filled + text.slice(end);
}

/** Lines printed one level in (interface members) already carry their indentation. */
function fillMembers(text: string, placeholder: string, members: readonly string[]): string {
  const at = text.indexOf(placeholder);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return text.slice(0, start) + members.join('\n') + text.slice(end);
}

type Printer = typeof import('./emit-client.js');
type OperationPrinter = typeof import('./emit-operation.js');
type ModelsPrinter = typeof import('./emit-models.js');

const BATCH = 1000;

/** Like part(), for many inputs of one kind: the missing ones are made a batch at a time. */
async function parts<I, T>(cache: UnitCache, recipe: string, kind: string, inputs: readonly I[], make: (missing: I[]) => Promise<T[]>): Promise<T[]> {
  const keys = inputs.map((input) => hashText(recipe, kind, JSON.stringify(input)));
  const out: (T | undefined)[] = keys.map((key) => {
    const cached = cache.get(key);
    return cached === undefined ? undefined : (JSON.parse(cached) as T);
  });
  const missing = out.flatMap((value, i) => (value === undefined ? [i] : []));
  // In batches: one printer call per batch, and the structures of one batch at a time in memory.
  for (let from = 0; from < missing.length; from += BATCH) {
    const batch = missing.slice(from, from + BATCH);
    const made = await make(batch.map((i) => inputs[i]!));
    batch.forEach((i, j) => {
      out[i] = made[j]!;
      cache.set(keys[i]!, JSON.stringify(made[j]));
    });
  }
  return out as T[];
}

/** Cached by `hash(recipe, kind, input)`: made at most once per distinct input. */
async function part<T>(cache: UnitCache, recipe: string, kind: string, input: unknown, make: () => Promise<T>): Promise<T> {
  const key = hashText(recipe, kind, JSON.stringify(input));
  const cached = cache.get(key);
  if (cached !== undefined) return JSON.parse(cached) as T;
  const made = await make();
  cache.set(key, JSON.stringify(made));
  return made;
}

export interface PartsContext {
  cache: UnitCache;
  recipe: string;
}

// Loaded on the first part that is not cached, once per process.
let printer: Promise<Printer> | undefined;
let operationPrinter: Promise<OperationPrinter> | undefined;
let modelsPrinter: Promise<ModelsPrinter> | undefined;
const loadPrinter = () => (printer ??= import('./emit-client.js'));
const loadOperationPrinter = () => (operationPrinter ??= import('./emit-operation.js'));
const loadModelsPrinter = () => (modelsPrinter ??= import('./emit-models.js'));

/** `client.d.ts` and `client.js` (unformatted), from their parts. */
export async function emitClientParts(model: ClientModel, plan: ClientPlan, defaults: ClientDefaults, { cache, recipe }: PartsContext): Promise<{ declarations: string; implementation: string }> {
  const hasOperations = plan.operations.length > 0;
  const headInput = { model: { securitySchemes: model.securitySchemes }, plan: { authType: plan.authType, optionsType: plan.optionsType, factoryName: plan.factoryName } };
  const head = await part(cache, recipe, 'client.d.ts head', headInput, async () => (await loadPrinter()).printDeclarationsHead(headInput.model, headInput.plan));
  const operations = await parts(cache, recipe, 'client operation', plan.operations, async (missing) => (await loadOperationPrinter()).printOperations(missing as PlannedOperation[]));
  const tailInput = {
    model: { title: model.title, ...(model.description !== undefined ? { description: model.description } : {}) },
    plan: { errorsType: plan.errorsType, clientType: plan.clientType, factoryName: plan.factoryName, optionsType: plan.optionsType },
  };
  const tail = await part(cache, recipe, 'client.d.ts tail', { tailInput, hasOperations }, async () => (await loadPrinter()).printDeclarationsTail(tailInput, hasOperations));
  const implementationInput = { model: { title: model.title, servers: model.servers, securitySchemes: model.securitySchemes }, plan: { factoryName: plan.factoryName }, defaults };
  const skeleton = await part(cache, recipe, 'client.js', { implementationInput, hasOperations }, async () => (await loadPrinter()).printImplementation(implementationInput, hasOperations));

  let tailText = tail.text;
  let implementation = skeleton;
  if (hasOperations) {
    tailText = fillMembers(tailText, PLACEHOLDERS.errors, operations.map((o) => o.errorsMember));
    tailText = fillMembers(tailText, PLACEHOLDERS.methods, operations.map((o) => o.method));
    implementation = implementation.replace(PLACEHOLDERS.specs, () => operations.map((o) => o.spec).join(', '));
    implementation = implementation.replace(PLACEHOLDERS.firstCall, () => operations[0]!.call);
    const others = operations.slice(1).map((o) => o.call);
    implementation = others.length > 0 ? fillLine(implementation, PLACEHOLDERS.otherCalls, others) : removeLine(implementation, PLACEHOLDERS.otherCalls);
  }
  const declarations = joinPieces([head, ...operations.map((o) => o.declarations), { text: tailText, block: tail.block }]);
  return { declarations, implementation };
}

function removeLine(text: string, placeholder: string): string {
  const at = text.indexOf(placeholder);
  const start = text.lastIndexOf('\n', at);
  return text.slice(0, start) + text.slice(text.indexOf('\n', at));
}

/** `models.d.ts` (unformatted), one part per model. */
export async function emitModelsParts(plan: ClientPlan, { cache, recipe }: PartsContext): Promise<string> {
  const hasModels = plan.schemas.length > 0;
  const skeleton = await part(cache, recipe, 'models.d.ts', { hasModels }, async () => (await loadModelsPrinter()).printModelsSkeleton(hasModels));
  if (!hasModels) return skeleton.text;
  const models = await parts(cache, recipe, 'model', plan.schemas, async (missing) => (await loadModelsPrinter()).printModels(missing as PlannedSchema[]));
  // The placeholder is the file's last statement: the models take its line.
  const text = skeleton.text;
  const at = text.indexOf(PLACEHOLDERS.models);
  return joinPieces([{ text: text.slice(0, text.lastIndexOf('\n', at) + 1), block: false }, ...models]);
}

/** `index.d.ts` and `index.js` (unformatted): the same for every API. */
export async function emitIndexParts({ cache, recipe }: PartsContext): Promise<{ declarations: string; implementation: string }> {
  return part(cache, recipe, 'index', {}, async () => {
    const [{ emitIndex }, { printStructure }] = await Promise.all([loadModelsPrinter(), import('./print.js')]);
    const index = emitIndex();
    return { declarations: printStructure('index.d.ts', index.declarations), implementation: printStructure('index.js', index.implementation) };
  });
}
