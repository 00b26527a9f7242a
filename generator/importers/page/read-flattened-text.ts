// Reads a rendered page whose text ran together onto one line, cells and all
// (`Body Paramscategorystringrequiredlength ≥ 1resourcestring | null...`): the line is cut at the
// operation, at section titles and at each field (a name glued to a type word), and each field is
// cut into its cells as a run-together table row is. Every block keeps its column on the line.
import type { Block, ReadResult, TableRow } from './blocks.js';
import type { ColumnKind } from './columns.js';
import { matchTypePrefix } from './type-expression.js';
import { LineIndex } from '../../parse/line-index.js';
import { HTTP_METHODS } from '../../core/openapi-types.js';

const COLUMNS: ColumnKind[] = ['name', 'type', 'required', 'description'];
const METHOD_URL = new RegExp(`(${HTTP_METHODS.map((m) => `${m}|${m.toUpperCase()}`).join('|')})\\s+(https?://[^\\s]+?)(?=[A-Z]|\\s|$)`);
const SECTION = /(Path Params|Query Params|Body Params|Header Params|Path Parameters|Query Parameters|Body Parameters|Request Body|Headers|Responses)/g;
const TYPE_WORD = /(string|integer|int32|int64|number|boolean|object|array|date-time|double|float)/g;
const TYPE_PREFIX = /^(?:string|integer|int32|int64|number|boolean|object|array|date-time|double|float|null)(?=[a-z_])/i;
const MIN_LENGTH = 200;

/** True for a page of text that is one long line with fields glued to their types. */
export function isRunTogetherText(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > 3) return false;
  const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < MIN_LENGTH) return false;
  return (longest.match(/[a-z_](?:string|integer|boolean|object)(?:required|[A-Z]| \|)/g)?.length ?? 0) >= 3;
}

export function readRunTogetherText(text: string): ReadResult {
  const index = new LineIndex(text);
  const blocks: Block[] = [];
  const at = (offset: number) => index.position(offset);
  const cuts = new Set<number>([0]);
  const operation = METHOD_URL.exec(text);
  if (operation) {
    cuts.add(operation.index);
    cuts.add(operation.index + operation[0].length);
  }
  const sections: { start: number; end: number; title: string }[] = [];
  for (const match of text.matchAll(SECTION)) {
    cuts.add(match.index);
    cuts.add(match.index + match[0].length);
    sections.push({ start: match.index, end: match.index + match[0].length, title: match[0] });
  }
  const ordered = [...cuts].filter((cut) => cut <= text.length).sort((a, b) => a - b);
  ordered.push(text.length);
  for (let i = 0; i + 1 < ordered.length; i++) {
    const start = ordered[i]!;
    const end = ordered[i + 1]!;
    const piece = text.slice(start, end);
    if (!piece.trim()) continue;
    const section = sections.find((s) => s.start === start);
    if (section) {
      blocks.push({ kind: 'text', text: section.title, at: at(start) });
      continue;
    }
    const previous = sections.find((s) => s.end === start);
    if (previous && previous.title !== 'Responses') {
      const rows = readGluedRows(piece, start, at);
      if (rows.length > 0) {
        // Words before the first field are no field's: kept as text, so they are read or reported.
        const first = text.slice(start, index.offset(rows[0]!.at));
        if (first.trim()) blocks.push({ kind: 'text', text: first.trim().replace(/\s+/g, ' '), at: at(start + first.length - first.trimStart().length) });
        blocks.push({ kind: 'table', columns: COLUMNS, rows, at: rows[0]!.at });
        continue;
      }
    }
    if (previous?.title === 'Responses') {
      // `200OK 400Bad Request 401Unauthorized`, `200200 400400` (the code printed twice): each code starts a status line.
      let read = 0;
      for (const status of piece.matchAll(/([1-5]\d\d)(?:\1(?![\d]))?([A-Z][A-Za-z ]*?)?(?=\s*[1-5]\d\d|[A-Z][a-z]+ \d|\s*$)/g)) {
        blocks.push({ kind: 'text', text: `${status[1]} ${(status[2] ?? '').trim()}`.trim(), at: at(start + status.index) });
        read = status.index + status[0].length;
      }
      // What follows the statuses (a footer such as `Updated 6 months ago`) stays text, read or reported.
      const rest = piece.slice(read);
      if (rest.trim()) blocks.push({ kind: 'text', text: rest.trim().replace(/\s+/g, ' '), at: at(start + read + rest.length - rest.trimStart().length) });
      continue;
    }
    blocks.push({ kind: 'text', text: piece.trim().replace(/\s+/g, ' '), at: at(start + piece.length - piece.trimStart().length) });
  }
  return { blocks, diagnostics: [] };
}

/**
 * The fields of a run of glued rows: each starts with a name glued to a type word. A name takes the
 * identifier characters before its type; when the names share a prefix (`xProxy-`), a name starts at
 * it, for the words before it end the previous field's description.
 */
function readGluedRows(piece: string, base: number, at: (offset: number) => { line: number; column: number }): TableRow[] {
  const starts: { start: number; name: string }[] = [];
  for (const match of piece.matchAll(TYPE_WORD)) {
    let back = match.index;
    while (back > 0 && /[\w-]/.test(piece[back - 1]!)) back--;
    let name = piece.slice(back, match.index);
    const digits = /^\d+/.exec(name)?.[0].length ?? 0;
    name = name.slice(digits);
    for (let typed = TYPE_PREFIX.exec(name); typed; typed = TYPE_PREFIX.exec(name)) name = name.slice(typed[0].length);
    if (!/^[A-Za-z_][\w-]*$/.test(name) || name.length < 2) continue;
    if (starts.some((s) => s.start === match.index - name.length)) continue;
    starts.push({ start: match.index - name.length, name });
  }
  const prefix = sharedPrefix(starts.map((s) => s.name));
  if (prefix) {
    for (const start of starts) {
      const at = start.name.indexOf(prefix);
      if (at > 0) {
        start.start += at;
        start.name = start.name.slice(at);
      }
    }
  }
  const rows: TableRow[] = [];
  starts.sort((a, b) => a.start - b.start);
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.start ?? piece.length;
    // The name is known; the type is the longest the vocabulary reads after it, then a marker.
    const row = piece.slice(start.start + start.name.length, end);
    const type = matchTypePrefix(row, 0, { allowNamed: false })
      .filter((match) => match.penalty === 0)
      .sort((a, b) => b.end - a.end)[0];
    if (!type) return;
    let rest = row.slice(type.end);
    const marker = /^(required|optional)/i.exec(rest);
    if (marker) rest = rest.slice(marker[0].length);
    const position = at(base + start.start);
    rows.push({
      name: start.name,
      type: row.slice(0, type.end).trim(),
      required: marker ? marker[1]!.toLowerCase() : '',
      description: rest.trim(),
      in: '',
      default: '',
      at: position,
      typeAt: position,
      nested: [],
    });
  });
  return rows;
}

/**
 * A prefix most names share (`xProxy-`, up to its first separator), found wherever it stands in a
 * name; none when no such prefix is in at least half the names.
 */
function sharedPrefix(names: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) {
    const seen = new Set<string>();
    for (let from = 0; from < name.length; from++) {
      if (!/[A-Za-z]/.test(name[from]!)) continue;
      const separator = name.slice(from).search(/[-_]/);
      if (separator < 2) continue;
      seen.add(name.slice(from, from + separator + 1));
    }
    for (const prefix of seen) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [prefix, count] of counts) {
    if (count < 3 || count < names.length / 2) continue;
    if (count > bestCount || (count === bestCount && prefix.length > best!.length)) {
      best = prefix;
      bestCount = count;
    }
  }
  return best;
}
