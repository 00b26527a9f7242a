// `property-tables`: a reference page that describes one operation with tables of
// `Name | Type | Required | Description`, as text (cells run together or joined by pipes), as its
// Markdown export, or as HTML. Readers per rendering feed one page model; one builder makes OpenAPI.
import type { Diagnostic } from '../diagnostics.js';
import type { Importer, ImportResult, Page } from './importer.js';
import { buildFragment } from './page/build-fragment.js';
import { readPageModel } from './page/assemble-operation.js';
import { findOperation } from './page/find-operation.js';
import { readPage } from './page/read-page.js';

export const propertyTablesImporter: Importer = {
  name: 'property-tables',
  description: 'a reference page (text, Markdown or HTML) with `Name | Type | Required | Description` property tables',
  detect,
  importPage,
};

function importPage(page: Page): ImportResult {
  const read = readPage(page);
  const { model, diagnostics, coverage } = readPageModel(read.blocks, page.path);
  if (!model) return { diagnostics: inPageOrder([...read.diagnostics, ...diagnostics]), coverage };
  const built = buildFragment(model, page.path);
  return { fragment: built.fragment, diagnostics: inPageOrder([...read.diagnostics, ...diagnostics, ...built.diagnostics]), coverage };
}

function detect(page: Page): number {
  const { blocks } = readPage(page);
  const tables = blocks.filter((block) => block.kind === 'table' && block.rows.length > 0).length;
  const operation = findOperation(blocks) !== undefined;
  let score = tables === 0 ? (operation ? 0.1 : 0) : operation ? 0.9 : 0.4;
  if (tables > 0 && blocks.some((block) => block.kind === 'open')) score += 0.05;
  // A page that embeds an OpenAPI document is better read from that document.
  if (/["']?(?:openapi|swagger)["']?\s*:\s*["']?\d/.test(page.text)) score = Math.min(score, 0.2);
  return Math.round(score * 100) / 100;
}

function inPageOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.location?.line ?? 0, d.location?.column ?? 0] as const;
  return diagnostics.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}
