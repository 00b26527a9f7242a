// CI's share of `npm run corpus`: a fixed sample of real-world specs (corpus/sample.txt) through
// the pipeline and one strict tsc over every client generated. A crash or output that fails tsc
// is a bug; corpus/results-sample.md records what the last run of the sample gave.
import { describe, expect, it } from 'vitest';
import { runCorpus, sampleSpecs } from '../../scripts/corpus.js';

describe('the real-world sample', () => {
  it('has at least 50 specs', () => {
    expect(sampleSpecs().length).toBeGreaterThanOrEqual(50);
  });

  it('generates clients that pass strict tsc, or rejects a spec with a located error', async () => {
    const rows = await runCorpus(sampleSpecs());
    const bugs = rows.filter((r) => r.outcome === 'crashed' || r.outcome === 'tsc-fail').map((r) => `${r.spec}: ${r.outcome}: ${r.detail}`);
    expect(bugs).toEqual([]);
    for (const row of rows.filter((r) => r.outcome === 'rejected')) expect(row.detail).toMatch(/^[^:]+(:\d+)*: error: /);
  }, 900_000);
});
