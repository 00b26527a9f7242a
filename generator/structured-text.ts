// Parses JSON or YAML text into plain values while keeping positions, so that any later
// diagnostic can point at the page's line and column. Duplicate keys are errors (JSON.parse
// would keep the last one silently) and YAML aliases are capped.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from './diagnostics.js';

export interface StructuredText {
  value: unknown;
  /** Position of the node at a JSON pointer (or of its nearest ancestor) in the original file. */
  locate(pointer: string): SourceLocation;
}

export interface ParseOptions {
  /** File named in diagnostics. */
  file: string;
  /** Where the text starts inside the file, for text embedded in a page (1-based). */
  startLine?: number;
  startColumn?: number;
}

const MAX_ALIAS_COUNT = 100;

export function parseStructured(
  text: string,
  options: ParseOptions,
): { result?: StructuredText; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
    version: '1.2',
    strict: true,
  });
  const startLine = options.startLine ?? 1;
  const startColumn = options.startColumn ?? 1;
  const locateOffset = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return {
      file: options.file,
      line: pos.line + startLine - 1,
      column: pos.line === 1 ? pos.col + startColumn - 1 : pos.col,
    };
  };
  const jsonProblem = checkJson(text);
  if (jsonProblem) return { diagnostics: [error(jsonProblem.message, locateOffset(jsonProblem.offset))] };
  // The first problem is the one to fix; the parser's later ones mostly follow from it.
  const first = doc.errors[0];
  if (first) return { diagnostics: [error(describeYamlError(first.code, first.message), locateOffset(first.pos[0]))] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { diagnostics: [error(`cannot read the document: ${(e as Error).message}`, locateOffset(0))] };
  }
  const locate = (pointer: string): SourceLocation => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let found = node;
    for (const raw of pointer.split('/').slice(1)) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (isMap(node)) {
        const pair: Pair | undefined = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        node = pair ? ((pair.key as Node | null) ?? null) : null;
        if (node) found = node;
        node = pair ? (pair.value as Node | null) : null;
      } else if (isSeq(node)) {
        node = (node.items[Number(key)] as Node | undefined) ?? null;
        if (node) found = node;
      } else {
        break;
      }
      if (!node) break;
    }
    const location = locateOffset(found?.range?.[0] ?? 0);
    return pointer ? { ...location, pointer } : location;
  };
  return { result: { value, locate }, diagnostics: [] };
}

/** Text that looks like JSON gets JSON's own message (YAML would accept some broken JSON). */
function checkJson(text: string): { message: string; offset: number } | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at?.[1] ? Number(at[1]) : text.trimEnd().length;
    return { message: `expected valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'the document ends too early')}`, offset };
  }
}

function describeYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return `duplicate key: ${message.split('\n')[0]}`;
  return `expected valid JSON or YAML: ${message.split('\n')[0]}`;
}

/** Escapes a key for use in a JSON pointer. */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function joinPointer(...segments: readonly string[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}
