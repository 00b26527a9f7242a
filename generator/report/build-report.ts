// `specmill report`: for each API, imports its pages as `generate` does, reads what each page's
// blocks fed (page-coverage.ts), finds those facts in specs/<api>/openapi.yaml, and writes
// `<out>/<api>.report.html` (render-report.ts) whole or not at all; then the index that links them.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commandHint } from '../core/command-hint.js';
import type { ResolvedApi, ResolvedConfig } from '../config/config.js';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { reportFileName, writeIndex } from '../docs/build-docs.js';
import { importPage } from '../importers/index.js';
import type { ImportResult, Page } from '../importers/importer.js';
import { normalizeApi, type SourcedFragment } from '../normalize/index.js';
import type { OpenApiDocument } from '../core/openapi-types.js';
import { listPages } from '../pipeline.js';
import { decodePage } from '../parse/decode-page.js';
import { resolvePointer, splitPointer } from '../spec/references.js';
import { parseStructured, type StructuredText } from '../parse/structured-text.js';
import { writeFileAtomic } from '../output/write-output.js';
import { printYaml } from '../spec/yaml-print.js';
import { readPageSpans } from './page-coverage.js';
import { renderReport, type ReportModel, type ReportPage, type ReportSpan, type SpecPlaceEntry } from './render-report.js';
import { indexSpec, placeInSpec, type SpecIndex } from './spec-locations.js';

export interface ReportSummary {
  api: string;
  /** The report's absolute path. */
  file: string;
  pages: number;
  measured: number;
  blocks: number;
  used: number;
  unread: number;
  refused: number;
}

export interface ReportsResult {
  reports: ReportSummary[];
  /** The index page's absolute path. */
  index: string;
  diagnostics: Diagnostic[];
}

/** Lines of YAML shown per spec path: enough to recognize it, short enough to scan. */
const YAML_LINES = 24;

/** Writes `<outDir>/<api>.report.html` for the named APIs (all when none are named), then the index. */
export async function buildReports(config: ResolvedConfig, outDir: string, only: readonly string[] = []): Promise<ReportsResult> {
  const diagnostics: Diagnostic[] = [];
  const known = new Set(config.apis.map((a) => a.name));
  for (const name of only) {
    if (!known.has(name)) diagnostics.push(error(`no API "${name}" in the config: expected one of ${[...known].join(', ')}`, { file: path.relative(config.root, config.configFile) }));
  }
  if (hasErrors(diagnostics)) return { reports: [], index: path.join(outDir, 'index.html'), diagnostics };
  mkdirSync(outDir, { recursive: true });
  const reports: ReportSummary[] = [];
  for (const api of config.apis.filter((a) => only.length === 0 || only.includes(a.name))) {
    const specFile = relative(config.root, api.specFile);
    if (!existsSync(api.specFile)) {
      diagnostics.push(error(`no spec yet: run \`${commandHint(config.root, 'generate')}\` first`, { file: specFile }));
      continue;
    }
    const parsed = parseStructured(readFileSync(api.specFile, 'utf8'), { file: specFile });
    if (!parsed.result) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const model = await buildReportModel(api, config, parsed.result);
    const file = path.join(outDir, reportFileName(api.name));
    writeFileAtomic(file, renderReport(model));
    reports.push(summarizeReport(api.name, file, model));
  }
  const index = writeIndex(config, outDir);
  return { reports, index, diagnostics };
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

interface ImportedPage {
  page: Page;
  result: ImportResult & { format?: string };
}

/** Imports the API's pages as `generate` does, and lays out what the report shows of each. */
export async function buildReportModel(api: ResolvedApi, config: ResolvedConfig, spec: StructuredText): Promise<ReportModel> {
  const imported: ImportedPage[] = [];
  for (const file of listPages(api)) {
    const pagePath = relative(config.root, file);
    const decoded = decodePage(readFileSync(file), pagePath);
    const page = { text: decoded.text, path: pagePath };
    const result = await importPage(page, api.format, `set apis.${api.name}.format in the specmill config to force one`);
    imported.push({ page, result: { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics] } });
  }
  // What the normalizer says of a page (a component two pages describe differently) is the page's too.
  const fragments: SourcedFragment[] = imported.flatMap(({ page, result }) => (result.fragment ? [{ page: page.path, fragment: result.fragment }] : []));
  const normalized = imported.every(({ result }) => !hasErrors(result.diagnostics))
    ? normalizeApi(fragments, { strict: config.strict, inferPagination: api.inferPagination, ...(api.title ? { title: api.title } : {}) }).diagnostics
    : [];
  const index = indexSpec(spec.value);
  const places = new SpecPlaces(index, spec);
  const pages = imported.map(({ page, result }, i) => reportPage(page, result, normalized.filter((d) => d.location?.file === page.path), places, i));
  const specPlaces = places.inSpecOrder(pages);
  const info = (spec.value as { info?: { title?: unknown } } | undefined)?.info;
  return {
    api: api.name,
    title: typeof info?.title === 'string' ? info.title : api.name,
    specFile: relative(config.root, api.specFile),
    generateCommand: commandHint(config.root, 'generate'),
    pages,
    specPlaces,
  };
}

/** The spec paths the pages fed, each once. */
class SpecPlaces {
  private readonly entries: SpecPlaceEntry[] = [];
  private readonly byPointer = new Map<string, number>();

  constructor(
    private readonly index: SpecIndex,
    private readonly spec: StructuredText,
  ) {}

  add(fragment: OpenApiDocument, fragmentPointer: string, fedBy: { page: number; span: number }): number {
    const place = placeInSpec(fragment, fragmentPointer, this.index);
    let n = this.byPointer.get(place.pointer);
    if (n === undefined) {
      n = this.entries.length;
      this.byPointer.set(place.pointer, n);
      const entry: SpecPlaceEntry = { pointer: place.pointer, found: place.found, fedBy: [] };
      if (place.found) {
        entry.line = this.spec.locate(place.pointer).line;
        entry.yaml = excerpt(printYaml(resolvePointer(this.index.doc, splitPointer(place.pointer) ?? [])));
      }
      this.entries.push(entry);
    }
    this.entries[n]!.fedBy.push(fedBy);
    return n;
  }

  /** The entries in the order the spec holds them (those it lacks last), the pages' spans renumbered to match. */
  inSpecOrder(pages: ReportPage[]): SpecPlaceEntry[] {
    const order = this.entries
      .map((entry, n) => ({ entry, n }))
      .sort((a, b) => Number(!a.entry.found) - Number(!b.entry.found) || (a.entry.line ?? 0) - (b.entry.line ?? 0) || (a.entry.pointer < b.entry.pointer ? -1 : a.entry.pointer > b.entry.pointer ? 1 : 0));
    const renumbered = new Map(order.map(({ n }, i) => [n, i]));
    for (const page of pages) for (const span of page.spans) if (span.specPlace !== undefined) span.specPlace = renumbered.get(span.specPlace)!;
    return order.map(({ entry }) => entry);
  }
}

function excerpt(yaml: string): string {
  const lines = yaml.replace(/\n$/, '').split('\n');
  if (lines.length <= YAML_LINES) return lines.join('\n');
  return [...lines.slice(0, YAML_LINES), `… (${lines.length - YAML_LINES} more lines)`].join('\n');
}

function reportPage(page: Page, result: ImportResult & { format?: string }, normalized: Diagnostic[], places: SpecPlaces, pageIndex: number): ReportPage {
  const diagnostics = [...result.diagnostics, ...normalized];
  const measured = readPageSpans(page, result);
  const spans: ReportSpan[] = (measured?.spans ?? []).map((span, j) => {
    const reported: ReportSpan = { from: span.from, to: span.to, state: span.state, kind: span.kind, at: span.at, diagnostics: [] };
    if (span.state === 'fed' && span.pointer !== undefined && result.fragment) reported.specPlace = places.add(result.fragment, span.pointer, { page: pageIndex, span: j });
    if (span.state === 'unread') {
      // The importer's own warning at the span's place, else what the coverage record says of it.
      diagnostics.forEach((d, k) => {
        if (d.location?.line === span.at.line && (d.location.column ?? 1) === span.at.column) reported.diagnostics.push(k);
      });
      const said = reported.diagnostics.map((k) => diagnostics[k]!.message);
      reported.message =
        said.length > 0
          ? said.join('; ')
          : measured!.measure === 'documents'
            ? `${span.kind} fed nothing in the spec: it holds no OpenAPI document the importer used`
            : `${span.kind}${span.section ? ` under \`${span.section}\`` : ''} was not read`;
    }
    return reported;
  });
  const reportedPage: ReportPage = { path: page.path, text: page.text, spans, diagnostics };
  if (result.format) reportedPage.format = result.format;
  if (measured) reportedPage.coverage = { measure: measured.measure, blocks: measured.blocks, used: measured.used };
  else reportedPage.notMeasured = result.format ? `the ${result.format} importer does not record which blocks it read` : 'no importer read the page';
  return reportedPage;
}

function summarizeReport(api: string, file: string, model: ReportModel): ReportSummary {
  const measured = model.pages.filter((p) => p.coverage);
  return {
    api,
    file,
    pages: model.pages.length,
    measured: measured.length,
    blocks: measured.reduce((n, p) => n + p.coverage!.blocks, 0),
    used: measured.reduce((n, p) => n + p.coverage!.used, 0),
    unread: model.pages.reduce((n, p) => n + p.spans.filter((s) => s.state === 'unread').length, 0),
    refused: model.pages.filter((p) => hasErrors(p.diagnostics)).length,
  };
}
