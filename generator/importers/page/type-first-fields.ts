// Fields printed one attribute per line with the type first, as developer portals print them:
// `string of array` / `names` / `Optional` / `Comma-delimited list of names`. Under a headers title
// the marker may be missing (`string` / `Location` / `URL of the job`). Read into one table.
import type { Block, TableRow } from './blocks.js';
import { parseTypeExpression } from './type-expression.js';
import { HTTP_METHODS } from '../../core/openapi-types.js';

/** A line of text as the text reader holds it. */
export interface TextLine {
  raw: string;
  /** Trimmed. */
  text: string;
  indent: number;
  /** 0-based. */
  index: number;
}

const NAME = /^[A-Za-z_$@][\w.$@[\]-]{0,79}$/;
const MARKER = /^(Required|Optional)$/;
/** Header names look like headers (`Location`, `X-Request-Id`), which keeps prose from reading as one. */
const HEADER_NAME = /^(?:[A-Z][A-Za-z0-9-]{0,79}|[a-z][a-z0-9]*-[A-Za-z0-9-]{1,79})$/;
const HEADERS_TITLE = /headers$/i;
const METHOD_ALONE = new RegExp(`^(?:${HTTP_METHODS.join('|')})$`, 'i');
/** No description runs on past this many lines. */
const MAX_DESCRIPTION_LINES = 40;

/**
 * The fields that start at line `from`, and the line after them. `endsFields` says which lines a
 * description never runs over (statuses, section titles, samples).
 */
export function readTypeFirstFields(lines: readonly TextLine[], from: number, endsFields: (text: string) => boolean): { blocks: Block[]; next: number } | undefined {
  const underHeaders = HEADERS_TITLE.test(previousText(lines, from));
  if (!fieldAt(lines, from, underHeaders)) return undefined;
  const rows: TableRow[] = [];
  let k = from;
  for (let field = fieldAt(lines, k, underHeaders); field; field = fieldAt(lines, k, underHeaders)) {
    const typeLine = lines[k]!;
    const nameLine = lines[k + 1]!;
    k += field.marker ? 3 : 2;
    const description: string[] = [];
    let blanks = 0;
    while (k < lines.length && description.length < MAX_DESCRIPTION_LINES) {
      const text = lines[k]!.text;
      if (text === '') {
        blanks++;
        // Two blank lines end a field's description; what follows belongs to the page.
        if (blanks >= 2 && description.length > 0) break;
        k++;
        continue;
      }
      // Portals print the field's name again where it has no description (`errors` / ... / `errors`).
      const repeated = description.length === 0 && text.toLowerCase() === nameLine.text.toLowerCase();
      if (!repeated && (fieldAt(lines, k, underHeaders) || endsFields(text) || METHOD_ALONE.test(text) || METHOD_ALONE.test(lines[k + 1]?.text ?? ''))) break;
      blanks = 0;
      description.push(text);
      k++;
    }
    rows.push({
      name: nameLine.text,
      type: typeLine.text,
      required: field.marker ?? '',
      description: description.join(' ').replace(/\s+/g, ' ').trim(),
      in: '',
      default: '',
      at: { line: nameLine.index + 1, column: nameLine.indent + 1 },
      typeAt: { line: typeLine.index + 1, column: typeLine.indent + 1 },
      nested: [],
    });
    // Blank lines between fields stay with the table.
    while (k < lines.length && lines[k]!.text === '' && fieldAt(lines, nextNonBlank(lines, k), underHeaders)) k++;
  }
  const first = lines[from]!;
  return { blocks: [{ kind: 'table', columns: ['name', 'type', 'required', 'description'], rows, at: { line: first.index + 1, column: first.indent + 1 } }], next: k };
}

/** A type line, a name line and, unless under a headers title, a `Required`/`Optional` line. */
function fieldAt(lines: readonly TextLine[], k: number, underHeaders: boolean): { marker?: string } | undefined {
  const type = lines[k]?.text ?? '';
  const name = lines[k + 1]?.text ?? '';
  if (!type || !NAME.test(name) || MARKER.test(name) || METHOD_ALONE.test(name)) return undefined;
  const expr = parseTypeExpression(type);
  if (!expr) return undefined;
  const marker = MARKER.exec(lines[k + 2]?.text ?? '')?.[1];
  if (marker) return { marker };
  // A header printed without a marker: a plain type and a name that looks like a header.
  if (underHeaders && expr.kind !== 'named' && HEADER_NAME.test(name)) return {};
  return undefined;
}

function previousText(lines: readonly TextLine[], from: number): string {
  for (let k = from - 1; k >= 0; k--) if (lines[k]!.text !== '') return lines[k]!.text;
  return '';
}

function nextNonBlank(lines: readonly TextLine[], from: number): number {
  let k = from;
  while (k < lines.length && lines[k]!.text === '') k++;
  return k;
}
