// Parses JSON or YAML text into plain values while keeping positions, so that any later
// diagnostic can point at the page's line and column. Duplicate keys are errors (JSON.parse
// would keep the last one silently) and YAML aliases are capped.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { error, type Diagnostic, type SourceLocation } from '../core/diagnostics.js';
import { scanJson } from './json-index.js';
import { LineIndex } from './line-index.js';
import { pointerSegment, splitPointer } from '../spec/references.js';

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
/** Deeper than this is no API description; it is an attack on the parser's (or our) recursion. */
export const MAX_DEPTH = 200;
/** Values in one document (GitHub's 13 MB spec has about 1.5 million). */
export const MAX_NODES = 20_000_000;

/**
 * Finds where flow nesting (`{` / `[` outside strings) or block indentation first goes past
 * MAX_DEPTH, before the YAML parser recurses into it (3,000 levels can abort Node inside it).
 */
export function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n') quote = quote === '"' || quote === "'" ? quote : undefined;
      continue;
    }
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && (c === ' ' || c === '-')) {
      // `- - - x` nests sequences as deeply as indentation does.
      indent++;
      if (indent > MAX_DEPTH * 2) return i;
      continue;
    }
    lineStart = false;
    // A quote opens a string only where a scalar can start (`don't` in plain text does not).
    if ((c === '"' || c === "'") && /[\s:[{,]/.test(text[i - 1] ?? ' ')) quote = c;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Walks the parsed value without recursion, enforcing MAX_DEPTH and MAX_NODES. */
export function findBudgetProblem(value: unknown, yamlSource: boolean): { message: string; pointer: string } | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth, pointer] = stack.pop()!;
    if (++nodes > MAX_NODES) return { message: `the document has more than ${MAX_NODES} values`, pointer };
    if (depth > MAX_DEPTH) return { message: `the document nests deeper than ${MAX_DEPTH} levels`, pointer };
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push([node[i], depth + 1, `${pointer}/${i}`]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') {
        return { message: 'the key "__proto__" is not accepted: JavaScript tools would read it as an object\'s prototype', pointer: `${pointer}/__proto__` };
      }
      if (yamlSource && key === '<<') {
        return { message: 'YAML merge keys (<<) are not supported: write the merged keys out', pointer: `${pointer}/<<` };
      }
      stack.push([(node as Record<string, unknown>)[key], depth + 1, `${pointer}/${pointerSegment(key)}`]);
    }
  }
  return undefined;
}

/** Maps offsets to 1-based lines and columns, adjusted for text embedded in a page. */
export function offsetLocator(text: string, options: ParseOptions): (offset: number) => SourceLocation {
  let index: LineIndex | undefined;
  return (offset) => {
    index ??= new LineIndex(text);
    const { line, column } = index.position(offset);
    return { file: options.file, line: line + (options.startLine ?? 1) - 1, column: line === 1 ? column + (options.startColumn ?? 1) - 1 : column };
  };
}

/** JSON text: JSON.parse for the values, one scan (json-index.ts) for what it does not check. */
function parseJson(text: string, options: ParseOptions): { result?: StructuredText; diagnostics: Diagnostic[] } {
  const at = offsetLocator(text, options);
  const scan = scanJson(text, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES, indexDepth: 3 });
  const located = (offset: number, pointer?: string) => (pointer ? { ...at(offset), pointer } : at(offset));
  if (scan.problem && scan.problem.message.startsWith('the document nests')) return { diagnostics: [error(scan.problem.message, located(scan.problem.offset))] };
  const jsonProblem = checkJson(text);
  if (jsonProblem) return { diagnostics: [error(jsonProblem.message, at(jsonProblem.offset))] };
  if (scan.problem) {
    // The fast scan keeps pointers only near the top; a second one, keeping all, names the place.
    const full = scan.problem.pointer ? scan : scanJson(text, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES, indexDepth: MAX_DEPTH });
    const problem = full.problem ?? scan.problem;
    return { diagnostics: [error(problem.message, located(problem.offset, problem.pointer))] };
  }
  const value: unknown = JSON.parse(text);
  const locate = (pointer: string): SourceLocation => {
    let offsets = scan.offsets;
    if (!offsets.has(pointer)) offsets = scanJson(text, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES, indexDepth: 0, target: pointer }).offsets;
    // The pointer itself, else its nearest recorded ancestor.
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const offset = offsets.get(p);
      if (offset !== undefined) return pointer ? { ...at(offset), pointer } : at(offset);
      if (p === '') return pointer ? { ...at(text.search(/\S/) === -1 ? 0 : text.search(/\S/)), pointer } : at(Math.max(0, text.search(/\S/)));
    }
  };
  return { result: { value, locate }, diagnostics: [] };
}

export function parseStructured(
  text: string,
  options: ParseOptions,
): { result?: StructuredText; diagnostics: Diagnostic[] } {
  if (/^\s*[[{]/.test(text)) return parseJson(text, options);
  const lineCounter = new LineCounter();
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1 && i < tooDeep; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const pos = lineCounter.linePos(tooDeep);
    const line = pos.line + (options.startLine ?? 1) - 1;
    return { diagnostics: [error(`the document nests deeper than ${MAX_DEPTH} levels`, { file: options.file, line, column: pos.line === 1 ? pos.col + (options.startColumn ?? 1) - 1 : pos.col })] };
  }
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
  const budget = findBudgetProblem(value, !/^\s*[[{]/.test(text));
  const locate = (pointer: string): SourceLocation => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let found = node;
    for (const key of splitPointer(pointer) ?? []) {
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
  if (budget) return { diagnostics: [error(budget.message, locate(budget.pointer))] };
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

// Pointers are defined with references (spec/references.ts); re-exported for older imports.
export { joinPointer, pointerSegment } from '../spec/references.js';
