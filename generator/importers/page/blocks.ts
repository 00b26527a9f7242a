// What every reader hands to the page model: the page as a flat list of headings, prose, tables and
// nesting marks, located in the page. Readers differ in how they find these; nothing after them does.
import type { Diagnostic } from '../../diagnostics.js';
import type { ColumnKind } from './columns.js';

import type { Position } from './page-index.js';

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
}

export type Block =
  | { kind: 'heading'; depth: number; text: string; at: Position }
  | { kind: 'text'; text: string; at: Position }
  | { kind: 'table'; columns: ColumnKind[]; rows: TableRow[]; at: Position }
  /**
   * The start of a nested table whose end the page marks (`<details>`): `label` names the row it
   * belongs to, as `Show violations fields` or `violations` does. Pages without such marks print
   * the label as text.
   */
  | { kind: 'open'; label: string; at: Position }
  | { kind: 'close'; at: Position };

export interface ReadResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
}
