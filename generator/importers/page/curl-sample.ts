// Reads a curl sample as the shell command it is: its headers and its URL, each with where it stands
// in the sample, and where the command ends. The operation recognizer reads its method and target
// (find-operation.ts); servers-security.ts reads the host and the credentials it sends.

export interface CurlHeader {
  name: string;
  value: string;
  /** Offset of the header's word in the sample. */
  offset: number;
}

export interface CurlCommand {
  headers: CurlHeader[];
  url?: { value: string; offset: number };
  /** One past the command's last character. */
  end: number;
}

interface Token {
  value: string;
  start: number;
  end: number;
}

/** Options whose value is the next word. */
const TAKES_VALUE = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode',
  '-u', '--user', '-F', '--form', '-o', '--output', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie',
  '--url', '--connect-timeout', '-m', '--max-time',
]);

/** The command that starts at the word `curl` in `text`, or undefined when there is none. */
export function readCurlCommand(text: string): CurlCommand | undefined {
  const start = /(?:^|\s)(?:\$\s*)?(curl)(?=[ \t])/.exec(text);
  if (!start) return undefined;
  const command: CurlCommand = { headers: [], end: start.index + start[0].length };
  let i = command.end;
  for (;;) {
    const token = nextToken(text, i);
    if (!token) break;
    if (token.value.startsWith('-')) {
      const option = token.value;
      i = token.end;
      command.end = i;
      if (!TAKES_VALUE.has(option)) continue;
      const value = nextToken(text, i);
      if (!value) break;
      i = value.end;
      command.end = i;
      if (option === '-H' || option === '--header') {
        const colon = value.value.indexOf(':');
        if (colon > 0) command.headers.push({ name: value.value.slice(0, colon).trim(), value: value.value.slice(colon + 1).trim(), offset: value.start });
      } else if (option === '--url') command.url = { value: value.value, offset: value.start };
      continue;
    }
    // The first bare word is the URL; a bare word after it is no longer part of the command.
    if (command.url) break;
    command.url = { value: token.value, offset: token.start };
    i = token.end;
    command.end = i;
  }
  return command;
}

/** The next shell word on the command's line; an unescaped line break ends the command. */
function nextToken(text: string, from: number): Token | undefined {
  let i = from;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    break;
  }
  if (i >= text.length || /\s/.test(text[i]!)) return undefined;
  const start = i;
  let value = '';
  while (i < text.length && !/\s/.test(text[i]!)) {
    const c = text[i]!;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return undefined;
      value += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else {
          value += text[j];
          j++;
        }
      }
      if (j >= text.length) return undefined;
      i = j + 1;
    } else if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  return { value, start, end: i };
}
