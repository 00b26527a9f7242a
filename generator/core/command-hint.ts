// How a hint names a specmill command so that it works where it is printed: the project's own npm
// script when one runs exactly that verb (`npm run generate`, this repository's `npm run lint:specs`),
// else `npx specmill <verb>`, which works wherever specmill is installed.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The scripts `specmill init` adds to a project's package.json. */
export const INIT_SCRIPTS: Readonly<Record<string, string>> = { generate: 'specmill generate', check: 'specmill check', lint: 'specmill lint' };

function readScripts(root: string): Record<string, unknown> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: unknown };
    return typeof manifest.scripts === 'object' && manifest.scripts !== null ? (manifest.scripts as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether an npm script runs `specmill <verb>` and nothing else (the bin, or this repository's scripts/specmill.mjs). */
export function runsVerb(script: unknown, verb: string): boolean {
  if (typeof script !== 'string') return false;
  const words = script.trim().split(/\s+/);
  const command = words[0] === 'npx' ? words.slice(1) : words[0] === 'node' && /(^|\/)specmill\.mjs$/.test(words[1] ?? '') ? ['specmill', ...words.slice(2)] : words;
  return command.length === 2 && command[0] === 'specmill' && command[1] === verb;
}

/** `npm run <script>` when the project at `root` has a script for the verb, else `npx specmill <verb>`. */
export function commandHint(root: string, verb: string): string {
  const scripts = Object.entries(readScripts(root))
    .filter(([, script]) => runsVerb(script, verb))
    .map(([name]) => name)
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return scripts[0] ? `npm run ${scripts[0]}` : `npx specmill ${verb}`;
}
