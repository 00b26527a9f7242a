// `specmill docs`: an HTML API reference per spec, built by `redocly build-docs` (Redoc, its scripts
// inlined so that a page works offline and from file://), and an index page that links them and the
// coverage reports `specmill report` writes beside them.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { commandHint } from '../core/command-hint.js';
import type { ResolvedConfig } from '../config/config.js';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { checkFileReferences } from '../guard/check-references.js';
import { HTTP_METHODS, isObject } from '../core/openapi-types.js';
import { runRedocly } from '../tools/redocly.js';
import { parseStructured } from '../parse/structured-text.js';
import { writeFileAtomic } from '../output/write-output.js';

export interface DocsPage {
  api: string;
  title: string;
  version: string;
  operations: number;
  /** The page's file name inside the output folder. */
  file: string;
}

export interface DocsResult {
  pages: DocsPage[];
  /** The index page's absolute path. */
  index: string;
  diagnostics: Diagnostic[];
}

/** An API on the index page: its reference page and its coverage report, those the folder holds. */
export interface IndexEntry extends Omit<DocsPage, 'file'> {
  file?: string;
  report?: string;
}

export const DEFAULT_DOCS_DIR = 'docs-site';

/** The coverage report's file name beside the API's reference page (`specmill report`). */
export function reportFileName(api: string): string {
  return `${api}.report.html`;
}

/** Text for HTML content or a quoted attribute: every character that could open markup is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function describeSpec(file: string, api: string): Omit<DocsPage, 'file'> | undefined {
  const parsed = parseStructured(readFileSync(file, 'utf8'), { file });
  const spec = parsed.result?.value;
  if (!isObject(spec)) return undefined;
  const info = isObject(spec.info) ? spec.info : {};
  const paths = isObject(spec.paths) ? Object.values(spec.paths) : [];
  const operations = paths.reduce<number>((n, item) => n + (isObject(item) ? HTTP_METHODS.filter((m) => isObject(item[m])).length : 0), 0);
  return {
    api,
    title: typeof info.title === 'string' ? info.title : api,
    version: typeof info.version === 'string' ? info.version : '',
    operations,
  };
}

export function indexPage(pages: readonly IndexEntry[]): string {
  const link = (file: string, text: string) => `<a href="${escapeHtml(encodeURIComponent(file))}">${escapeHtml(text)}</a>`;
  const items = pages
    .map((p) => {
      const title = p.file ? link(p.file, p.title) : escapeHtml(p.title);
      const version = p.version ? ` <span class="version">${escapeHtml(p.version)}</span>` : '';
      const report = p.report ? ` <span class="count">(${link(p.report, 'coverage report')})</span>` : '';
      return `      <li>${title}${version} <span class="count">${p.operations} operation${p.operations === 1 ? '' : 's'}</span>${report}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>API reference</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
      li { margin: 0.5rem 0; }
      .version, .count { color: #666; font-size: 0.875rem; }
    </style>
  </head>
  <body>
    <h1>API reference</h1>
    <ul>
${items}
    </ul>
    <p class="count">Built by specmill from the specs under specs/ (<code>specmill docs</code>, <code>specmill report</code>).</p>
  </body>
</html>
`;
}

/** Builds `<out>/<api>.html` for every API whose spec exists, then `<out>/index.html`. */
export async function buildDocs(config: ResolvedConfig, outDir: string, onPage: (api: string, phase: 'start' | 'end', ms?: number) => void = () => {}): Promise<DocsResult> {
  mkdirSync(outDir, { recursive: true });
  const diagnostics: Diagnostic[] = [];
  const pages: DocsPage[] = [];
  for (const api of config.apis) {
    const specFile = path.relative(config.root, api.specFile);
    const file = `${api.name}.html`;
    // A page left from an earlier run would be linked from the index as if it were built now.
    rmSync(path.join(outDir, file), { force: true });
    if (!existsSync(api.specFile)) {
      diagnostics.push(error(`no spec yet: run \`${commandHint(config.root, 'generate')}\` first`, { file: specFile }));
      continue;
    }
    const described = describeSpec(api.specFile, api.name);
    if (!described) {
      diagnostics.push(error('expected an OpenAPI document', { file: specFile }));
      continue;
    }
    // redocly build-docs follows every $ref in the spec as committed: checked as generate checks pages.
    const unsafe = checkFileReferences(api.specFile, specFile, 'document');
    if (unsafe.length > 0) {
      diagnostics.push(...unsafe);
      continue;
    }
    onPage(api.name, 'start');
    const start = performance.now();
    const run = await runRedocly(config.root, ['build-docs', specFile, '--output', path.join(outDir, file), '--inlineBundle', '--config', path.join(config.root, 'redocly.yaml')]);
    onPage(api.name, 'end', Math.round(performance.now() - start));
    if (!run.ok) {
      diagnostics.push(error(`redocly build-docs failed:\n${run.output}`, { file: specFile }));
      continue;
    }
    pages.push({ ...described, file });
  }
  return { pages, index: writeIndex(config, outDir), diagnostics };
}

/**
 * Writes `<outDir>/index.html`: every API whose spec exists, linked to the reference page and the
 * coverage report that the folder holds for it. Returns the index's path.
 */
export function writeIndex(config: ResolvedConfig, outDir: string): string {
  const entries: IndexEntry[] = [];
  for (const api of config.apis) {
    if (!existsSync(api.specFile)) continue;
    const described = describeSpec(api.specFile, api.name);
    if (!described) continue;
    const entry: IndexEntry = { ...described };
    if (existsSync(path.join(outDir, `${api.name}.html`))) entry.file = `${api.name}.html`;
    if (existsSync(path.join(outDir, reportFileName(api.name)))) entry.report = reportFileName(api.name);
    if (entry.file || entry.report) entries.push(entry);
  }
  const index = path.join(outDir, 'index.html');
  writeFileAtomic(index, indexPage(entries));
  return index;
}
