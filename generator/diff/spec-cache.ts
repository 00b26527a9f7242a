// Specs specmill wrote, kept as JSON by the hash of their YAML text (node_modules/.cache/specmill),
// so that comparing a large spec with its previous version does not parse megabytes of YAML. A
// miss (another machine, a hand-edited spec) falls back to parsing.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '../core/openapi-types.js';

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/specmill/specs/', import.meta.url));
const KEEP = 32;

function cacheFile(text: string): string {
  return path.join(CACHE_DIR, `${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`);
}

export function recallSpec(text: string): OpenApiDocument | undefined {
  try {
    return JSON.parse(readFileSync(cacheFile(text), 'utf8')) as OpenApiDocument;
  } catch {
    return undefined;
  }
}

export function rememberSpec(text: string, spec: OpenApiDocument): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cacheFile(text), JSON.stringify(spec));
    // Keep the newest few: older ones are specs no longer on disk anywhere.
    const entries = readdirSync(CACHE_DIR)
      .map((name) => path.join(CACHE_DIR, name))
      .sort((x, y) => statSync(x).mtimeMs - statSync(y).mtimeMs);
    for (const file of entries.slice(0, Math.max(0, entries.length - KEEP))) rmSync(file, { force: true });
  } catch {
    // read-only node_modules: the next diff parses the YAML instead
  }
}
