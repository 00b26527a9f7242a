// Runs once before every test file: makes sure dist/ (what the bin runs, and what `npm pack`
// ships) is built from the sources as they are, so that no test runs or packs a stale build; and
// finds the browser for the browser tests, unpacking it once, or says in one line that they skip.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';
import { chromiumExecutable, NO_BROWSER_MESSAGE, requireOrSkipBrowser } from './browser.js';

export default async function setup(): Promise<void> {
  const build = (await import(pathToFileURL(path.join(ROOT, 'scripts/build.mjs')).href)) as { isBuildFresh(): boolean; build(): Promise<void> };
  if (!build.isBuildFresh()) await build.build();
  const browser = requireOrSkipBrowser();
  if (browser) await chromiumExecutable(browser);
  else process.stderr.write(`\n!!! specmill tests: the browser tests (test/browser, test/docs, test/report) are SKIPPED: ${NO_BROWSER_MESSAGE}. SPECMILL_REQUIRE_BROWSER=1 makes this a failure.\n\n`);
}
