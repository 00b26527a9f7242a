// `specmill pack`: the generated package as a tarball an app can install (`npm install
// ./specmill-clients-1.0.0.tgz`), made by `npm pack` so that it holds exactly what the package's
// `files` list says. Installing the folder itself would link it, without its dependency.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { error, SpecmillError } from '../core/diagnostics.js';
import { commandHint } from '../core/command-hint.js';

export interface Packed {
  /** Absolute path of the tarball. */
  file: string;
  files: number;
  /** Bytes of the tarball and of its files unpacked. */
  size: number;
  unpackedSize: number;
}

/** npm itself: the one that runs us under `npx`/`npm run`, else the `npm` on the PATH. */
function npmCommand(): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.[cm]?js$/.test(cli) && existsSync(cli)) return { command: process.execPath, args: [cli] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
}

export function packGenerated(config: ResolvedConfig, outDir: string): Packed {
  const folder = path.relative(process.cwd(), config.outputDir) || '.';
  if (!existsSync(path.join(config.outputDir, 'package.json'))) {
    throw new SpecmillError(error(`no generated package here yet: run \`${commandHint(config.root, 'generate')}\` first`, { file: path.join(folder, 'package.json') }));
  }
  mkdirSync(outDir, { recursive: true });
  const npm = npmCommand();
  const run = spawnSync(npm.command, [...npm.args, 'pack', config.outputDir, '--pack-destination', outDir, '--ignore-scripts', '--json', '--loglevel', 'error'], {
    cwd: config.root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : (run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`);
    throw new SpecmillError(error(`npm pack failed: ${why}`, { file: folder }));
  }
  const [info] = JSON.parse(run.stdout) as { filename: string; entryCount: number; size: number; unpackedSize: number }[];
  if (!info) throw new SpecmillError(error('npm pack printed no tarball', { file: folder }));
  return { file: path.join(outDir, info.filename), files: info.entryCount, size: info.size, unpackedSize: info.unpackedSize };
}
