// The build and the bin in a clone, on a copy of the toolchain: the bin runs dist/ while dist/ was
// built from the sources as they are, and the sources (through tsx) as soon as one changes, so a
// stale build never runs; `--if-stale` rebuilds only then.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

let copy: string;

function node(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const help = () => node([path.join(copy, 'scripts/specmill.mjs'), '--help']).stdout.split('\n')[2];

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(path.join(copy, file), 'utf8');
  expect(text).toContain(from);
  writeFileSync(path.join(copy, file), text.replace(from, to));
}

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'specmill-build-'));
  for (const name of ['generator', 'templates', 'scripts']) cpSync(path.join(ROOT, name), path.join(copy, name), { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) cpSync(path.join(ROOT, name), path.join(copy, name));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const build = node([path.join(copy, 'scripts/build.mjs')]);
  expect(build.status, build.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the bin in a clone', () => {
  it('runs dist/ while it matches the sources', () => {
    edit('dist/cli/program.js', 'Turns API reference pages into', 'FROM DIST: turns API reference pages into');
    expect(help()).toMatch(/^FROM DIST: /);
  });

  it('runs the sources as soon as one of them changes, never the stale build', () => {
    edit('generator/cli/program.ts', 'Turns API reference pages into', 'FROM SOURCE: turns API reference pages into');
    expect(help()).toMatch(/^FROM SOURCE: /);
  });

  it('build --if-stale rebuilds a stale dist/ (and then the bin runs it), and leaves a fresh one alone', () => {
    expect(node([path.join(copy, 'scripts/build.mjs'), '--if-stale']).status).toBe(0);
    expect(readFileSync(path.join(copy, 'dist/cli/program.js'), 'utf8')).toContain('FROM SOURCE: ');
    const built = statSync(path.join(copy, 'dist/build-stamp.json')).mtimeMs;
    edit('dist/cli/program.js', 'FROM SOURCE: ', 'FROM DIST AGAIN: ');
    expect(node([path.join(copy, 'scripts/build.mjs'), '--if-stale'])).toMatchObject({ status: 0, stderr: '' });
    expect(statSync(path.join(copy, 'dist/build-stamp.json')).mtimeMs).toBe(built);
    expect(help()).toMatch(/^FROM DIST AGAIN: /);
  }, 180_000);

  it('a change to the lockfile (another dependency version) also makes the build stale', () => {
    writeFileSync(path.join(copy, 'package-lock.json'), `${readFileSync(path.join(copy, 'package-lock.json'), 'utf8')}\n`);
    expect(help()).toMatch(/^FROM SOURCE: /);
  });
});
