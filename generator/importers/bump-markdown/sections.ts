// Groups a page's lines under their `#` headings: a tree in which each section holds the lines up
// to its next heading and the deeper headings below it.
import type { PageLine } from './page-lines.js';

export interface Section {
  /** 1-6 for `#`-headings; 0 for the page itself (the lines before its first heading). */
  level: number;
  /** The heading's text; on a flattened page it runs on into the text that followed it. */
  title: string;
  /** The heading line, or the page's first line for the page itself. */
  at: PageLine;
  /** Lines up to the next heading, blank ones left out. */
  lines: PageLine[];
  children: Section[];
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

export function buildSections(lines: readonly PageLine[]): Section {
  const first = lines[0] ?? { text: '', indent: 0, offset: 0, verbatim: false };
  const root: Section = { level: 0, title: '', at: first, lines: [], children: [] };
  const open: Section[] = [root];
  for (const line of lines) {
    if (!line.text) continue;
    const heading = line.verbatim || line.indent > 3 ? null : HEADING.exec(line.text);
    if (!heading) {
      open[open.length - 1]?.lines.push(line);
      continue;
    }
    const level = heading[1]?.length ?? 1;
    const title = (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim();
    while ((open[open.length - 1]?.level ?? 0) >= level) open.pop();
    const section: Section = { level, title, at: line, lines: [], children: [] };
    (open[open.length - 1] ?? root).children.push(section);
    open.push(section);
  }
  return root;
}
