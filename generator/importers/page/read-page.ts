// Picks the reader for a page's rendering (HTML, Markdown export, or text) and reads it into blocks.
import type { Page } from '../importer.js';
import type { ReadResult } from './blocks.js';
import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import { readText } from './read-text.js';
import { isRunTogetherText, readRunTogetherText } from './read-flattened-text.js';
import { LineIndex } from '../../parse/line-index.js';
import { isFlattenedMarkdown, unflatten } from './unflatten.js';
import { isFlattenedText, readFlattenedText } from './unflatten-text.js';

export type Rendering = 'html' | 'markdown' | 'flattened-markdown' | 'text';

function renderingOf(text: string): Rendering {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/i.test(start)) return 'html';
  if (start.startsWith('<') && /<\/(?:main|article|section|div|table|p|h[1-6])>/i.test(text)) return 'html';
  if (isFlattenedMarkdown(text)) return 'flattened-markdown';
  const headed = /^#{1,6}\s+\S/m.test(text) || /^\s{0,3}(?:```|~~~)/m.test(text);
  return headed && markdownEvidence(text) >= 3 ? 'markdown' : 'text';
}

/**
 * How much the page reads as Markdown rather than as text copied from a rendered page: headings,
 * fences, pipe tables framed by pipes, list markers, inline code and bold count for it; bullets
 * (`•`) and table cells that each end a line with a pipe count against it.
 */
function markdownEvidence(text: string): number {
  let score = 0;
  if (/^#{1,6}\s+\S/m.test(text)) score += 2;
  if (/^\s{0,3}(?:```|~~~)/m.test(text)) score += 2;
  if (/^\s{0,3}\|\s*:?-{3,}:?\s*\|/m.test(text) && /^\s{0,3}\|.*\|\s*$/m.test(text)) score += 2;
  if (/^\s{0,3}[-*+] \S/m.test(text)) score += 1;
  if (/`[^`\n]+`/.test(text)) score += 1;
  if (/\*\*[^*\n]+\*\*/.test(text)) score += 1;
  if (/^\s*[•●◦]\s/m.test(text)) score -= 3;
  const lines = text.split('\n');
  // Cells that each end their own line with a pipe, and rows with no pipe before their first cell:
  // tables copied as text, which Markdown misreads.
  if (lines.filter((line) => line.endsWith(' |') && !line.trimStart().startsWith('|')).length >= 3) score -= 3;
  if (lines.filter((line) => !/^\s*\|/.test(line) && line.split('|').length >= 3).length >= 2) score -= 3;
  return score;
}

/** Detection and import read the same page one after the other: the last reading is kept for both. */
let last: { text: string; path: string; result: ReadResult & { rendering: Rendering } } | undefined;

export function readPage(page: Page): ReadResult & { rendering: Rendering } {
  if (last && last.text === page.text && last.path === page.path) return last.result;
  const result = readRendering(page);
  last = { text: page.text, path: page.path, result };
  return result;
}

function readRendering(page: Page): ReadResult & { rendering: Rendering } {
  const rendering = renderingOf(page.text);
  if (rendering === 'flattened-markdown') {
    const index = new LineIndex(page.text);
    return { rendering, ...readMarkdown(unflatten(page.text), page.path, (offset) => index.position(offset)) };
  }
  if (rendering === 'text' && isRunTogetherText(page.text)) return { rendering, ...readRunTogetherText(page.text) };
  if (rendering === 'text' && isFlattenedText(page.text)) return { rendering, ...readFlattenedText(page.text, page.path) };
  const read = rendering === 'html' ? readHtml : rendering === 'markdown' ? readMarkdown : readText;
  return { rendering, ...read(page.text, page.path) };
}
