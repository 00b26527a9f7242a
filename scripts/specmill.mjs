#!/usr/bin/env node
// The `specmill` bin. Installed from the package, it runs the built JavaScript in dist/. In a clone of
// the repository it runs dist/ only when dist/ was built from the sources as they are now
// (scripts/build.mjs), and the TypeScript sources through tsx otherwise: a stale build never runs.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before anything heavy loads.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const fromSource = existsSync(new URL('../generator/cli/program.ts', import.meta.url)) && !(await import('./build.mjs')).isBuildFresh();
  let cli;
  if (fromSource) {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import('../generator/cli/program.ts');
  } else {
    cli = await import('../dist/cli/program.js');
  }
  process.exitCode = await cli.main(args);
}
