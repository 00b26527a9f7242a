// Reads a page turned to plain text: one block per line, and property tables whose cells either ran
// together (`idstring | null-Unique identifier`), were joined by pipes, or by tabs.
import { warning, type Diagnostic } from '../../diagnostics.js';
import type { Block, Position, ReadResult, TableRow } from './blocks.js';
import {
  columnsFromHeaderCells,
  columnsFromRunTogetherHeader,
  fitCells,
  isDelimiterRow,
  splitPipeRow,
  splitRunTogetherRow,
  type Cell,
  type ColumnKind,
  type RowCells,
  type SplitFailure,
} from './columns.js';
import { isStructuralLine } from './vocabulary.js';

type TableStyle = 'pipe' | 'tab' | 'run-together';

export function readText(text: string, file: string): ReadResult {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const at = positionIn(line, index);
    index++;
    if (line.trim() === '') continue;
    const header = readHeader(line);
    if (!header) {
      blocks.push({ kind: 'text', text: line.trim().replace(/\s+/g, ' '), at });
      continue;
    }
    const rows: TableRow[] = [];
    for (; index < lines.length && lines[index]!.trim() !== ''; index++) {
      const rowLine = lines[index]!;
      if (header.style === 'pipe' && isDelimiterRow(rowLine)) continue;
      const cells = cutRow(rowLine, header.style, header.columns);
      if (cells === 'end') break;
      if ('expected' in cells) {
        diagnostics.push(
          warning(`cannot split this table row into its columns: expected ${cells.expected}; the row is skipped`, {
            file,
            line: index + 1,
            column: cells.offset + 1,
          }),
        );
        continue;
      }
      rows.push(rowOf(cells, index));
    }
    blocks.push({ kind: 'table', columns: header.columns, rows, at });
  }
  return { blocks, diagnostics };
}

function readHeader(line: string): { style: TableStyle; columns: ColumnKind[] } | undefined {
  if (line.includes('|')) {
    const columns = columnsFromHeaderCells(splitPipeRow(line).map((c) => c.text));
    return columns && { style: 'pipe', columns };
  }
  if (line.includes('\t')) {
    const columns = columnsFromHeaderCells(line.split('\t'));
    if (columns) return { style: 'tab', columns };
  }
  const columns = columnsFromRunTogetherHeader(line);
  return columns && { style: 'run-together', columns };
}

/** The row's cells, `'end'` when the line is no row (the table is over), or why it cannot be cut. */
function cutRow(line: string, style: TableStyle, columns: ColumnKind[]): RowCells | SplitFailure | 'end' {
  switch (style) {
    case 'pipe':
      return line.includes('|') ? fitCells(splitPipeRow(line), columns) : 'end';
    case 'tab':
      return line.includes('\t') ? fitCells(splitTabs(line), columns) : 'end';
    case 'run-together':
      if (isStructuralLine(line) || readHeader(line)) return 'end';
      return splitRunTogetherRow(line, columns);
  }
}

function splitTabs(line: string): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  for (const part of line.split('\t')) {
    cells.push({ text: part.trim(), offset: offset + (part.length - part.trimStart().length) });
    offset += part.length + 1;
  }
  return cells;
}

function rowOf(cells: RowCells, index: number): TableRow {
  const text = (key: keyof RowCells) => unquote(cells[key]?.text ?? '');
  const column = (key: keyof RowCells) => (cells[key]?.offset ?? 0) + 1;
  return {
    name: text('name'),
    type: text('type'),
    required: text('required'),
    description: (cells.description?.text ?? '').trim().replace(/\s+/g, ' '),
    in: text('in'),
    default: text('default'),
    at: { line: index + 1, column: column('name') },
    typeAt: { line: index + 1, column: column('type') },
    nested: [],
  };
}

/** Pipe tables in plain text still often keep Markdown's backticks around names and types. */
function unquote(text: string): string {
  return text.trim().replace(/^`([^`]*)`$/, '$1').replace(/\\\|/g, '|').trim();
}

function positionIn(line: string, index: number): Position {
  return { line: index + 1, column: line.length - line.trimStart().length + 1 };
}
