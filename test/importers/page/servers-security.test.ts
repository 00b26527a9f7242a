// Servers and security from what a page shows of them.
import { describe, expect, it } from 'vitest';
import { readCurlCommand } from '../../../generator/importers/page/curl-sample.js';
import { readNamedMethods, readSentCredential, readServerItems, templatedServer, type LocatedCurl } from '../../../generator/importers/page/servers-security.js';

const at = { line: 3, column: 1 };
const curl = (text: string): LocatedCurl => ({ command: readCurlCommand(text)!, at: (offset) => ({ line: 9, column: offset + 1 }) });

describe('servers', () => {
  it('reads `name: url (description)` items, a URL as its own name, and declares template variables', () => {
    const { servers, diagnostics } = readServerItems(
      [
        { text: 'Production: https://api.example.com/v1 (Live)', at },
        { text: 'https://api.example.com: https://api.example.com ()', at },
        { text: 'Regional: https://{region}.example.com ()', at },
      ],
      'p.md',
    );
    expect(servers).toEqual([
      { url: 'https://api.example.com/v1', description: 'Live' },
      { url: 'https://api.example.com' },
      { url: 'https://{region}.example.com', description: 'Regional', variables: { region: { default: '' } } },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('warns, located, about an item that is no server', () => {
    const { servers, diagnostics } = readServerItems([{ text: 'Ask your admin', at }], 'p.md');
    expect(servers).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', location: { file: 'p.md', ...at } })]);
  });

  it('makes a curl sample\'s `{placeholder}` host a variable whose default the page\'s own URL shows', () => {
    const read = templatedServer([curl("curl -H 'Authorization: x' https://{api_host}/v3/x")], 'https://api.example.local', 'p.txt');
    expect(read).toEqual({ server: { url: 'https://{api_host}', variables: { api_host: { default: 'api.example.local' } } }, diagnostics: [] });
    const alone = templatedServer([curl('curl https://{api_host}/v3/x')], undefined, 'p.txt');
    expect(alone.server).toEqual({ url: 'https://{api_host}', variables: { api_host: { default: 'api_host' } } });
    expect(alone.diagnostics).toEqual([expect.objectContaining({ message: expect.stringContaining('{api_host}'), location: { file: 'p.txt', line: 9, column: 6 } })]);
    expect(templatedServer([curl('curl https://api.example.com/v3/x')], undefined, 'p.txt')).toEqual({ diagnostics: [] });
  });
});

describe('security', () => {
  it('one scheme per method an authentication section names, `A & B` needing both, types guessed and said so', () => {
    const read = readNamedMethods([{ name: 'Basic token (deprecated)', at }, { name: 'Organization token & User', at }], 'p.md');
    expect(read.requirements).toEqual([{ basicToken: [] }, { organizationToken: [], user: [] }]);
    expect(read.schemes.basicToken).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(read.schemes.user).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(read.diagnostics).toEqual([expect.objectContaining({ message: expect.stringMatching(/names its authentication methods only .*guessed/) })]);
  });

  const credentials: [string, { curls: LocatedCurl[]; parameter?: string; prose?: string; want: ReturnType<typeof readSentCredential> }][] = [
    ['a bearer token in curl', { curls: [curl("curl -H 'Authorization: Bearer t' https://h/x")], want: { name: 'bearer', scheme: { type: 'http', scheme: 'bearer' } } }],
    ['a placeholder value', { curls: [curl("curl -H 'Authorization: <value>' https://h/x")], want: { name: 'Authorization', scheme: { type: 'apiKey', in: 'header', name: 'Authorization' } } }],
    ['an API key header', { curls: [curl("curl -H 'X-Api-Key: k' https://h/x")], want: { name: 'X-Api-Key', scheme: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } }],
    ['an Authorization parameter', { curls: [], parameter: 'Basic credentials', want: { name: 'basic', scheme: { type: 'http', scheme: 'basic' } } }],
    ['nothing sent', { curls: [curl('curl https://h/x')], want: undefined }],
  ];
  it.each(credentials)('%s', (_what, { curls, parameter, prose, want }) => {
    expect(readSentCredential(curls, parameter, prose ?? '')).toEqual(want);
  });
});
