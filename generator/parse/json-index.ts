// A single pass over JSON text that JSON.parse does not make: duplicate keys, `__proto__` keys,
// nesting depth and size, and where each key starts (for `x-specmill-source` and diagnostics).
// The values themselves come from JSON.parse, which is many times faster than a YAML parser on
// large specs (GitHub's is 13 MB).
import { pointerSegment } from '../spec/references.js';

export interface JsonScan {
  /** Offsets of the recorded pointers: keys down to `indexDepth`, and every prefix of `target`. */
  offsets: Map<string, number>;
  problem?: { message: string; offset: number; pointer: string };
}

export interface JsonScanOptions {
  maxDepth: number;
  maxNodes: number;
  /** Record every pointer at most this deep. */
  indexDepth: number;
  /** Also record the pointers on the way to this one (for a late `locate`). */
  target?: string;
}

interface Frame {
  isObject: boolean;
  keys: Set<string> | undefined;
  index: number;
  /** This container's pointer, or undefined when too deep to record. */
  pointer: string | undefined;
  /** The pointer of the value being read, set after its key (objects) or comma (arrays). */
  valuePointer: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;

function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/** A key as written between its quotes, its escapes decoded (left as written when they are not valid). */
function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

export function scanJson(text: string, options: JsonScanOptions): JsonScan {
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];
  let expectKey = false;
  let nodes = 0;
  const record = (pointer: string, depth: number) =>
    depth <= options.indexDepth || (options.target !== undefined && (options.target === pointer || options.target.startsWith(`${pointer}/`)));
  const childPointer = (): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.valuePointer;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      // { or [
      if (++nodes > options.maxNodes) return { offsets, problem: { message: `the document has more than ${options.maxNodes} values`, offset: i, pointer: childPointer() ?? '' } };
      if (stack.length + 1 > options.maxDepth) return { offsets, problem: { message: `the document nests deeper than ${options.maxDepth} levels`, offset: i, pointer: childPointer() ?? '' } };
      const pointer = childPointer();
      const isObject = c === 123;
      const frame: Frame = { isObject, keys: isObject ? new Set() : undefined, index: 0, pointer, valuePointer: undefined };
      if (!isObject && pointer !== undefined) {
        const first = `${pointer}/0`;
        frame.valuePointer = record(first, stack.length + 1) ? first : undefined;
        if (frame.valuePointer !== undefined) offsets.set(first, i + 1);
      }
      stack.push(frame);
      expectKey = isObject;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && expectKey) {
        const key = decodeKey(text.slice(i + 1, end));
        const here = top.pointer === undefined ? undefined : `${top.pointer}/${pointerSegment(key)}`;
        if (key === '__proto__') {
          return { offsets, problem: { message: 'the key "__proto__" is not accepted: JavaScript tools would read it as an object\'s prototype', offset: i, pointer: here ?? '' } };
        }
        if (top.keys!.has(key)) return { offsets, problem: { message: `duplicate key: ${JSON.stringify(key)} appears twice in one object`, offset: i, pointer: here ?? '' } };
        top.keys!.add(key);
        top.valuePointer = here !== undefined && record(here, stack.length) ? here : undefined;
        if (top.valuePointer !== undefined) offsets.set(top.valuePointer, i);
        expectKey = false;
      } else {
        nodes++;
      }
      i = end;
    } else if (c === 44) {
      // ,
      const top = stack[stack.length - 1];
      if (top?.isObject) {
        expectKey = true;
      } else if (top) {
        top.index++;
        const next = top.pointer === undefined ? undefined : `${top.pointer}/${top.index}`;
        top.valuePointer = next !== undefined && record(next, stack.length) ? next : undefined;
        if (top.valuePointer !== undefined) {
          let start = i + 1;
          while (start < text.length && /\s/.test(text[start]!)) start++;
          offsets.set(top.valuePointer, start);
        }
      }
    } else if (c === 116 || c === 102 || c === 110 || c === 45 || (c >= 48 && c <= 57)) {
      // true, false, null, a number: count it once and skip to its end
      nodes++;
      while (i + 1 < text.length && /[0-9a-zA-Z.+-]/.test(text[i + 1]!)) i++;
    }
    if (nodes > options.maxNodes) return { offsets, problem: { message: `the document has more than ${options.maxNodes} values`, offset: i, pointer: '' } };
  }
  return { offsets };
}
