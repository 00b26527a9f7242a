// A page's YAML front matter (between `---` lines at its very start). Mintlify, GitBook and ReadMe
// sources keep the page's title and description there, and Markdown alone would read it as a rule
// and a heading; the page is given back with it blanked, every offset and line kept.
import { parseDocument } from 'yaml';
import { isObject } from '../../core/openapi-types.js';

export interface FrontMatter {
  title?: string;
  description?: string;
  /** The page's text with the front matter blanked (line breaks kept, so positions hold). */
  body: string;
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?=\r?\n|$)/;

export function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text };
  const body = match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length);
  const doc = parseDocument(match[1]!, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return { body };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return { body };
  }
  if (!isObject(value)) return { body };
  const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const title = textOf(value.title);
  const description = textOf(value.description);
  return { ...(title ? { title } : {}), ...(description ? { description } : {}), body };
}
