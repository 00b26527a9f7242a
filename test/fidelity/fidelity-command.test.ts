// `npm run fidelity` on a corpus of our own (test/fixtures/fidelity-corpus, see its README), with
// planted outcomes: a missed fact, an invented one, inferred ones, a refused page. It must report
// each, and a floor that the figures miss must fail the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCorpus, runFidelity } from '../../generator/fidelity/fidelity-command.js';
import { ROOT } from '../helpers.js';

const CORPUS = path.join(ROOT, 'test/fixtures/fidelity-corpus');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runFidelity(['--corpus', CORPUS, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'specmill-fidelity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run fidelity', () => {
  it('prints the figures per kind and in total, and a row per page', async () => {
    const { code, out, err } = await run();
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('| md-openapi | 4 | 3 (75.0%) | 17 of 20 (85.0%) | 0 | 1 | 2 | 0.0 | 1 | 0 |');
    expect(out).toContain('| openapi | 1 | 1 (100.0%) | 5 of 5 (100.0%) | 0 | 0 | 0 | 0.0 | 0 | 0 |');
    expect(out).toContain('| total | 5 | 4 (80.0%) | 22 of 25 (88.0%) | 0 | 1 | 2 | 0.0 | 1 | 0 |');
    expect(out).toContain('| md-openapi/create-order.md | openapi-in-markdown | imported | right | 5 of 6 (83.3%) | 0 | 0 | 0 |');
    expect(out).toContain('| md-openapi/unsupported-version.md | openapi-in-markdown | refused | wrong | 0 of 2 (0.0%) | 0 | 0 | 0 |');
  });

  it('reports the planted missed fact, invented fact and inferred facts in detail', async () => {
    const missed = await run('--page', 'create-order');
    expect(missed.out).toMatch(/^missed:\n {2}parameter query dry_run\n/m);
    const invented = await run('--page', 'md-openapi/delete-order.md');
    expect(invented.out).toMatch(/^invented:\n {2}status 409\n/m);
    const inferred = await run('--page', 'list-orders.md');
    expect(inferred.out).toMatch(/^invented: none\ninferred:\n {2}parameter query offset\n {2}parameter query limit\n/m);
    const refused = await run('--page', 'unsupported-version');
    expect(refused.out).toContain('md-openapi/unsupported-version.md:6:1: error: unsupported version "1.2"');
  });

  it('fails when a floor is missed, naming each one', async () => {
    const { code, err } = await run('--no-pages', '--min-recall', 'md-openapi=0.9', '--max-invented', '0', '--min-operation', '75%');
    expect(code).toBe(1);
    expect(err).toBe(
      'fidelity: floor missed: md-openapi: fact recall 85.0% is under the floor 90.0%\n' + 'fidelity: floor missed: total: 1 invented facts, over the ceiling 0\n',
    );
  });

  it('passes when every floor holds, from flags or a floors file', async () => {
    expect((await run('--no-pages', '--min-recall', 'openapi=1', '--min-recall', '0.88', '--max-crashes', '0')).code).toBe(0);
    const floors = path.join(tmp, 'floors.json');
    writeFileSync(floors, JSON.stringify({ 'min-recall': { 'md-openapi': 0.85, openapi: 1 }, 'max-invented': { openapi: 0 } }));
    expect((await run('--no-pages', '--floors', floors)).code).toBe(0);
    writeFileSync(floors, JSON.stringify({ 'max-invented': 0 }));
    expect((await run('--no-pages', '--floors', floors)).code).toBe(1);
  });

  it('refuses floors it cannot check', async () => {
    expect((await run('--min-recall', 'html=0.9')).err).toContain('html: no pages of this kind were scored');
    const bad = await run('--min-recall', '1.5');
    expect(bad).toMatchObject({ code: 1, out: '' });
    expect(bad.err).toBe('fidelity: error: --min-recall 1.5: expected a share such as 0.9 or 90%, optionally after KIND=\n');
  });

  it('prints everything as JSON', async () => {
    const { out } = await run('--json', '--kind', 'openapi');
    const report = JSON.parse(out) as { summary: { kind: string; recall: number }[]; pages: { file: string }[] };
    expect(report.summary.map((s) => [s.kind, s.recall])).toEqual([
      ['openapi', 1],
      ['total', 1],
    ]);
    expect(report.pages.map((p) => p.file)).toEqual(['openapi/get-store.yaml']);
  });

  it('names the file and what was expected for a bad corpus', async () => {
    const corpus = path.join(tmp, 'bad');
    const kind = path.join(corpus, 'md-openapi');
    mkdirSync(kind, { recursive: true });
    writeFileSync(path.join(kind, 'a.md'), '# A\n');
    writeFileSync(path.join(kind, 'a.gold.json'), JSON.stringify({ method: 'get', path: '/a', params: [{ name: 'x' }] }));
    writeFileSync(path.join(kind, 'b.gold.json'), '{}');
    let err = '';
    const code = await runFidelity(['--corpus', corpus], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toContain(`${path.join(kind, 'b.gold.json')}: error: no page for this gold file: expected b.<ext> beside it`);
    expect(err).toContain(`${path.join(kind, 'a.gold.json')}: error: expected a gold file as the corpus README describes it: params[0].in: expected a non-empty string`);
  });

  it('reads the corpus from SPECMILL_CORPUS, else from ../shared/corpus-pages', () => {
    expect(defaultCorpus({ SPECMILL_CORPUS: '/somewhere' })).toBe('/somewhere');
    expect(defaultCorpus({})).toBe(path.join(ROOT, '..', 'shared', 'corpus-pages'));
  });
});
