// Picks the reader for a page's rendering (HTML, Markdown export, or text) and reads it into blocks.
import type { Page } from '../importer.js';
import type { ReadResult } from './blocks.js';
import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import { readText } from './read-text.js';

export type Rendering = 'html' | 'markdown' | 'text';

function renderingOf(text: string): Rendering {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/i.test(start)) return 'html';
  if (start.startsWith('<') && /<\/(?:main|article|section|div|table|p|h[1-6])>/i.test(text)) return 'html';
  // A delimiter row or an ATX heading: Markdown. Pipe tables in text have no delimiter row.
  if (/^\s{0,3}\|?\s*:?-{3,}:?\s*\|/m.test(text) || /^#{1,6}\s+\S/m.test(text)) return 'markdown';
  return 'text';
}

export function readPage(page: Page): ReadResult & { rendering: Rendering } {
  const rendering = renderingOf(page.text);
  const read = rendering === 'html' ? readHtml : rendering === 'markdown' ? readMarkdown : readText;
  return { rendering, ...read(page.text, page.path) };
}
