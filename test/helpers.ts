// Shared by the tests: paths, page loading and YAML snapshots.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where each seed page of ../shared/seeds is kept, unchanged, in this project. */
export const SEED_COPIES: Readonly<Record<string, string>> = {
  '000_8b16e981a714adc2.txt': 'specs/softwareone-marketplace/sources/create-extension-instance.md',
  '001_8aa89d55e2f4932d.txt': 'specs/softwareone-marketplace/sources/list-extension-instances.md',
  '002_2aaea495d352ef51.txt': 'specs/elastic-cloud/sources/create-extension.md',
  '003_ebfbe447b3948f37.txt': 'specs/flowkiwi/sources/create-instance.txt',
  '004_68b5ddc88128bc58.txt': 'specs/cloud-foundry/sources/create-service-instance.txt',
};

/** The project's copy of a seed page, so tests need nothing outside the repository. */
export function seedPath(seed: string): string {
  const copy = SEED_COPIES[seed];
  if (!copy) throw new Error(`no copy of seed ${seed}`);
  return path.join(ROOT, copy);
}

export function fixture(...parts: string[]): { text: string; path: string } {
  const file = path.join(ROOT, 'test/fixtures', ...parts);
  return { text: readFileSync(file, 'utf8'), path: `test/fixtures/${parts.join('/')}` };
}

export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
