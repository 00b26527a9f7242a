// A curl sample read as a shell command: headers and URL, quotes and continuation lines.
import { describe, expect, it } from 'vitest';
import { readCurlCommand } from '../../../generator/importers/page/curl-sample.js';

describe('curl samples', () => {
  it('reads headers and the URL, quoted or not, over continuation lines', () => {
    const text = "curl -X POST \\\n  -H 'Authorization: Bearer <token>' \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"a\": 1}' https://{api_host}/v3/x";
    const command = readCurlCommand(text)!;
    expect(command.headers.map(({ name, value }) => [name, value])).toEqual([
      ['Authorization', 'Bearer <token>'],
      ['Content-Type', 'application/json'],
    ]);
    expect(command.url).toEqual({ value: 'https://{api_host}/v3/x', offset: text.indexOf('https://') });
    expect(command.end).toBe(text.length);
  });

  it('ends the command at a line break that continues nothing, and at a second bare word', () => {
    const text = "$ curl --url https://h.example/a\nGET List things";
    expect(readCurlCommand(text)).toEqual({ headers: [], url: { value: 'https://h.example/a', offset: 13 }, end: 32 });
    expect(readCurlCommand('curl https://h.example/a Service Instances')!.end).toBe('curl https://h.example/a'.length);
  });

  it('is undefined for text with no curl command', () => {
    expect(readCurlCommand('{"a": 1}')).toBeUndefined();
  });
});
