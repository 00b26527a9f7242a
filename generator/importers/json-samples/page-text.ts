// Reading a portal page as one stream of text, whether it kept its line breaks or was flattened onto
// one line: whitespace-free matching and search that remembers misses.
export { PageIndex } from '../page/page-index.js';

/**
 * Prose as both renderings of a page give it: the flattened one has lost its line breaks, so
 * whitespace is collapsed everywhere and the two readings agree.
 */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Found {
  start: number;
  end: number;
  match: RegExpExecArray;
}

/**
 * A global regex searched forward from a moving cursor. A match ahead of the cursor is kept, and a
 * search that found nothing is not repeated, so scanning a page stays linear.
 */
export class Finder {
  private cached: Found | undefined;
  private exhaustedFrom = Infinity;

  constructor(
    private readonly text: string,
    private readonly regex: RegExp,
  ) {
    if (!regex.global) throw new TypeError('Finder needs a global regex');
  }

  next(from: number): Found | undefined {
    if (from >= this.exhaustedFrom) return undefined;
    if (this.cached && this.cached.start >= from) return this.cached;
    this.regex.lastIndex = from;
    const match = this.regex.exec(this.text);
    if (!match) {
      this.exhaustedFrom = from;
      return undefined;
    }
    this.cached = { start: match.index, end: match.index + match[0].length, match };
    return this.cached;
  }
}

/** Every match of a global regex inside [from, to). */
export function findAll(text: string, regex: RegExp, from: number, to: number): Found[] {
  const found: Found[] = [];
  regex.lastIndex = from;
  for (let match = regex.exec(text); match && match.index < to; match = regex.exec(text)) {
    const end = match.index + match[0].length;
    if (end > to) break;
    found.push({ start: match.index, end, match });
    if (match[0].length === 0) regex.lastIndex++;
  }
  return found;
}

/** Offset of the first non-whitespace character at or after `from`. */
export function skipSpace(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Upper camel case from words or snake_case: `service_instances` -> `ServiceInstances`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
}

/** Loose comparison of names and phrases: `UnprocessableEntity` ~ `Unprocessable Entity`. */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
