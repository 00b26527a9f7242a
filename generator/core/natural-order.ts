// The one comparator for every sort in specmill: digit runs compare as numbers, everything else by
// UTF-16 code unit, so the order never depends on the machine's locale or ICU version.

const CHUNK = /(\d+)|(\D+)/g;

export function compareNatural(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const xDigits = /^\d/.test(x);
    const yDigits = /^\d/.test(y);
    if (xDigits && yDigits) {
      const xValue = x.replace(/^0+/, '');
      const yValue = y.replace(/^0+/, '');
      if (xValue.length !== yValue.length) return xValue.length - yValue.length;
      if (xValue !== yValue) return xValue < yValue ? -1 : 1;
      return x.length - y.length; // "01" after "1": equal values, still a total order
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}
