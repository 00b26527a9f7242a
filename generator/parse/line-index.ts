// The one line index of a text: character offsets to 1-based line and column, built in one pass.
// Every reader locates what it reads through it, so a fact on a page flattened onto one line is
// located by its column.

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(at: Position): number {
    return (this.lineStarts[at.line - 1] ?? this.text.length) + at.column - 1;
  }
}
