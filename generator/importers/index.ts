// The table of page formats. Adding a format is one new importer file and one row here.
import { error, positionOf, warning, type Diagnostic } from '../core/diagnostics.js';
import { bumpMarkdownImporter } from './bump-markdown.js';
import type { Importer, ImportResult, Page } from './importer.js';
import { jsonSamplesImporter } from './json-samples.js';
import { openapiInMarkdownImporter } from './openapi-in-markdown.js';
import { openapiImporter } from './openapi.js';
import { referencePageImporter } from './reference-page.js';

// The page model's general reading comes last: any format that shows its marks wins over it.
export const importers: readonly Importer[] = [openapiImporter, openapiInMarkdownImporter, bumpMarkdownImporter, jsonSamplesImporter, referencePageImporter];

/** Names a format had before, still accepted by `--format` and the config. */
const FORMAT_ALIASES: Readonly<Record<string, string>> = { 'property-tables': 'reference-page' };

export const formatNames: readonly string[] = importers.map((i) => i.name);

/** Every name `--format` accepts: the formats and their older names. */
export const acceptedFormatNames: readonly string[] = [...formatNames, ...Object.keys(FORMAT_ALIASES)];

export function findImporter(name: string): Importer | undefined {
  const canonical = Object.hasOwn(FORMAT_ALIASES, name) ? FORMAT_ALIASES[name] : name;
  return importers.find((i) => i.name === canonical);
}

/** The importer most confident about the page; ties go to the earlier row. */
export function detectFormat(page: Page): Importer | undefined {
  let best: Importer | undefined;
  let bestScore = 0;
  for (const importer of importers) {
    const score = importer.detect(page);
    if (score > bestScore) {
      best = importer;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Imports one page, detecting its format unless one is forced. Never throws for bad input.
 * `forceHint` says how the caller forces a format (`import` has --format; generate reads the config).
 */
export async function importPage(page: Page, format?: string, forceHint = 'use --format NAME to force one'): Promise<ImportResult & { format?: string }> {
  const importer = format ? findImporter(format) : detectFormat(page);
  if (!importer) {
    const diagnostic: Diagnostic = format
      ? error(`unknown format "${format}": expected one of ${formatNames.join(', ')}`, { file: page.path })
      : error(`cannot tell the page's format: expected one of ${formatNames.join(', ')} (${forceHint})`, {
          file: page.path,
          line: 1,
        });
    return { diagnostics: [diagnostic] };
  }
  try {
    const result = await importer.importPage(page);
    const proto = page.text.indexOf('__proto__');
    if (proto !== -1 && result.fragment) {
      // Text importers build objects from page words; a name `__proto__` cannot be an own key there.
      result.diagnostics.push(warning('a name "__proto__" on this page is not supported and was left out', { file: page.path, ...positionOf(page.text, proto) }));
    }
    return { ...result, format: importer.name };
  } catch (e) {
    // An importer that throws has a bug; report it against the page rather than crash the run.
    return {
      format: importer.name,
      diagnostics: [error(`the ${importer.name} importer failed: ${(e as Error).stack ?? String(e)}`, { file: page.path })],
    };
  }
}

/** The diagnostic `importPage` gives when an importer threw: a bug in specmill, not in the page. */
export function isImporterFailure(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && /^the \S+ importer failed: /.test(diagnostic.message);
}
