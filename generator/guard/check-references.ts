// The guard in front of third-party tools (swagger2openapi, openapi-typescript, redocly): every
// member they would follow as a reference must point inside the document, at something that
// exists. Otherwise they read local files (`/etc/...`, a FIFO that blocks the run) or make HTTP
// requests, and crash on dangling pointers. redocly follows `$ref` and `externalValue` even inside
// examples and extension values, so those are held to the same rule; which members are references
// is decided by the OpenAPI structure (../spec/references.ts), never skipped by key name.
import { readFileSync } from 'node:fs';
import { error, type Diagnostic, type SourceLocation } from '../core/diagnostics.js';
import { isObject, SOURCE_EXTENSION, SOURCES_EXTENSION, type JsonValue } from '../core/openapi-types.js';
import { parseSourceRef } from '../normalize/merge-fragments.js';
import { findReferenceSites, parseReference, resolvePointer, splitPointer, type ReferenceSite } from '../spec/references.js';
import { parseStructured } from '../parse/structured-text.js';

export interface CheckOptions {
  /** Where a pointer is in the page (a parsed page's `locate`); default: the file and the pointer. */
  locate?: (pointer: string) => SourceLocation;
  /**
   * Whether a local reference must point at something: false for one block of a page, whose
   * targets may be in another block or on another page.
   */
  dangling?: boolean;
  /** `data`: the value has no OpenAPI structure (an overlay), so every member found is data. */
  as?: 'document' | 'data';
}

const MAX_QUOTED = 200;

/** The reference as a message quotes it: JSON-escaped, and cut short when long. */
function quote(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}...` : value);
}

function describe(value: JsonValue): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** A file the spec was split into (`common.yaml#/Pet`, `../schemas/pet.json`). */
const SPEC_FILE = /\.(?:ya?ml|json)(?:#|$)/i;

/** What the user can do about a reference to something outside the document. */
function remedyFor(site: ReferenceSite): string {
  if (site.keyword === 'externalValue') return 'give the example as `value` in the document instead';
  const value = String(site.value);
  if (SPEC_FILE.test(value)) return 'join the files into one document first (`redocly bundle` does), or copy what it names into this one';
  return 'copy what it names into this document (under components) and refer to it as "#/components/schemas/Name", or write it out in place of the reference';
}

/** What is wrong with one site, or undefined when it is a reference the tools may follow. */
function checkSite(doc: unknown, site: ReferenceSite, dangling: boolean): string | undefined {
  const name = site.keyword === 'mapping' ? 'discriminator mapping' : site.keyword;
  if (typeof site.value !== 'string') return `expected $ref to be a string (a JSON pointer such as "#/components/schemas/Name"), got ${describe(site.value)}`;
  const what = `${name} ${quote(site.value)}`;
  if (site.role === 'misplaced') return `refused ${what}: this object cannot be a reference (its keys are names or fields), yet redocly would read it as one`;
  const parsed = parseReference(site.value);
  if (parsed.kind !== 'local') {
    const inData = site.role === 'data' ? ' (also in example, default and extension values, which redocly follows)' : '';
    const remedy = parsed.kind === 'external' && site.role === 'reference' ? `; ${remedyFor(site)}` : '';
    return `refused ${what}: ${parsed.problem}${parsed.kind === 'external' ? inData : ''}${remedy}`;
  }
  if (dangling && resolvePointer(doc, parsed.segments) === undefined) return `${what} points at nothing in the document`;
  return undefined;
}

/**
 * Reports every member that a tool would follow outside the document (or through a pointer it
 * reads differently), every `$ref` where the structure allows none, and, unless `dangling` is
 * false, every local reference that points at nothing.
 */
export function checkReferences(doc: unknown, file: string, options: CheckOptions = {}): Diagnostic[] {
  const { locate, dangling = true } = options;
  const where = (pointer: string): SourceLocation => (locate ? locate(pointer) : { file, pointer });
  const diagnostics: Diagnostic[] = [];
  for (const site of findReferenceSites(doc, { as: options.as ?? 'document' })) {
    const problem = checkSite(doc, site, dangling);
    if (problem) diagnostics.push(error(problem, where(site.pointer)));
  }
  return diagnostics;
}

/**
 * Locates pointers of a merged spec at the page of the nearest operation or schema around them
 * (their `x-specmill-source`), else at the spec file; the pointer names the exact place.
 */
export function locateBySource(doc: unknown, specFile: string): (pointer: string) => SourceLocation {
  return (pointer) => {
    const segments = splitPointer(pointer) ?? [];
    for (let length = segments.length; length >= 0; length--) {
      const node = resolvePointer(doc, segments.slice(0, length));
      if (!isObject(node)) continue;
      const many = node[SOURCES_EXTENSION];
      const source = node[SOURCE_EXTENSION] ?? (Array.isArray(many) ? many[0] : undefined);
      if (typeof source === 'string') return { ...parseSourceRef(source), pointer };
    }
    return { file: specFile, pointer };
  };
}

/**
 * The same check on a file about to be handed to redocly outside `generate` (`specmill lint` and
 * `docs` read the specs and overlays as committed): a spec (`document`) or an overlay (`data`).
 * A file that does not parse is left to redocly to report.
 */
export function checkFileReferences(file: string, shown: string, as: 'document' | 'data'): Diagnostic[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const parsed = parseStructured(text, { file: shown });
  if (!parsed.result) return [];
  return checkReferences(parsed.result.value, shown, { locate: parsed.result.locate, dangling: as === 'document', as });
}
