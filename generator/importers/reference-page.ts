// `reference-page`: a reference page of any other layout (text, Markdown or HTML: property tables,
// lists, stacked fields, samples, label lines), read by the page model's recognizers alone. It takes
// every page on which they find an operation and no other format shows its marks. Its older name,
// `property-tables`, is still accepted by `--format` and the config.
import type { Page } from './importer.js';
import { findOperation } from './page/find-operation.js';
import { readPage } from './page/read-page.js';
import { profileImporter } from './page/run-profile.js';

/** An operation the recognizers find, and tables of fields under it. */
function evidence(page: Page): number {
  const { blocks } = readPage(page);
  const tables = blocks.filter((block) => block.kind === 'table' && block.rows.length > 0).length;
  const operation = findOperation(blocks) !== undefined;
  let score = tables === 0 ? (operation ? 0.1 : 0) : operation ? 0.9 : 0.4;
  if (tables > 0 && blocks.some((block) => block.kind === 'open')) score += 0.05;
  // A page that embeds an OpenAPI document is better read from that document.
  if (/["']?(?:openapi|swagger)["']?\s*:\s*["']?\d/.test(page.text)) score = Math.min(score, 0.2);
  return Math.round(score * 100) / 100;
}

export const referencePageImporter = profileImporter({
  name: 'reference-page',
  description: 'a reference page of any other layout (text, Markdown or HTML): property tables, lists, stacked fields, samples, label lines',
  evidence,
  options: {},
});
