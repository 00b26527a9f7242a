// Runs every page of a corpus of real pages (one folder per kind, `<page>.gold.json` beside each
// page) through what a real run applies to a page (decode, detect and import, normalize, the
// reference guard) and scores the result against the page's gold.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { checkReferences } from '../guard/check-references.js';
import { importPage, isImporterFailure } from '../importers/index.js';
import { compareNatural } from '../core/natural-order.js';
import { normalizeApi } from '../normalize/index.js';
import { decodePage } from '../parse/decode-page.js';
import { readGold, type Gold } from './gold.js';
import { scorePage, type PageScore } from './score-page.js';
import { readOperations, type SpecOperation } from './spec-facts.js';

export interface PageResult {
  kind: string;
  /** The page's file name (`cal-delete-webhook.txt`). */
  name: string;
  /** The page's path relative to the corpus folder, as diagnostics name it. */
  file: string;
  format?: string;
  /** The run gave the user nothing for this page: an error at import, normalize or the guard. */
  refused: boolean;
  /** An importer or the normalizer threw: a bug. */
  crashed: boolean;
  diagnostics: Diagnostic[];
  score: PageScore;
}

export interface CorpusOptions {
  /** Only these kinds (folder names); all when empty. */
  kinds?: readonly string[];
}

const GOLD_SUFFIX = '.gold.json';

/** Pages of a corpus: each file that has a `<name>.gold.json` beside it (`<name>.<ext>`). */
export function listCorpus(dir: string, options: CorpusOptions = {}): { pages: { kind: string; name: string; page: string; gold: string }[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const pages: { kind: string; name: string; page: string; gold: string }[] = [];
  let kinds: string[];
  try {
    kinds = readdirSync(dir).filter((k) => !k.startsWith('.') && statSync(path.join(dir, k)).isDirectory()).sort(compareNatural);
  } catch (e) {
    return { pages, problems: [error(`cannot read the corpus: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (expected a folder with one folder of pages per kind)`, { file: dir })] };
  }
  if (options.kinds && options.kinds.length > 0) {
    for (const kind of options.kinds) if (!kinds.includes(kind)) problems.push(error(`no kind "${kind}" in the corpus: expected one of ${kinds.join(', ')}`, { file: dir }));
    kinds = kinds.filter((k) => options.kinds!.includes(k));
  }
  for (const kind of kinds) {
    const files = readdirSync(path.join(dir, kind)).sort(compareNatural);
    for (const gold of files.filter((f) => f.endsWith(GOLD_SUFFIX))) {
      const stem = gold.slice(0, -GOLD_SUFFIX.length);
      const page = files.find((f) => f !== gold && !f.endsWith(GOLD_SUFFIX) && f.slice(0, f.lastIndexOf('.')) === stem);
      if (!page) {
        problems.push(error(`no page for this gold file: expected ${stem}.<ext> beside it`, { file: path.join(dir, kind, gold) }));
        continue;
      }
      pages.push({ kind, name: page, page: path.join(dir, kind, page), gold: path.join(dir, kind, gold) });
    }
  }
  if (pages.length === 0 && problems.length === 0) problems.push(error('no pages with a <page>.gold.json beside them in the corpus', { file: dir }));
  return { pages, problems };
}

/** What a real run makes of one page: its operations, or undefined when the run would refuse it. */
export async function importForScoring(text: string, file: string): Promise<{ operations?: SpecOperation[]; format?: string; crashed: boolean; diagnostics: Diagnostic[] }> {
  const imported = await importPage({ text, path: file });
  const diagnostics = [...imported.diagnostics];
  const base = { crashed: diagnostics.some(isImporterFailure), diagnostics, ...(imported.format ? { format: imported.format } : {}) };
  if (!imported.fragment || hasErrors(diagnostics)) return base;
  try {
    const normalized = normalizeApi([{ page: file, fragment: imported.fragment }]);
    diagnostics.push(...normalized.diagnostics);
    if (hasErrors(normalized.diagnostics)) return base;
    const guarded = checkReferences(normalized.document, file);
    diagnostics.push(...guarded);
    if (hasErrors(guarded)) return base;
    return { ...base, operations: readOperations(normalized.document) };
  } catch (e) {
    diagnostics.push(error(`normalizing the page failed: ${(e as Error).stack ?? String(e)}`, { file }));
    return { ...base, crashed: true };
  }
}

export async function scoreCorpus(dir: string, options: CorpusOptions = {}): Promise<{ pages: PageResult[]; problems: Diagnostic[] }> {
  const { pages, problems } = listCorpus(dir, options);
  const results: PageResult[] = [];
  for (const entry of pages) {
    const { gold, diagnostics: goldProblems } = readGold(readFileSync(entry.gold, 'utf8'), entry.gold);
    problems.push(...goldProblems);
    if (!gold) continue;
    const file = path.relative(dir, entry.page).split(path.sep).join('/');
    const decoded = decodePage(readFileSync(entry.page), file);
    const imported = await importForScoring(decoded.text, file);
    results.push(resultOf(entry.kind, entry.name, file, gold, imported, decoded.diagnostics));
  }
  return { pages: results, problems };
}

function resultOf(
  kind: string,
  name: string,
  file: string,
  gold: Gold,
  imported: Awaited<ReturnType<typeof importForScoring>>,
  decodeDiagnostics: Diagnostic[],
): PageResult {
  return {
    kind,
    name,
    file,
    ...(imported.format ? { format: imported.format } : {}),
    refused: !imported.operations,
    crashed: imported.crashed,
    diagnostics: [...decodeDiagnostics, ...imported.diagnostics],
    score: scorePage(gold, imported.operations),
  };
}
