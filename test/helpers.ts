// Shared by the tests: paths, page loading and YAML snapshots.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS = path.resolve(ROOT, '../shared/seeds');

export function fixture(...parts: string[]): { text: string; path: string } {
  const file = path.join(ROOT, 'test/fixtures', ...parts);
  return { text: readFileSync(file, 'utf8'), path: `test/fixtures/${parts.join('/')}` };
}

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
