// Counts the work regular expressions do while a function runs, without a clock: every regex call
// goes through RegExp.prototype.exec (match, matchAll, replace, split, search and test all reach it
// by the spec's RegExpExec), and each call is charged the characters it scanned, from where it
// started to the end of its match, or to the end of the input when it found none (a sticky regex,
// as split uses at each position, tries one position only). A reader that scans its input again and
// again shows as work that grows faster than the input.

export interface RegexWork<T> {
  result: T;
  /** Characters scanned by all regex calls together. */
  scanned: number;
  calls: number;
}

export function measureRegexWork<T>(run: () => T): RegexWork<T> {
  const original = RegExp.prototype.exec;
  let scanned = 0;
  let calls = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const match = original.call(this, text);
    calls++;
    scanned += charge(this, text, start, match);
    return match;
  };
  try {
    return { result: run(), scanned, calls };
  } finally {
    RegExp.prototype.exec = original;
  }
}

/** Awaits `run` under the meter; nothing else may run regexes meanwhile (tests run one at a time per file). */
export async function measureRegexWorkAsync<T>(run: () => Promise<T>): Promise<RegexWork<T>> {
  const original = RegExp.prototype.exec;
  let scanned = 0;
  let calls = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string): RegExpExecArray | null {
    const text = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const match = original.call(this, text);
    calls++;
    scanned += charge(this, text, start, match);
    return match;
  };
  try {
    return { result: await run(), scanned, calls };
  } finally {
    RegExp.prototype.exec = original;
  }
}

function charge(regex: RegExp, text: string, start: number, match: RegExpExecArray | null): number {
  if (regex.sticky) return match ? match[0].length + 1 : 1;
  return Math.max(1, (match ? match.index + match[0].length : text.length) - start);
}

/**
 * How much more regex work an input four times as large takes: about 4 when the work grows with
 * the input, about 16 when it grows with its square. Deterministic: it counts, it does not time.
 */
export function growthOfRegexWork(make: (size: number) => string, run: (text: string) => unknown, size: number): number {
  const small = measureRegexWork(() => run(make(size))).scanned;
  const large = measureRegexWork(() => run(make(4 * size))).scanned;
  return large / small;
}

/** `growthOfRegexWork` for importers, whose `importPage` may return a promise. */
export async function growthOfRegexWorkAsync(make: (size: number) => string, run: (text: string) => Promise<unknown>, size: number): Promise<number> {
  const small = (await measureRegexWorkAsync(() => run(make(size)))).scanned;
  const large = (await measureRegexWorkAsync(() => run(make(4 * size)))).scanned;
  return large / small;
}
