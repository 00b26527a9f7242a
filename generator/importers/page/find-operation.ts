// The method+path recognizer: finds the page's operation wherever the rendering put it. A line
// `POST /path` (in a heading, bold, inline code, glued `POST/v3/x`), a label line
// (`Endpoint: GET /path`), a method and a path printed apart (`Method: PATCH` + `URL: /users/{id}`,
// `GET` above `/v1/x`, a path split segment by segment), or a curl sample. The strongest kind wins;
// among equals, the first on the page, unless the curl sample agrees with a later one.
import { HTTP_METHODS } from '../../core/openapi-types.js';
import type { Block, Position } from './blocks.js';
import { inEnglish } from './foreign-words.js';
import { matchOperationLine, readTarget } from './vocabulary.js';

export interface OperationFound {
  method: string;
  path: string;
  server?: string;
  at: Position;
  /** The blocks that state it (used by coverage). */
  blocks: number[];
  /** The names the printed target's query string shows (`?apikey=`). */
  query?: string[];
  /** The method is curl's default, or not printed at all. */
  methodInferred?: boolean;
  /** What gave it away, for messages. */
  source: 'line' | 'label' | 'split' | 'curl' | 'url';
}

interface Candidate extends OperationFound {
  strength: number;
  index: number;
  /** The method stands under a label of its own (`**Method** : PATCH`). */
  methodLabelled?: boolean;
}

const METHOD_WORD = new RegExp(`^(${HTTP_METHODS.join('|')})$`, 'i');
const METHOD_LABEL = new RegExp(`^(?:-\\s*)?(?:method|http method|http verb|request method|rest method|preferred http method|verb)\\s*:?\\s*(${HTTP_METHODS.join('|')})\\b`, 'i');
const METHOD_LABEL_ALONE = /^(?:-\s*)?(?:method|http method|http verb|request method|rest method|preferred http method|verb)\s*:?$/i;
const URL_LABEL = /^(?:-\s*)?(?:url segment|method url|resource url|request url|endpoint url|base path|ur[il] path|endpoints?|urls?|uris?|path|route)\s*(?::\s*(\S.*)?|$)/i;
const LABELLED_OPERATION = /^(?:-\s*)?[A-Za-z][\w ]{0,30}:\s*(.+)$/;

/** A line of the page as the recognizer sees it: a heading, a line of text, or one list item. */
interface Entry {
  block: number;
  text: string;
  at: Position;
}

export function findOperation(blocks: readonly Block[]): OperationFound | undefined {
  const candidates: Candidate[] = [];
  let curlPath: string | undefined;
  const entries: Entry[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'text') entries.push({ block: index, text: englishLabel(block.text), at: block.at });
    else if (block.kind === 'list') for (const item of block.items) entries.push({ block: index, text: englishLabel(item.text), at: item.at });
    else if (block.kind === 'grid') {
      // An index of operations as a table (`Method | HTTP request | Description`): the cell that holds one.
      for (const row of block.rows) {
        const cell = row.cells.map((text) => matchOperationLine(text)).find((line) => line !== undefined) ?? matchMethodAndPathCells(row.cells);
        if (cell) candidates.push({ ...cell, at: row.at, blocks: [index], strength: 3, index, source: 'line' });
      }
    }
    else if (block.kind === 'code') {
      const curl = readCurlTarget(block.value);
      if (curl) {
        curlPath ??= curl.path;
        candidates.push({ ...curl, at: block.at, blocks: [index], strength: 1, index, source: 'curl' });
        return;
      }
      // An HTTP request printed as a sample: `DELETE /v3/webhooks/789` over its headers.
      const first = block.value.trim().split('\n')[0] ?? '';
      const request = matchOperationLine(first);
      if (request) candidates.push({ ...request, at: block.at, blocks: [index], strength: 2, index, source: 'line' });
    }
  });
  const texts = entries.map((entry) => entry.text);
  entries.forEach((entry, k) => {
    const { text, block: index, at } = entry;
    const line = matchOperationLine(text);
    if (line) {
      candidates.push({ ...line, at, blocks: [index], strength: 4, index, source: 'line' });
      return;
    }
    const labelled = LABELLED_OPERATION.exec(text);
    const inLabel = labelled?.[1] && !METHOD_LABEL.test(text) ? matchOperationPrefix(labelled[1]) : undefined;
    if (inLabel) {
      candidates.push({ ...inLabel, at, blocks: [index], strength: 4, index, source: 'label' });
      return;
    }
    // `delete /v1/files/{id} Delete a file.`: a flattened page ran the description into the line.
    const prefix = matchOperationPrefix(text);
    if (prefix && prefix.path.length > 1) {
      candidates.push({ ...prefix, at, blocks: [index], strength: 3.5, index, source: 'line' });
      return;
    }
    const split = readSplitOperation(entries, texts, k);
    if (split) candidates.push({ ...split, strength: 3, index, source: split.source });
  });
  if (candidates.length === 0) {
    // No method anywhere: a URL printed as the endpoint still names the operation.
    return readUrlOnly(entries, texts);
  }
  // A template (`{id}`) is the operation; a path with example values in it (`/webhooks/789`) is a sample of it.
  for (const candidate of candidates) {
    if (/\{[^}]+\}/.test(candidate.path)) candidate.strength += 0.2;
    else if (candidate.path.split('/').some(looksLikeValue)) candidate.strength -= 0.2;
  }
  const strongest = Math.max(...candidates.map((c) => c.strength));
  const best = candidates.filter((c) => c.strength === strongest);
  // Two forms of the path on one page: the one the curl sample calls is the operation's.
  const close = candidates.filter((c) => c.strength >= strongest - 1 && c.source !== 'curl');
  const agreeing = curlPath ? (best.find((c) => samePath(c.path, curlPath!)) ?? close.find((c) => samePath(c.path, curlPath!))) : undefined;
  let chosen = agreeing ?? best[0]!;
  // The same path under another method in a line (a link to another page, a list of the API's
  // operations) says less than the method the page labels as its own: `**Method** : PATCH`.
  if (!chosen.methodLabelled) {
    const labelled = candidates.filter((c) => c.methodLabelled && samePath(c.path, chosen.path) && c.method !== chosen.method);
    if (labelled.length === 1 && !candidates.some((c) => c !== chosen && !c.methodLabelled && c.source !== 'curl' && c.method === chosen.method && samePath(c.path, chosen.path))) chosen = labelled[0]!;
  }
  const { strength: _s, index: _i, methodLabelled: _m, ...found } = chosen;
  if (!found.server) {
    const withServer = candidates.find((c) => c.server && samePath(c.path, found.path));
    if (withServer?.server) found.server = withServer.server;
  }
  return found;
}

/** `| DELETE | /v1/things/{id} |`: the method in one cell, the path in the next. */
function matchMethodAndPathCells(cells: readonly string[]): { method: string; path: string; server?: string } | undefined {
  const at = cells.findIndex((cell) => METHOD_WORD.test(cell.replace(/[*`]/g, '').trim()));
  if (at < 0 || at + 1 >= cells.length) return undefined;
  const path = cells[at + 1]!.replace(/`/g, '').trim();
  if (!/^(?:\/|https?:\/\/)\S/.test(path)) return undefined;
  // The cell holds the whole target: a placeholder named in words (`[Webhook ID]`) may hold a space.
  const target = /\s/.test(path) ? readTarget(path) : undefined;
  if (target) return { method: cells[at]!.replace(/[*`]/g, '').trim().toLowerCase(), ...target };
  return /^(?:\/|https?:\/\/)\S*$/.test(path) ? matchOperationLine(`${cells[at]!.replace(/[*`]/g, '').trim()} ${path}`) : undefined;
}

/** `方法：POST`, `Método: GET`: a label line of another language, its label put into English. */
function englishLabel(text: string): string {
  const label = /^(-\s*)?([^:：]{1,30}?)\s*[:：]\s*(.*)$/.exec(text);
  if (!label) return text;
  const english = /[:：]/.test(text) && !/^[\x20-\x7e]*$/.test(label[2]!) ? inEnglish(label[2]!) : undefined;
  return english ? `${label[1] ?? ''}${english}: ${label[3]}` : text.replace('：', ': ');
}

/** A path segment that is an example value rather than a name: digits, a UUID, a domain, an id, a value cut short (`01HX...`). */
export function looksLikeValue(segment: string): boolean {
  return /^\w+(?:\.\.\.|…)$/.test(segment) || /^\d+$/.test(segment) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment) || /^[a-z]+_[A-Za-z0-9]{6,}$/.test(segment) || /^[\w-]+\.(?:com|net|org|io)$/.test(segment);
}

/**
 * `/v1/documents/:idPermanently` then ` delete a document.`: a sentence ran into the path, its
 * first (capitalized) word glued to the last segment. The path ends before that word.
 */
export function cutGluedSentence(token: string, after: string): string {
  if (!/^\s+[a-z]+\s+[a-z]/.test(after)) return token;
  const glued = /^(.*\/[^/]*[a-z0-9_])([A-Z][a-z]{2,})$/.exec(token);
  if (!glued) return token;
  const segment = glued[1]!.slice(glued[1]!.lastIndexOf('/') + 1).replace(/^[:{[<]/, '');
  return segment.length >= 2 ? glued[1]! : token;
}

/** A method and a path at the start of a line, whatever follows them. */
function matchOperationPrefix(text: string): { method: string; path: string; server?: string } | undefined {
  const match = new RegExp(`^(${HTTP_METHODS.join('|')})(?:\\s+|(?=/))(\\S+)(?:\\s|$)`, 'i').exec(text.trim());
  if (!match) return undefined;
  match[2] = cutGluedSentence(match[2]!, text.trim().slice(match[0].trimEnd().length));
  // `POST api/Users`: a path printed without its leading slash.
  const target = /^[A-Za-z][\w.-]*\/[\w/{}.:-]*$/.test(match[2]!) && !/^https?:/i.test(match[2]!) ? `/${match[2]}` : match[2];
  return matchOperationLine(`${match[1]} ${target}`);
}


/**
 * A method and a path printed apart: `Method: PATCH` and `Endpoint: /users/{id}` on lines near each
 * other (in any order), a method alone above its path, or a path broken at every `/`.
 */
function readSplitOperation(entries: readonly Entry[], texts: readonly (string | undefined)[], index: number): (OperationFound & { source: 'split' | 'label'; methodLabelled?: boolean }) | undefined {
  const found = readSplitOperationParts(entries, texts, index);
  const labelled = METHOD_LABEL.test(texts[index]!) || METHOD_LABEL_ALONE.test(texts[index]!.trim());
  return found && labelled ? { ...found, methodLabelled: true } : found;
}

function readSplitOperationParts(entries: readonly Entry[], texts: readonly (string | undefined)[], index: number): (OperationFound & { source: 'split' | 'label' }) | undefined {
  const text = texts[index]!;
  let method: string | undefined;
  let methodAt = index;
  const labelled = METHOD_LABEL.exec(text);
  if (labelled?.[1]) method = labelled[1];
  else if (METHOD_WORD.test(text.trim())) method = text.trim();
  else if (METHOD_LABEL_ALONE.test(text.trim()) && METHOD_WORD.test((texts[index + 1] ?? '').trim())) {
    method = texts[index + 1]!.trim();
    methodAt = index + 1;
  }
  if (!method) return undefined;
  // The path: on the lines after the method (a split path joined back), or a labelled URL nearby.
  const after = joinSplitPath(texts, methodAt + 1, entries);
  if (after) {
    const target = readTarget(after.path);
    if (target && after.server) target.server = after.server;
    if (target) return { method: method.toLowerCase(), ...target, at: entries[index]!.at, blocks: [entries[index]!.block, ...after.blocks.map((k) => entries[k]!.block)], source: 'split' };
  }
  // `DELETE` / a sentence about it / `/api/v1/things/<uuid>`: the path alone on a line a little further down.
  for (let k = methodAt + 2; k <= methodAt + 3 && k < texts.length; k++) {
    const alone = (texts[k] ?? '').trim();
    const target = /^(?:\/|https?:\/\/)\S*$/.test(alone) ? readTarget(alone) : undefined;
    if (target && target.path.length > 1) return { method: method.toLowerCase(), ...target, at: entries[index]!.at, blocks: [entries[index]!.block, entries[k]!.block], source: 'split' };
  }
  for (let k = Math.max(0, index - 6); k < Math.min(texts.length, index + 7); k++) {
    if (k === index) continue;
    const url = readUrlLabel(texts, k);
    if (url) return { method: method.toLowerCase(), ...url.target, at: entries[k]!.at, blocks: [entries[index]!.block, ...url.blocks.map((b) => entries[b]!.block)], source: 'label' };
  }
  return undefined;
}

/**
 * `/` `api` `/` `v2` ... one segment per line, or the whole path on the next line; a server's URL
 * alone on that line with the path on the one after (`https://api.example.com/v1` / `/things`).
 */
function joinSplitPath(texts: readonly (string | undefined)[], from: number, entries: readonly Entry[]): { path: string; server?: string; blocks: number[] } | undefined {
  const first = (texts[from] ?? '').trim();
  if (!first.startsWith('/') && !/^https?:\/\//.test(first) && !/^\{\{?[\w.-]+\}\}?\//.test(first)) return undefined;
  const next = (texts[from + 1] ?? '').trim();
  if (/^https?:\/\/[^\s{}]+$/.test(first) && /^\/\S*[^/\s]$/.test(next) && !first.endsWith('/')) {
    return { path: next.split(/\s/)[0]!, server: first, blocks: [from, from + 1] };
  }
  if (first !== '/' || texts[from + 1] === undefined) {
    const token = first.split(/\s/)[0]!;
    return { path: cutGluedSentence(token, first.slice(token.length)), blocks: [from] };
  }
  let path = '';
  const used: number[] = [];
  for (let k = from; k < texts.length && used.length < 40; k++) {
    const part = (texts[k] ?? '').trim();
    // A segment is the next block: a path ending in `/` stops at a sample or table between it and the next word.
    const adjacent = used.length === 0 || entries[k]!.block === entries[used.at(-1)!]!.block + 1;
    if (adjacent && (part === '/' || (used.length > 0 && /^[\w{}.:-]+$/.test(part) && path.endsWith('/')))) {
      path += part;
      used.push(k);
    } else break;
  }
  return path.length > 1 ? { path, blocks: used } : undefined;
}

/** `URL: /x`, `Endpoint: https://...`, or such a label alone with the URL on the next line. */
function readUrlLabel(texts: readonly (string | undefined)[], k: number): { target: { path: string; server?: string }; blocks: number[] } | undefined {
  const text = (texts[k] ?? '').trim();
  const label = URL_LABEL.exec(text);
  if (!label) return undefined;
  const value = label[1]?.trim();
  if (value) {
    const target = readTarget(value.split(/\s/)[0]!);
    return target && { target, blocks: [k] };
  }
  // The URL on the lines under the label; of several (`URLs:` over `/v1/users/me` and
  // `/v1/users/{userId}`), the template: the others are its special cases, left unread and reported.
  const targets: { target: NonNullable<ReturnType<typeof readTarget>>; k: number }[] = [];
  for (let next = k + 1; next < texts.length && targets.length < 8; next++) {
    const line = (texts[next] ?? '').trim();
    const target = line ? readTarget(line.split(/\s/)[0]!) : undefined;
    if (!target) break;
    targets.push({ target, k: next });
    // Only a line that is the URL alone can have another URL under it; more words end the list.
    if (/\s/.test(line)) break;
  }
  const chosen = targets.find(({ target }) => /\{[^}]+\}/.test(target.path)) ?? targets[0];
  return chosen && { target: chosen.target, blocks: [k, chosen.k] };
}

/** A page that prints only the endpoint's URL (no method): the operation is there, its method is not. */
function readUrlOnly(entries: readonly Entry[], texts: readonly (string | undefined)[]): OperationFound | undefined {
  for (let k = 0; k < texts.length; k++) {
    const url = readUrlLabel(texts, k);
    if (url) return { method: 'get', ...url.target, at: entries[k]!.at, blocks: url.blocks.map((b) => entries[b]!.block), methodInferred: true, source: 'url' };
  }
  for (let k = 0; k < entries.length; k++) {
    const text = texts[k];
    const match = text ? /^(https?:\/\/\S+?\/\S*?)(?:[?{]|$)/.exec(text.trim()) : undefined;
    if (match?.[1] && /\/api\//.test(match[1])) {
      const target = readTarget(match[1]);
      if (target) return { method: 'get', ...target, at: entries[k]!.at, blocks: [entries[k]!.block], methodInferred: true, source: 'url' };
    }
  }
  return undefined;
}

/** The method and URL of a curl command; GET when no `-X` says otherwise and no data is sent. */
export function readCurlTarget(command: string): { method: string; path: string; server?: string; methodInferred?: boolean } | undefined {
  const text = command.replace(/\\\s*\n/g, ' ').replace(/\s\\\s/g, ' ');
  if (!/^\s*(?:\$\s*)?curl\s/.test(text)) return undefined;
  const method = /(?:^|\s)(?:-X|--request)\s*['"]?([A-Za-z]+)/.exec(text)?.[1];
  const sendsData = /(?:^|\s)(?:-d|--data(?:-raw|-binary|-urlencode)?|-F|--form)\s/.test(text);
  const url = /(?:^|\s)(?:--url\s+)?['"]?((?:https?:\/\/|\{\{?[\w.-]+\}\}?)[^\s'"]+)/.exec(text)?.[1];
  if (!url) return undefined;
  const target = readTarget(url);
  if (!target) return undefined;
  if (method && METHOD_WORD.test(method)) return { method: method.toLowerCase(), ...target };
  return { method: sendsData ? 'post' : 'get', ...target, methodInferred: true };
}

/**
 * The JSON a curl command sends (`-d '{...}'`, `--data-raw`, `--json`), with its offset in the
 * command; undefined when it sends none, or something other than JSON.
 */
export function readCurlData(command: string): { text: string; offset: number } | undefined {
  const option = /(?:^|\s)(?:-d|--data(?:-raw|-binary)?|--json)\s*(['"])/.exec(command);
  if (!option) return undefined;
  const quote = option[1]!;
  const start = option.index + option[0].length;
  let end = start;
  for (; end < command.length && command[end] !== quote; end++) if (quote === '"' && command[end] === '\\') end++;
  const text = command.slice(start, end);
  const lead = text.length - text.trimStart().length;
  return /^[{[]/.test(text.trimStart()) ? { text: text.trimStart(), offset: start + lead } : undefined;
}

/** Two paths are one template when their segments match, a placeholder matching any segment. */
export function samePath(template: string, path: string): boolean {
  const a = template.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return false;
  return a.every((segment, i) => segment === b[i] || /^\{[^}]+\}$/.test(segment) || /^\{[^}]+\}$/.test(b[i]!));
}

/**
 * A path printed again as an example of the operation's: the same template, or its end printed
 * without the base path (`/api/things/42` for `/v0/api/things/{id}`), a trailing `/` standing for
 * the segment the printed path left out.
 */
export function sameOperationPath(template: string, example: string): boolean {
  if (samePath(template, example)) return true;
  const open = (path: string) => (path.length > 1 && path.endsWith('/') ? `${path}{_}` : path);
  const a = open(template).split('/');
  const b = open(example).split('/');
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  const tail = ['', ...long.slice(long.length - (short.length - 1))];
  return samePath(tail.join('/'), short.join('/'));
}
