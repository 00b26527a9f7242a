// Nothing lost: writes are all-or-nothing, the cleaner removes only what specmill wrote, and two
// runs cannot interleave.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDrift, JOURNAL, LOCK, MANIFEST, recoverInterruptedWrite, writeOutput } from '../../generator/output/write-output.js';

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

  it('leaves no journal behind a run, nor behind one that failed', async () => {
    await writeOutput(layout, files({ 'generated/a.js': '1' }));
    expect(existsSync(path.join(root, JOURNAL))).toBe(false);
    await expect(writeOutput(layout, files({ 'generated/a.js': '2' }), { beforeCommit: () => Promise.reject(new Error('lint failed')) })).rejects.toThrow('lint failed');
    expect(existsSync(path.join(root, JOURNAL))).toBe(false);
  });
});

describe('recoverInterruptedWrite', () => {
  const journal = (fields: Record<string, unknown>) =>
    writeFileSync(path.join(root, JOURNAL), JSON.stringify({ journal: 'specmill-write', version: 1, pid: 4242, state: 'committing', outputDir: 'generated', createdDirs: [], renames: [], deletes: [], ...fields }));

  it('does nothing, and says nothing, when no run was stopped', () => {
    expect(recoverInterruptedWrite(root)).toBeUndefined();
    expect(tree()).toEqual({});
  });

  it('finishes a committed write, each step once, even a write already half finished', async () => {
    await writeOutput(layout, files({ 'generated/a/x.js': 'old x', 'generated/a/y.js': 'old y', 'generated/gone/z.js': 'old z' }));
    mkdirSync(path.join(root, 'generated/b'));
    writeFileSync(path.join(root, 'generated/a/x.js'), 'new x'); // renamed before the stop
    writeFileSync(path.join(root, 'generated/a/y.specmill-tmp-4242.js'), 'new y');
    writeFileSync(path.join(root, 'generated/b/w.specmill-tmp-4242.js'), 'new w');
    journal({
      createdDirs: ['generated/b'],
      renames: [
        { from: 'generated/a/x.specmill-tmp-4242.js', to: 'generated/a/x.js' },
        { from: 'generated/a/y.specmill-tmp-4242.js', to: 'generated/a/y.js' },
        { from: 'generated/b/w.specmill-tmp-4242.js', to: 'generated/b/w.js' },
      ],
      deletes: ['generated/gone/z.js'],
    });
    expect(recoverInterruptedWrite(root)).toBe('specmill: a run (pid 4242) was stopped while swapping its files in; finished it (3 file(s) moved into place, 1 removed)');
    expect(tree()).toEqual({ 'generated/.specmill-manifest.json': expect.any(String), 'generated/a/x.js': 'new x', 'generated/a/y.js': 'new y', 'generated/b/w.js': 'new w' });
    expect(existsSync(path.join(root, 'generated/gone'))).toBe(false);
  });

  it('undoes a write stopped before its commit point: temporary files and new folders go, the rest stays', async () => {
    await writeOutput(layout, files({ 'generated/a/x.js': 'old x' }));
    const before = tree();
    mkdirSync(path.join(root, 'generated/b'));
    writeFileSync(path.join(root, 'generated/b/w.specmill-tmp-4242.js'), 'new w');
    journal({ state: 'prepared', createdDirs: ['generated/b'], renames: [{ from: 'generated/b/w.specmill-tmp-4242.js', to: 'generated/b/w.js' }, { from: 'generated/a/x.specmill-tmp-4242.js', to: 'generated/a/x.js' }] });
    writeFileSync(path.join(root, `${JOURNAL}.tmp`), '{"half": ');
    expect(recoverInterruptedWrite(root)).toMatch(/stopped before it wrote anything; removed its 2 temporary file\(s\)/);
    expect(tree()).toEqual(before);
  });

  it.each([
    ['a rename to a file outside the project', { renames: [{ from: '../x.specmill-tmp-4242.js', to: '../x.js' }] }],
    ['a rename from a file that is not the temporary name of its target', { renames: [{ from: 'specmill.config.ts', to: 'generated/a.js' }] }],
    ['a deletion outside the output folder', { deletes: ['specs/a/sources/page.md'] }],
    ['a folder outside the project', { state: 'prepared', createdDirs: ['/etc'] }],
    ['an unknown format', { version: 2 }],
  ])('refuses a journal with %s, touching nothing', async (_name, fields) => {
    mkdirSync(path.join(root, 'specs/a/sources'), { recursive: true });
    writeFileSync(path.join(root, 'specs/a/sources/page.md'), 'page');
    writeFileSync(path.join(root, 'specmill.config.ts'), 'config');
    journal(fields);
    const before = tree();
    expect(() => recoverInterruptedWrite(root)).toThrow(`${JOURNAL} does not describe a write specmill began`);
    expect(tree()).toEqual(before);
  });

  it('waits for a live run: it does not finish the write of a run still under way', () => {
    journal({});
    writeFileSync(path.join(root, LOCK), `${process.pid}\n`);
    expect(() => recoverInterruptedWrite(root)).toThrow(`another specmill run (pid ${process.pid}) is writing this project`);
    expect(existsSync(path.join(root, JOURNAL))).toBe(true);
  });
});
