// Site navigation printed with the page: a list of the API's other operations, each a method word
// alone above its title (`GET` / `List service instances`), often under a group name. What follows
// the page's own operation in such a list is not the operation's: it is left out, and reported once.
import { HTTP_METHODS } from '../../core/openapi-types.js';
import type { Block } from './blocks.js';
import { findOperation } from './find-operation.js';

export interface Navigation {
  /** The first block of the navigation and one past its last. */
  start: number;
  end: number;
}

const METHOD_ALONE = new RegExp(`^(?:${HTTP_METHODS.join('|')})$`, 'i');
/** Fewer entries than this is a page listing its own method, not a menu. */
const MIN_ENTRIES = 3;

export function findNavigation(blocks: readonly Block[]): Navigation | undefined {
  const texts = blocks.map((block) => (block.kind === 'text' || block.kind === 'heading' ? block.text.replace(/\s+/g, ' ').trim() : undefined));
  // Entries: a method word alone, then a title that is no path.
  const entries: number[] = [];
  texts.forEach((text, index) => {
    const title = texts[index + 1];
    if (text !== undefined && METHOD_ALONE.test(text) && title !== undefined && title.length <= 80 && !/^(?:\/|https?:|\{)/.test(title) && !METHOD_ALONE.test(title)) entries.push(index);
  });
  for (let first = 0; first < entries.length; first++) {
    let last = first;
    while (last + 1 < entries.length && entries[last + 1]! - entries[last]! <= 3) last++;
    if (last - first + 1 >= MIN_ENTRIES) {
      let start = entries[first]!;
      // The group's name just above its first entry (`Service Instances`).
      const group = texts[start - 1];
      if (group !== undefined && group.length <= 60 && !/[.:;,]$/.test(group)) start--;
      // After the page's own operation, the rest of the page is the menu; before it, only the run is.
      const end = findOperation(blocks.slice(0, start)) ? blocks.length : entries[last]! + 2;
      return { start, end };
    }
    first = last;
  }
  return undefined;
}
