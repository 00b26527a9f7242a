// Runs once before every test file: makes sure dist/ (what the bin runs, and what `npm pack`
// ships) is built from the sources as they are, so that no test runs or packs a stale build.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export default async function setup(): Promise<void> {
  const build = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as { isBuildFresh(): boolean; build(): Promise<void> };
  if (!build.isBuildFresh()) await build.build();
}
