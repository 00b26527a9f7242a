// The page model: what every reader hands on, whatever the rendering. A page is a flat list of located
// blocks: headings, prose lines, tables cut into columns, lists, code blocks (JSON samples, curl) and
// the nesting marks of tables. Readers differ in how they find these; nothing after them does.
import type { Diagnostic } from '../../core/diagnostics.js';
import type { ColumnKind } from './columns.js';

import type { Position } from '../../parse/line-index.js';

export type { Position };

/** One table row, cut into its columns' text (empty when the column is absent or blank). */
export interface TableRow {
  name: string;
  type: string;
  required: string;
  description: string;
  in: string;
  default: string;
  at: Position;
  typeAt: Position;
  /** Blocks printed inside the row (an HTML cell holding a nested table), read with the row as owner. */
  nested: Block[];
  /** Markers printed beside the type: `deprecated`, `nullable`, `read-only`, `write-only`. */
  flags?: string[];
  /** The row printed no name; the one it has was taken from where the page shows it (the URL, a sample). */
  nameInferred?: boolean;
}

/** One item of a list, its own text first, the items nested under it after. */
export interface ListItem {
  /** The item's plain text (its first line's words, the lines under it joined). */
  text: string;
  /** The item's Markdown, where the rendering has it; else its plain text. */
  markdown: string;
  at: Position;
  children: ListItem[];
}

export type Block =
  /** `markdown`: the heading's own Markdown (inline code, links), where the rendering has it. */
  | { kind: 'heading'; depth: number; text: string; markdown?: string; at: Position }
  /** A line of prose (or a paragraph); `markdown` keeps its inline code, emphasis and links. */
  | { kind: 'text'; text: string; markdown?: string; at: Position }
  /** `header` holds the header cells as printed; `columns` what each one is. */
  | { kind: 'table'; columns: ColumnKind[]; header?: string[]; rows: TableRow[]; at: Position }
  /** A table whose header names no property column (statuses, errors), its cells as printed. */
  | { kind: 'grid'; header: string[]; rows: { cells: string[]; at: Position }[]; at: Position }
  | { kind: 'list'; items: ListItem[]; at: Position }
  /** A code block or a sample printed in the text (JSON, curl, an HTTP request), with its language when given. */
  /** `valueAt`: where the code itself starts, when not at `at` (a fence's first line is its own). */
  | { kind: 'code'; lang: string; value: string; at: Position; valueAt?: Position }
  /**
   * The start of a nested table whose end the page marks (`<details>`): `label` names the row it
   * belongs to, as `Show violations fields` or `violations` does. Pages without such marks print
   * the label as text.
   */
  | { kind: 'open'; label: string; at: Position }
  /** The start of a nested table the text marks only by its start (`object (Name)` above its fields). */
  | { kind: 'open-unmarked'; label: string; at: Position }
  | { kind: 'close'; at: Position };

export interface ReadResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
}
