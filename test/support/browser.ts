// Headless Chromium for browser tests, driven by playwright-core (which never downloads a browser).
// The browser, first found wins: CHROME_PATH; on Linux x64 the Chromium that the @sparticuz/chromium
// npm package ships (unpacked once into node_modules/.cache, no root needed); a Chrome or Chromium
// installed in the usual places. With none, the browser tests skip and the global setup says so in
// one loud line, unless SPECMILL_REQUIRE_BROWSER=1 (CI sets it), which makes that a failure.
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { describe } from 'vitest';
import { ROOT } from '../helpers.js';

export interface ChromiumFound {
  /** Where it came from, for messages: `CHROME_PATH`, `@sparticuz/chromium 153.0.0`, or the path. */
  origin: string;
  /** The executable, or the compressed one of the npm package (unpacked by `chromiumExecutable`). */
  executable?: string;
  archive?: string;
}

export interface FindOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (file: string) => boolean;
}

/** The usual places of an installed Chrome or Chromium, per platform. */
function installedPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => path.join(os.homedir(), 'Applications', app))];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** The npm package's compressed Chromium, when it is installed (it is a devDependency). */
function sparticuzArchive(exists: (file: string) => boolean): { archive: string; version: string } | undefined {
  try {
    // Its exports leave out package.json: walk up from its entry to the folder that holds it.
    let folder = path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
    for (;;) {
      const manifest = path.join(folder, 'package.json');
      if (existsSync(manifest)) {
        const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
        if (name === '@sparticuz/chromium') {
          const archive = path.join(folder, 'bin', 'chromium.br');
          return exists(archive) ? { archive, version } : undefined;
        }
      }
      if (path.dirname(folder) === folder) return undefined;
      folder = path.dirname(folder);
    }
  } catch {
    return undefined;
  }
}

/** Finds a browser without starting or unpacking anything. CHROME_PATH set to a missing file is an error, not a skip. */
export function findChromium(options: FindOptions = {}): ChromiumFound | undefined {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  if (env.CHROME_PATH) {
    if (!exists(env.CHROME_PATH)) throw new Error(`CHROME_PATH is ${env.CHROME_PATH}, which does not exist`);
    return { origin: 'CHROME_PATH', executable: env.CHROME_PATH };
  }
  if (platform === 'linux' && (options.arch ?? process.arch) === 'x64') {
    const npm = sparticuzArchive(exists);
    if (npm) return { origin: `@sparticuz/chromium ${npm.version}`, archive: npm.archive };
  }
  const installed = installedPaths(platform, env).find((file) => exists(file));
  return installed ? { origin: installed, executable: installed } : undefined;
}

export const NO_BROWSER_MESSAGE =
  'no Chrome or Chromium: set CHROME_PATH, or run `npm ci` on Linux x64 (the @sparticuz/chromium package ships one)';

/**
 * The browser for this test run, or undefined to skip the browser tests. Throws when none is found
 * and `SPECMILL_REQUIRE_BROWSER=1` (CI) forbids the skip.
 */
export function requireOrSkipBrowser(options: FindOptions = {}): ChromiumFound | undefined {
  const found = findChromium(options);
  if (!found && (options.env ?? process.env).SPECMILL_REQUIRE_BROWSER === '1') throw new Error(`SPECMILL_REQUIRE_BROWSER=1, and ${NO_BROWSER_MESSAGE}`);
  return found;
}

const found = requireOrSkipBrowser();

/** `describe` for tests that need the browser: skipped when there is none (the global setup says so). */
export const describeInBrowser: typeof describe = found ? describe : (describe.skip as typeof describe);

/**
 * The browser's executable. The npm package's is unpacked once per version into node_modules/.cache,
 * through a temporary file renamed into place, so that test files starting together never run a
 * half-written binary.
 */
export async function chromiumExecutable(browser: ChromiumFound | undefined = found): Promise<string> {
  if (!browser) throw new Error(NO_BROWSER_MESSAGE);
  if (browser.executable) return browser.executable;
  const dir = path.join(ROOT, 'node_modules/.cache/specmill-chromium', browser.origin.replace(/^@sparticuz\/chromium /, ''));
  const executable = path.join(dir, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(dir, { recursive: true });
  const partial = `${executable}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(browser.archive!), createBrotliDecompress(), createWriteStream(partial));
    chmodSync(partial, 0o755);
    renameSync(partial, executable);
  } finally {
    rmSync(partial, { force: true });
  }
  return executable;
}

/**
 * The flags for this closed network: no sandbox (CI runs as root), no GPU, and none of Chromium's
 * own traffic (updates, sync, field trials, QUIC), whose connections the network refuses.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--no-pings',
  '--metrics-recording-only',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile (removed by `close`). */
export async function launchChromium(options: Pick<LaunchOptions, 'timeout'> = {}): Promise<Browser> {
  const executablePath = await chromiumExecutable();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'specmill-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_ARGS], ...options });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
