// `specmill diff` and the summary `specmill generate` prints: each API's spec as committed (or as
// on disk) against the one its pages and overlays produce now, run through diffSpecs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { error, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { isObject, type OpenApiDocument } from '../core/openapi-types.js';
import { runPipeline } from '../pipeline.js';
import { printSpec } from '../spec/spec-file.js';
import { parseStructured } from '../parse/structured-text.js';
import { recallSpec } from './spec-cache.js';
import { countChanges, diffSpecs } from './diff-specs.js';
import { formatReport, formatSummaryLine, type ApiDiff, type ReportFormat } from './format-report.js';
import { readAtCommit, resolveRevision } from './git-revision.js';

export interface DiffOptions {
  /** A git revision; default `HEAD`. */
  base: string;
  format: ReportFormat;
  /** Exit 1 when a change is breaking. */
  failOnBreaking: boolean;
  lenient: boolean;
  /** `--deprecation-days N`: the deprecation policy (see DiffSpecsOptions); undefined when off. */
  deprecationDays?: number;
}

export interface DiffRun {
  exitCode: number;
  report: string;
  diagnostics: Diagnostic[];
}

export async function runDiff(config: ResolvedConfig, apiName: string | undefined, options: DiffOptions): Promise<DiffRun> {
  const apis = apiName === undefined ? config.apis : config.apis.filter((a) => a.name === apiName);
  if (apis.length === 0) {
    const known = config.apis.map((a) => a.name).join(', ');
    return { exitCode: 1, report: '', diagnostics: [error(`no API named ${apiName} in the config (it has: ${known || 'none'})`, { file: path.relative(process.cwd(), config.configFile) || config.configFile })] };
  }
  const commit = resolveRevision(config.root, options.base);
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, OpenApiDocument | undefined>();
  for (const api of apis) {
    const text = readAtCommit(config.root, commit, api.specFile);
    if (text === undefined) bases.set(api.name, undefined);
    else {
      const parsed = readSpec(text, `${options.base}:${path.relative(config.root, api.specFile).split(path.sep).join('/')}`);
      diagnostics.push(...parsed.diagnostics);
      bases.set(api.name, parsed.spec);
    }
  }
  if (hasErrors(diagnostics)) return { exitCode: 1, report: '', diagnostics };

  const result = await runPipeline({ ...config, lenient: options.lenient }, apis.map((a) => a.name));
  diagnostics.push(...result.diagnostics);
  if (hasErrors(result.diagnostics)) return { exitCode: 1, report: '', diagnostics };

  const diffs: ApiDiff[] = [];
  for (const api of apis) {
    const head = result.specs.get(api.name);
    if (!head) continue;
    const base = bases.get(api.name);
    const changes = diffSpecs(base, head, options.deprecationDays === undefined ? {} : { deprecationDays: options.deprecationDays });
    diffs.push({ api: api.name, base: options.base, ...(base ? {} : { new: true }), changes });
  }
  const breaking = diffs.some((d) => countChanges(d.changes).breaking > 0);
  return { exitCode: options.failOnBreaking && breaking ? 1 : 0, report: formatReport(diffs, options.format), diagnostics };
}

/**
 * One line per API whose spec the run changes, from the spec on disk to the new one; read before
 * the new files are written.
 */
/**
 * `printed` holds the new spec files' text when the caller has it (the pipeline's output), so that
 * an unchanged spec costs a string comparison rather than a second print.
 */
export function summarizeSpecChanges(config: ResolvedConfig, specs: ReadonlyMap<string, OpenApiDocument>, printed?: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const api of config.apis) {
    const spec = specs.get(api.name);
    if (!spec) continue;
    if (!existsSync(api.specFile)) {
      const count = diffSpecs(undefined, spec).length;
      lines.push(`${api.name}: new spec with ${count} operation${count === 1 ? '' : 's'}`);
      continue;
    }
    const text = readFileSync(api.specFile, 'utf8');
    const now = printed?.get(path.relative(config.root, api.specFile).split(path.sep).join('/')) ?? printSpec(spec);
    if (text === now) continue;
    const old = recallSpec(text) ?? readSpec(text, path.relative(config.root, api.specFile)).spec;
    const changes = diffSpecs(old, spec);
    lines.push(changes.length > 0 ? formatSummaryLine(api.name, changes) : `${api.name}: 0 changes for callers (the spec's text changed)`);
  }
  return lines;
}

function readSpec(text: string, file: string): { spec?: OpenApiDocument; diagnostics: Diagnostic[] } {
  const parsed = parseStructured(text, { file });
  if (!parsed.result) return { diagnostics: parsed.diagnostics };
  if (!isObject(parsed.result.value)) return { diagnostics: [error('expected an OpenAPI document', { file })] };
  return { spec: parsed.result.value, diagnostics: [] };
}
