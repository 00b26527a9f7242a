// Reads a YAML document that a page shows, possibly cut off before its end (a fence the page never
// closes): the cut line and anything after the first line YAML cannot read are dropped, a key left
// with no value at the very end is dropped, and every complete node is kept. The value itself comes
// from structured-text.ts, so duplicate keys, `__proto__`, merge keys, aliases and nesting are
// refused there exactly as in any other document.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { isObject } from '../../core/openapi-types.js';
import { offsetLocator, parseStructured, pointerSegment, type ParseOptions } from '../../parse/structured-text.js';
import type { TolerantResult } from './tolerant-json.js';

export interface YamlOptions extends ParseOptions {
  /** The text may end before the document does (the page cut it off). */
  cut?: boolean;
}

const NONE = { open: [], elided: [], placeholders: [], comments: [] };

/** The first problem YAML has with the text, if it is one of syntax (not a duplicate key). */
function firstSyntaxError(text: string): number | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: false, version: '1.2', strict: true });
  const first = doc.errors[0];
  if (!first || first.code === 'DUPLICATE_KEY') return undefined;
  return first.pos[0];
}

/** Walks the last entry of each collection down from the root: the nodes the cut ran through. */
function lastPath(text: string): { open: string[]; emptyLast?: { pointer: string; offset: number } } {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, merge: false, version: '1.2' });
  const open: string[] = [];
  let node = doc.contents as Node | null;
  let pointer = '';
  while (isMap(node) || isSeq(node)) {
    open.push(pointer);
    const items = node.items as unknown[];
    const last = items.at(-1);
    if (last === undefined) break;
    let child: Node | null;
    let at: number;
    if (isPair(last)) {
      if (!isScalar(last.key)) break;
      pointer += `/${pointerSegment(String(last.key.value))}`;
      child = last.value as Node | null;
      at = last.key.range?.[0] ?? 0;
    } else {
      pointer += `/${items.length - 1}`;
      child = last as Node | null;
      at = child?.range?.[0] ?? 0;
    }
    // `key:` with nothing after it, at the very end: its value went with the cut.
    if (child === null || (isScalar(child) && child.value === null && child.source === '')) return { open, emptyLast: { pointer, offset: at } };
    node = child;
  }
  return { open };
}

function removeAt(value: unknown, pointer: string): void {
  const segments = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = segments.pop();
  let parent: unknown = value;
  for (const segment of segments) parent = Array.isArray(parent) ? parent[Number(segment)] : isObject(parent) ? parent[segment] : undefined;
  if (last === undefined) return;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
}

export function readTolerantYaml(text: string, options: YamlOptions): TolerantResult {
  if (!options.cut) {
    const { result, diagnostics } = parseStructured(text, options);
    return { ...NONE, ...(result ? { result } : {}), diagnostics };
  }
  const at = offsetLocator(text, options);
  let body = text;
  /** Where the text that was dropped starts. */
  let droppedFrom: number | undefined;
  const lastBreak = body.lastIndexOf('\n');
  if (body.slice(lastBreak + 1).trim() !== '') {
    droppedFrom = lastBreak + 1;
    body = body.slice(0, lastBreak + 1);
  }
  // Drop from the line YAML first stumbles on, until what is left reads; each round drops a line.
  for (let error = firstSyntaxError(body); error !== undefined && body.length > 0; error = firstSyntaxError(body)) {
    const lineStart = body.lastIndexOf('\n', Math.max(0, Math.min(error, body.length) - 1)) + 1;
    const cutAt = lineStart < body.length ? lineStart : body.lastIndexOf('\n', body.length - 2) + 1;
    droppedFrom = cutAt;
    body = body.slice(0, cutAt);
  }
  const { result, diagnostics } = parseStructured(body, options);
  if (!result) return { ...NONE, diagnostics };
  const { open, emptyLast } = lastPath(body);
  const found: Diagnostic[] = [];
  let lost: TolerantResult['lost'];
  if (emptyLast && emptyLast.pointer !== '') {
    removeAt(result.value, emptyLast.pointer);
    lost = { ...at(emptyLast.offset), pointer: emptyLast.pointer };
  } else if (droppedFrom !== undefined) {
    const pointer = open.at(-1) ?? '';
    lost = { ...at(droppedFrom), pointer };
  }
  if (lost || droppedFrom !== undefined) {
    const what = emptyLast ? `the value of ${JSON.stringify(emptyLast.pointer.split('/').pop()?.replaceAll('~1', '/').replaceAll('~0', '~'))} was cut off and left out` : 'the last line was cut off and left out';
    const dropped = droppedFrom === undefined ? '' : ` (${JSON.stringify(text.slice(droppedFrom).trim().split('\n')[0]!.slice(0, 60))} and after)`;
    found.push(warning(`the YAML is cut off before its end: ${what}${emptyLast ? '' : dropped}; every complete entry was kept`, lost ?? at(droppedFrom ?? 0)));
  } else {
    found.push(warning('the YAML may be cut off before its end (its fence is not closed); every entry was kept', at(text.trimEnd().length)));
  }
  return { ...NONE, result, diagnostics: found, open, ...(lost ? { lost } : {}) };
}
