// Reads an API's overlays (`specs/<api>/overlays/*.yaml`, or the folder the config names) and
// checks each against the Overlay 1.0 schema, so that every problem names its file, line and column.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic, type SourceLocation } from '../core/diagnostics.js';
import { compareNatural } from '../core/natural-order.js';
import { isObject, type JsonValue } from '../core/openapi-types.js';
import { checkReferences } from '../guard/check-references.js';
import { joinPointer } from '../spec/references.js';
import { parseStructured } from '../parse/structured-text.js';

export interface OverlayAction {
  target: string;
  description?: string;
  /** Boxed because `update: null` is a valid update, unlike no `update` at all. */
  update?: { value: JsonValue };
  remove: boolean;
  /** Where the action's `target` is written. */
  at: SourceLocation;
  /** Where a key under the action's `update` is written (pointer relative to `update`). */
  locateUpdate(pointer: string): SourceLocation;
}

export interface Overlay {
  file: string;
  title: string;
  actions: OverlayAction[];
}

const OVERLAY_FILE = /\.(ya?ml|json)$/;
/** Overlay 1.0 (schema 2024-10-22): any 1.0.x, which differ only in wording. */
const OVERLAY_VERSION = /^1\.0\.\d+$/;
const ROOT_KEYS = ['overlay', 'info', 'extends', 'actions'];
const INFO_KEYS = ['title', 'version'];
const ACTION_KEYS = ['target', 'description', 'update', 'remove'];

/** Overlay files of a folder in natural file-name order, which is the order they are applied in. */
export function listOverlayFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.') && OVERLAY_FILE.test(name) && statSync(path.join(dir, name)).isFile())
    .sort(compareNatural)
    .map((name) => path.join(dir, name));
}

export function loadOverlays(dir: string, root: string): { overlays: Overlay[]; diagnostics: Diagnostic[] } {
  const overlays: Overlay[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listOverlayFiles(dir)) {
    const result = readOverlay(readFileSync(file, 'utf8'), path.relative(root, file).split(path.sep).join('/'));
    diagnostics.push(...result.diagnostics);
    if (result.overlay) overlays.push(result.overlay);
  }
  return { overlays, diagnostics };
}

/** Parses one overlay file and checks it; any error leaves `overlay` undefined. */
export function readOverlay(text: string, file: string): { overlay?: Overlay; diagnostics: Diagnostic[] } {
  const parsed = parseStructured(text, { file });
  if (!parsed.result) return { diagnostics: parsed.diagnostics };
  const { value, locate } = parsed.result;
  // redocly lints overlay files too, following any `$ref` in them: refuse those before it runs.
  // Local ones are checked where they land, in the spec.
  const references = checkReferences(value, file, { locate, dangling: false, as: 'data' });
  if (references.length > 0) return { diagnostics: references };
  const diagnostics: Diagnostic[] = [];
  const fail = (pointer: string, message: string) => diagnostics.push(error(`not a valid Overlay 1.0 document: ${message}`, locate(pointer)));

  if (!isObject(value)) {
    fail('', 'expected an object with overlay, info and actions');
    return { diagnostics };
  }
  checkKeys(value, ROOT_KEYS, '', fail);
  if (value.overlay === undefined) fail('', 'overlay is missing (expected `overlay: 1.0.0`)');
  else if (typeof value.overlay !== 'string') fail('/overlay', `overlay: expected a version string such as "1.0.0", got ${describe(value.overlay)}`);
  else if (!OVERLAY_VERSION.test(value.overlay)) fail('/overlay', `overlay: expected 1.0.x (specmill applies Overlay 1.0), got "${value.overlay}"`);

  let title = '';
  if (!isObject(value.info)) fail(value.info === undefined ? '' : '/info', 'info: expected an object with title and version');
  else {
    checkKeys(value.info, INFO_KEYS, '/info', fail);
    for (const key of INFO_KEYS) {
      const field = value.info[key];
      if (field === undefined) fail('/info', `info.${key} is missing`);
      else if (typeof field !== 'string') fail(`/info/${key}`, `info.${key}: expected a string, got ${describe(field)}`);
    }
    if (typeof value.info.title === 'string') title = value.info.title;
  }
  if (value.extends !== undefined && typeof value.extends !== 'string') fail('/extends', `extends: expected a URI reference, got ${describe(value.extends)}`);

  const actions: OverlayAction[] = [];
  if (!Array.isArray(value.actions)) fail(value.actions === undefined ? '' : '/actions', 'actions: expected a list of at least one action');
  else if (value.actions.length === 0) fail('/actions', 'actions: expected at least one action');
  else {
    const seen = new Map<string, number>();
    value.actions.forEach((raw, index) => {
      const pointer = `/actions/${index}`;
      const action = readAction(raw, pointer, fail, locate);
      if (!action) return;
      // The schema's uniqueItems: an action listed twice is almost always a copy-paste slip.
      const key = stableJson(raw as JsonValue);
      const first = seen.get(key);
      if (first !== undefined) fail(pointer, `actions: action ${index} repeats action ${first}`);
      else seen.set(key, index);
      actions.push(action);
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  for (const action of actions) {
    if (!action.remove && !action.update) diagnostics.push(warning(`this action has neither update nor remove: true, so it changes nothing`, action.at));
  }
  return { overlay: { file, title, actions }, diagnostics };
}

function readAction(
  raw: unknown,
  pointer: string,
  fail: (pointer: string, message: string) => void,
  locate: (pointer: string) => SourceLocation,
): OverlayAction | undefined {
  if (!isObject(raw)) {
    fail(pointer, `actions[${pointer.slice(9)}]: expected an object with target and update or remove`);
    return undefined;
  }
  let ok = checkKeys(raw, ACTION_KEYS, pointer, fail);
  if (raw.target === undefined) {
    fail(pointer, 'target is missing (a JSONPath query such as `$.paths`)');
    ok = false;
  } else if (typeof raw.target !== 'string' || !raw.target.startsWith('$')) {
    fail(`${pointer}/target`, `target: expected a JSONPath query starting with "$", got ${describe(raw.target)}`);
    ok = false;
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') {
    fail(`${pointer}/description`, `description: expected a string, got ${describe(raw.description)}`);
    ok = false;
  }
  if (raw.remove !== undefined && typeof raw.remove !== 'boolean') {
    fail(`${pointer}/remove`, `remove: expected true or false, got ${describe(raw.remove)}`);
    ok = false;
  }
  if (!ok || typeof raw.target !== 'string') return undefined;
  return {
    target: raw.target,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(Object.hasOwn(raw, 'update') && raw.update !== undefined ? { update: { value: raw.update } } : {}),
    remove: raw.remove === true,
    at: locate(`${pointer}/target`),
    locateUpdate: (relative) => locate(`${pointer}/update${relative}`),
  };
}

/** Fixed fields plus `x-` extensions, as the schema's unevaluatedProperties: false allows. */
function checkKeys(object: Record<string, unknown>, allowed: readonly string[], pointer: string, fail: (pointer: string, message: string) => void): boolean {
  let ok = true;
  for (const key of Object.keys(object)) {
    if (allowed.includes(key) || key.startsWith('x-')) continue;
    fail(`${pointer}${joinPointer(key)}`, `unexpected field "${key}" (expected ${allowed.join(', ')} or an x- extension)`);
    ok = false;
  }
  return ok;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** JSON with object keys sorted, so that two equal values give one text (JSON Schema equality). */
function stableJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
