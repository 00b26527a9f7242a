// Nothing lost: writes are all-or-nothing, the cleaner removes only what specmill wrote, and two
// runs cannot interleave.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDrift, LOCK, MANIFEST, writeOutput } from '../../generator/write-output.js';

let root: string;
let layout: { root: string; outputDir: string };

function tree(dir = root): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(root, file)] = readFileSync(file, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'specmill-write-'));
  layout = { root, outputDir: path.join(root, 'generated') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('writes only what changed and reports it', async () => {
    const first = await writeOutput(layout, files({ 'generated/a/x.js': '1', 'specs/a/openapi.yaml': 'a' }));
    expect(first.written.sort()).toEqual(['generated/.specmill-manifest.json', 'generated/a/x.js', 'specs/a/openapi.yaml']);
    const again = await writeOutput(layout, files({ 'generated/a/x.js': '1', 'specs/a/openapi.yaml': 'b' }));
    expect(again).toEqual({ written: ['specs/a/openapi.yaml'], removed: [], unchanged: 2 });
  });

  it.each([1, 2, 3])('leaves every file as it was when the run fails after %i temporary write(s)', async (failAt) => {
    await writeOutput(layout, files({ 'generated/a/x.js': 'old x', 'generated/a/y.js': 'old y', 'specs/a/openapi.yaml': 'old spec' }));
    writeFileSync(path.join(root, 'notes.txt'), 'mine');
    const before = tree();
    let n = 0;
    const run = writeOutput(layout, files({ 'generated/a/x.js': 'new x', 'generated/b/z.js': 'new z', 'specs/a/openapi.yaml': 'new spec' }), {
      afterTemporaryWrite: () => {
        if (++n === failAt) throw new Error('injected failure');
      },
    });
    await expect(run).rejects.toThrow('injected failure');
    expect(tree()).toEqual(before);
    expect(existsSync(path.join(root, 'generated/b'))).toBe(false);
  });

  it('leaves every file as it was when the check before commit fails (e.g. lint)', async () => {
    await writeOutput(layout, files({ 'generated/a/x.js': 'old', 'specs/a/openapi.yaml': 'old' }));
    const before = tree();
    let seen: string | undefined;
    const run = writeOutput(layout, files({ 'generated/a/x.js': 'new', 'specs/a/openapi.yaml': 'new' }), {
      beforeCommit: async (readable) => {
        seen = readFileSync(readable.get('specs/a/openapi.yaml')!, 'utf8');
        throw new Error('lint failed');
      },
    });
    await expect(run).rejects.toThrow('lint failed');
    expect(seen).toBe('new');
    expect(tree()).toEqual(before);
  });

  it('removes files it wrote before and no longer writes, never anything else', async () => {
    await writeOutput(layout, files({ 'generated/a/x.js': '1', 'generated/gone/y.js': '2' }));
    writeFileSync(path.join(root, 'generated/mine.txt'), 'user file');
    mkdirSync(path.join(root, 'generated/user-dir'));
    const report = await writeOutput(layout, files({ 'generated/a/x.js': '1' }));
    expect(report.removed).toEqual(['generated/gone/y.js']);
    expect(Object.keys(tree()).sort()).toEqual(['generated/.specmill-manifest.json', 'generated/a/x.js', 'generated/mine.txt']);
    expect(existsSync(path.join(root, 'generated/gone'))).toBe(false);
    expect(existsSync(path.join(root, 'generated/user-dir'))).toBe(true);
  });

  it('refuses to run while another live run holds the lock, and takes over a dead one', async () => {
    writeFileSync(path.join(root, LOCK), `${process.pid}\n`);
    await expect(writeOutput(layout, files({ 'generated/a.js': '1' }))).rejects.toThrow(`another specmill run (pid ${process.pid}) is writing this project`);
    expect(existsSync(path.join(root, 'generated'))).toBe(false);
    writeFileSync(path.join(root, LOCK), '2147483646\n');
    await writeOutput(layout, files({ 'generated/a.js': '1' }));
    expect(existsSync(path.join(root, LOCK))).toBe(false);
    expect(readFileSync(path.join(root, 'generated/a.js'), 'utf8')).toBe('1');
  });

  it('refuses a path that would leave the project', async () => {
    await expect(writeOutput(layout, files({ '../outside.js': 'x' }))).rejects.toThrow('refusing to write outside the project');
    expect(existsSync(path.join(root, '..', 'outside.js'))).toBe(false);
  });

  it('counts the manifest in the drift check', async () => {
    await writeOutput(layout, files({ 'generated/a.js': '1' }));
    expect(findDrift(layout, files({ 'generated/a.js': '1' }))).toEqual({ changed: [], missing: [], extra: [] });
    expect(findDrift(layout, files({ 'generated/b.js': '1' }))).toEqual({ changed: [`generated/${MANIFEST}`], missing: ['generated/b.js'], extra: ['generated/a.js'] });
  });
});
