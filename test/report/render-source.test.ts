// A page's text with marked spans: escaped whatever it holds, nested and overlapping spans drawn as
// their innermost, badges where spans start.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderSource, type SourceMark } from '../../generator/report/render-source.js';

const HOSTILE = `</pre></script><img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>`;

function fed(from: number, to: number, pointer: string, id = `s-${from}-${to}`): SourceMark {
  return { from, to, className: 'fed', id, href: `#spec-${pointer}`, label: pointer, title: `fed ${pointer}`, pointer };
}

function unread(from: number, to: number, message: string, id = `u-${from}-${to}`): SourceMark {
  return { from, to, className: 'unread', id, href: '#warning', label: `not read: ${message}`, title: message };
}

/** The pieces of marked text, in order: class, pointer and text. */
function pieces(html: string): { cls: string; pointer?: string; text: string }[] {
  const $ = load(`<pre>${html}</pre>`);
  return $('pre > :not(.tag):not(.anchor)')
    .toArray()
    .map((el) => ({ cls: $(el).attr('class') ?? '', ...($(el).attr('data-pointer') ? { pointer: $(el).attr('data-pointer')! } : {}), text: $(el).text() }));
}

function badges(html: string): string[] {
  const $ = load(`<pre>${html}</pre>`);
  return $('pre > .tag')
    .toArray()
    .map((el) => $(el).text());
}

describe('renderSource', () => {
  it.each<[string, { text: string; marks: SourceMark[]; pieces: ReturnType<typeof pieces>; badges: string[] }]>([
    ['no marks: the text, escaped', { text: 'a < b & "c"', marks: [], pieces: [], badges: [] }],
    ['one span in the middle', { text: 'abc def ghi', marks: [fed(4, 7, '/p')], pieces: [{ cls: 'fed', pointer: '/p', text: 'def' }], badges: ['/p'] }],
    [
      'two spans side by side',
      { text: 'aaabbb', marks: [fed(0, 3, '/a'), unread(3, 6, 'a list was not read')], pieces: [{ cls: 'fed', pointer: '/a', text: 'aaa' }, { cls: 'unread', text: 'bbb' }], badges: ['/a', 'not read: a list was not read'] },
    ],
    [
      'a span inside another: the inner one is drawn where it is',
      {
        text: '0123456789',
        marks: [{ from: 0, to: 10, className: 'document', id: 'd', label: 'doc', title: 'document' }, fed(3, 6, '/op')],
        pieces: [
          { cls: 'document', text: '012' },
          { cls: 'fed', pointer: '/op', text: '345' },
          { cls: 'document', text: '6789' },
        ],
        badges: ['doc', '/op'],
      },
    ],
    [
      'overlapping spans: the later start wins where they overlap, the unread one stays underlined',
      {
        text: 'abcdefgh',
        marks: [unread(0, 5, 'prose was not read'), fed(3, 8, '/x')],
        pieces: [
          { cls: 'unread', text: 'abc' },
          { cls: 'fed in-unread', pointer: '/x', text: 'de' },
          { cls: 'fed', pointer: '/x', text: 'fgh' },
        ],
        badges: ['not read: prose was not read', '/x'],
      },
    ],
    [
      'two spans recorded at one place: the later one is drawn, both badges shown',
      { text: 'same place', marks: [fed(0, 4, '/first'), fed(0, 4, '/second')], pieces: [{ cls: 'fed', pointer: '/second', text: 'same' }], badges: ['/first', '/second'] },
    ],
    [
      'a mark of no length is a badge only',
      { text: 'abc', marks: [{ from: 1, to: 1, className: 'diagnostic', id: 'w', href: '#w', label: '⚠ warning', title: 'cut off' }], pieces: [], badges: ['⚠ warning'] },
    ],
    [
      'offsets past the text are clamped to it',
      { text: 'abc', marks: [fed(2, 99, '/tail'), fed(-5, 1, '/head')], pieces: [{ cls: 'fed', pointer: '/head', text: 'a' }, { cls: 'fed', pointer: '/tail', text: 'c' }], badges: ['/head', '/tail'] },
    ],
    [
      'a page flattened onto one line is marked by its columns',
      {
        text: 'Create a thingpost /v1/thingsBody ParamsnamestringrequiredThe name',
        marks: [fed(0, 14, '/summary'), fed(14, 29, ''), fed(29, 40, '/description'), fed(40, 66, '/requestBody')],
        pieces: [
          { cls: 'fed', pointer: '/summary', text: 'Create a thing' },
          { cls: 'fed', text: 'post /v1/things' },
          { cls: 'fed', pointer: '/description', text: 'Body Params' },
          { cls: 'fed', pointer: '/requestBody', text: 'namestringrequiredThe name' },
        ],
        badges: ['/summary', '', '/description', '/requestBody'],
      },
    ],
  ])('%s', (_, { text, marks, pieces: want, badges: wantBadges }) => {
    const html = renderSource(text, marks);
    expect(pieces(html)).toEqual(want);
    expect(badges(html)).toEqual(wantBadges.filter((b) => b !== ''));
    // Whatever the marks, the page's text is all there, once, in order.
    const $ = load(`<pre>${html}</pre>`);
    $('pre > .tag, pre > .anchor').remove();
    expect($('pre').text()).toBe(text);
  });

  it.each<[string, SourceMark[]]>([
    ['no marks', []],
    ['a span over the hostile text', [fed(0, HOSTILE.length, '/x')]],
    ['a span cutting the hostile text', [fed(10, 40, '/x'), unread(30, 70, HOSTILE)]],
    ['hostile labels, titles, pointers and ids', [{ from: 0, to: 5, className: 'fed', id: `"><img src=x>`, href: `#"><script>`, label: HOSTILE, title: HOSTILE, pointer: HOSTILE }]],
  ])('leaves hostile page text inert: %s', (_, marks) => {
    const html = renderSource(HOSTILE, marks);
    expect(html).not.toMatch(/<(?:img|script|\/pre)\b/i);
    const $ = load(`<pre>${html}</pre>`);
    expect($('img, script').length).toBe(0);
    $('pre > .tag, pre > .anchor').remove();
    expect($('pre').text()).toBe(HOSTILE);
  });
});
