// A page's text as HTML with marked spans, for the coverage report. Spans may nest or overlap (an
// embedded document and the operations inside it; two blocks recorded at one place): the text is cut
// at every span's start and end, and each piece is drawn as the innermost span over it. Every piece
// of text is escaped; nothing from the page becomes markup.
import { escapeHtml } from '../docs/build-docs.js';

export interface SourceMark {
  /** Offsets into the text; `to` is exclusive. A mark with `to === from` is a badge at a place. */
  from: number;
  to: number;
  className: 'fed' | 'unread' | 'document' | 'diagnostic';
  /** The id of the badge that opens the mark (links land there). */
  id: string;
  /** Where the badge and the marked text link to (`#spec-3`). */
  href?: string;
  /** The badge's text; none is drawn when empty. */
  label: string;
  /** Shown on hover over the marked text and the badge. */
  title: string;
  /** A JSON pointer into the spec, kept on the marked text as `data-pointer`. */
  pointer?: string;
}

interface Placed extends SourceMark {
  order: number;
}

/** The text in `<pre>`-ready HTML: badges where marks start, marked pieces, plain text between. */
export function renderSource(text: string, marks: readonly SourceMark[]): string {
  const placed: Placed[] = marks.map((mark, order) => {
    const from = clamp(mark.from, text.length);
    return { ...mark, from, to: Math.max(from, clamp(mark.to, text.length)), order };
  });
  // Outer marks before inner ones where they start together; then as given.
  placed.sort((a, b) => a.from - b.from || b.to - a.to || a.order - b.order);
  const cuts = [...new Set([0, text.length, ...placed.flatMap((m) => [m.from, m.to])])].sort((a, b) => a - b);
  let html = '';
  let next = 0;
  const active: Placed[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.to <= at) active.splice(j, 1);
    while (next < placed.length && placed[next]!.from === at) {
      const mark = placed[next++]!;
      html += badge(mark);
      if (mark.to > mark.from) active.push(mark);
    }
    const end = cuts[i + 1];
    if (end === undefined || end === at) continue;
    html += piece(text.slice(at, end), active);
  }
  return html;
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.min(Math.max(Math.trunc(offset), 0), length) : 0;
}

function badge(mark: Placed): string {
  const title = mark.title ? ` title="${escapeHtml(mark.title)}"` : '';
  if (!mark.label) return `<span class="anchor" id="${escapeHtml(mark.id)}"></span>`;
  const tag = mark.href ? 'a' : 'span';
  const href = mark.href ? ` href="${escapeHtml(mark.href)}"` : '';
  return `<${tag} class="tag ${mark.className}" id="${escapeHtml(mark.id)}"${href}${title}>${escapeHtml(mark.label)}</${tag}>`;
}

/** One piece of text under the marks active over it: drawn as the innermost, titled with all of them. */
function piece(text: string, active: readonly Placed[]): string {
  if (active.length === 0) return escapeHtml(text);
  // The innermost: the one that starts last, then ends first; later marks win ties.
  const inner = active.reduce((best, mark) => (mark.from > best.from || (mark.from === best.from && (mark.to < best.to || (mark.to === best.to && mark.order > best.order))) ? mark : best));
  const classes: string[] = [inner.className];
  if (inner.className !== 'unread' && active.some((m) => m.className === 'unread')) classes.push('in-unread');
  const titles = [...active].sort((a, b) => b.from - a.from || a.to - b.to || b.order - a.order).map((m) => m.title).filter((t) => t !== '');
  const title = titles.length > 0 ? ` title="${escapeHtml([...new Set(titles)].join('\n'))}"` : '';
  const pointer = inner.pointer !== undefined ? ` data-pointer="${escapeHtml(inner.pointer)}"` : '';
  const tag = inner.href ? 'a' : 'span';
  const href = inner.href ? ` href="${escapeHtml(inner.href)}"` : '';
  return `<${tag} class="${classes.join(' ')}"${href}${pointer}${title}>${escapeHtml(text)}</${tag}>`;
}
