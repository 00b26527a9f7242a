// Cuts a JSON sample out of running page text (on a flattened page it shares the line with prose)
// and parses it with positions, so a broken sample is reported at the page's line and column.
import { error, type Diagnostic } from '../../diagnostics.js';
import { parseStructured } from '../../structured-text.js';
import type { PageIndex } from './page-text.js';

export interface Sample {
  /** Offsets of the sample's first and one-past-last character in the page. */
  start: number;
  end: number;
  /** The parsed value; undefined when the sample is broken (then a diagnostic says why). */
  value?: unknown;
}

/**
 * Reads the sample that opens at `start` (a `{` or `[`) and must close before `limit` (the next
 * landmark: a sample never spans one, and bounding the search keeps broken pages linear). Returns
 * undefined when the brackets do not balance: then nothing can be trusted to be the sample's end.
 */
export function readSample(index: PageIndex, { start, limit }: { start: number; limit: number }, file: string, diagnostics: Diagnostic[]): Sample | undefined {
  const text = index.text;
  const { end, depth } = balancedEnd(text, start, limit);
  const at = index.position(start);
  if (end === undefined) {
    const open = text[start];
    diagnostics.push(
      error(`expected the JSON sample opened by \`${open}\` here to close with \`${open === '{' ? '}' : ']'}\``, { file, ...at }),
    );
    return undefined;
  }
  if (depth > MAX_DEPTH) {
    // The YAML parser recurses per level, and a stack overflow deep inside it is not always catchable.
    diagnostics.push(error(`expected a JSON sample nested at most ${MAX_DEPTH} levels deep, not ${depth}`, { file, ...at }));
    return { start, end };
  }
  const parsed = parseStructured(text.slice(start, end), { file, startLine: at.line, startColumn: at.column });
  if (!parsed.result) {
    for (const d of parsed.diagnostics) diagnostics.push({ ...d, message: `broken JSON sample: ${d.message}` });
    return { start, end };
  }
  return { start, end, value: parsed.result.value };
}

/** No real sample comes near this; a hostile one is refused before it reaches the parser. */
const MAX_DEPTH = 200;

/** One past the bracket that closes the one at `start`, skipping brackets inside strings. */
function balancedEnd(text: string, start: number, limit: number): { end?: number; depth: number } {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { end: i + 1, depth: deepest };
    }
  }
  return { depth: deepest };
}
