// When specmill colours its output: a terminal, and no NO_COLOR (any non-empty value) or TERM=dumb.
import { describe, expect, it } from 'vitest';
import { colorEnabled, palette } from '../../generator/cli/colors.js';
import { isCI, outputMode } from '../../generator/cli/reporter.js';

describe('colours', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['NO_COLOR=1 on a terminal', true, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (unset, by the convention)', true, { NO_COLOR: '' }, true],
    ['TERM=dumb', true, { TERM: 'dumb' }, false],
  ])('%s', (_name, isTTY, env, want) => {
    expect(colorEnabled({ isTTY }, env)).toBe(want);
  });

  it('a palette that is off returns the text unchanged', () => {
    expect(palette(false).red('x')).toBe('x');
    expect(palette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('output modes', () => {
  it.each([
    ['a terminal', {}, true, false, 'progress'],
    ['CI=true on a terminal', { CI: 'true' }, true, false, 'lines'],
    ['CI=false on a terminal', { CI: 'false' }, true, false, 'progress'],
    ['a pipe', {}, false, false, 'lines'],
    ['--json on a terminal', {}, true, true, 'json'],
  ])('%s', (_name, env, isTTY, json, want) => {
    expect(outputMode({ json, env, stderr: { isTTY, write: () => true } })).toBe(want);
  });

  it('reads CI as most CI systems set it', () => {
    expect([isCI({ CI: '1' }), isCI({ CI: 'True' }), isCI({ CI: '0' }), isCI({})]).toEqual([true, true, false, false]);
  });
});
