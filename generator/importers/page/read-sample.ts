// Reads a sample printed on a page into a value, forgiving what docs do to JSON: bullets before
// members, Ruby's `=>`, `...` for "more of the same", trailing or missing commas, bare words, single
// quotes, and a sample cut off before its end (what was complete is kept, and the cut is reported).

export interface SampleValue {
  value: unknown;
  /** The sample ended before its brackets closed. */
  truncated: boolean;
  /** It was not strict JSON. */
  lenient: boolean;
}

const MAX_DEPTH = 64;

/** The value of a sample, or undefined when it holds no object or array at all. */
export function readSample(text: string): SampleValue | undefined {
  const start = text.search(/[[{]/);
  if (start === -1) return undefined;
  const body = text.slice(start);
  try {
    return { value: JSON.parse(body), truncated: false, lenient: false };
  } catch {
    // read leniently below
  }
  const parser = new LenientParser(body);
  const value = parser.value(0);
  if (value === undefined) return undefined;
  return { value, truncated: parser.truncated, lenient: true };
}

class LenientParser {
  private i = 0;
  truncated = false;

  constructor(private readonly text: string) {}

  value(depth: number): unknown {
    this.skip();
    const c = this.text[this.i];
    if (c === undefined) {
      this.truncated = true;
      return undefined;
    }
    if (depth > MAX_DEPTH) {
      this.truncated = true;
      this.i = this.text.length;
      return undefined;
    }
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string(c);
    return this.word();
  }

  private object(depth: number): Record<string, unknown> | undefined {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.skipSeparators();
      const c = this.text[this.i];
      if (c === undefined) {
        this.truncated = true;
        return out;
      }
      if (c === '}') {
        this.i++;
        return out;
      }
      if (c === ']') {
        this.i++;
        continue;
      }
      const key = c === '"' || c === "'" ? this.string(c) : this.bareKey();
      if (key === undefined) {
        this.truncated = true;
        return out;
      }
      this.skip();
      if (this.text.startsWith('=>', this.i)) this.i += 2;
      else if (this.text[this.i] === ':') this.i++;
      else if (this.text[this.i] === undefined) {
        this.truncated = true;
        return out;
      }
      const before = this.i;
      const value = this.value(depth + 1);
      if (value === undefined && this.truncated) return out;
      if (value === ELLIPSIS) continue;
      if (key !== '__proto__' && key !== '') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      if (this.i === before) this.i++;
    }
  }

  private array(depth: number): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skipSeparators();
      const c = this.text[this.i];
      if (c === undefined) {
        this.truncated = true;
        return out;
      }
      if (c === ']') {
        this.i++;
        return out;
      }
      if (c === '}') {
        this.i++;
        continue;
      }
      const before = this.i;
      const value = this.value(depth + 1);
      if (value === undefined && this.truncated) return out;
      if (value !== ELLIPSIS) out.push(value);
      if (this.i === before) this.i++;
    }
  }

  private string(quote: string): string | undefined {
    let out = '';
    for (let j = this.i + 1; j < this.text.length; j++) {
      const c = this.text[j]!;
      if (c === '\\') {
        const next = this.text[j + 1] ?? '';
        if (next === 'u' && /^[0-9a-f]{4}$/i.test(this.text.slice(j + 2, j + 6))) {
          out += String.fromCharCode(parseInt(this.text.slice(j + 2, j + 6), 16));
          j += 5;
        } else {
          out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
          j++;
        }
        continue;
      }
      if (c === quote) {
        this.i = j + 1;
        return out;
      }
      if (c === '\n' && quote === "'") break;
      out += c;
    }
    // Cut off inside the string: what it shows is still a string.
    this.truncated = true;
    this.i = this.text.length;
    return out;
  }

  private bareKey(): string | undefined {
    const match = /^[^\s:=,{}[\]"']+/.exec(this.text.slice(this.i, this.i + 200));
    if (!match) return undefined;
    this.i += match[0].length;
    return match[0];
  }

  /** A number, `true`/`false`/`null`, `...`, or a bare word a page put where a value goes. */
  private word(): unknown {
    const match = /^(?:\.\.\.|…|[^\s,{}[\]]+)/.exec(this.text.slice(this.i, this.i + 200));
    if (!match) {
      this.i++;
      return undefined;
    }
    this.i += match[0].length;
    const word = match[0];
    if (word === '...' || word === '…') return ELLIPSIS;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null' || word === 'nil' || word === 'None') return null;
    if (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(word)) return Number(word);
    return word;
  }

  /** Whitespace, comments and bullets a rendering put before members. */
  private skip(): void {
    for (;;) {
      const rest = this.text.slice(this.i, this.i + 2);
      if (/^\s/.test(rest) || rest.startsWith('•')) this.i++;
      else if (rest === '//') {
        const end = this.text.indexOf('\n', this.i);
        this.i = end === -1 ? this.text.length : end;
      } else if (rest === '/*') {
        const end = this.text.indexOf('*/', this.i + 2);
        this.i = end === -1 ? this.text.length : end + 2;
      } else return;
    }
  }

  private skipSeparators(): void {
    for (;;) {
      this.skip();
      const c = this.text[this.i];
      if (c === ',') this.i++;
      else if (this.text.startsWith('...', this.i)) this.i += 3;
      else if (c === '…') this.i++;
      else return;
    }
  }
}

const ELLIPSIS = Symbol('ellipsis');
