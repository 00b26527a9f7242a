// The page-wide sections: `## Servers` (`- name: url (description)`) and `## Authentication methods`
// (`- Scheme name`, `- A & B` when both are needed), which Bump.sh lists by name only.
import type { JsonObject } from '../../openapi-types.js';
import type { PageLine } from './page-lines.js';
import { quote, warnAt, type PageReader } from './page-reader.js';
import { collapse } from './property-lists.js';
import type { Section } from './sections.js';

// `name: ` is optional and lazy, so a URL used as its own name (`https://x: https://x ()`) splits at `: `.
const SERVER = /(?:^|\s)-\s+(?:([^\n]*?):\s+)?((?:https?:\/\/|\/|\{)[^\s()]*)(?:\s*\(([^()]*)\))?/g;

export function readServers(section: Section, lines: readonly PageLine[], reader: PageReader): JsonObject[] {
  const { text, at } = sectionText(section, lines, reader);
  const servers: JsonObject[] = [];
  let rest = text;
  for (const match of text.matchAll(SERVER)) {
    const url = match[2] ?? '';
    const name = match[1]?.trim();
    const description = match[3]?.trim() || (name && name !== url ? name : '');
    const server: JsonObject = { url };
    if (description) server.description = description;
    // The page never shows server variables; declaring them keeps the URL template valid.
    const variables = [...url.matchAll(/\{([^{}]+)\}/g)].map((v) => v[1] ?? '');
    if (variables.length > 0) server.variables = Object.fromEntries(variables.map((v) => [v, { default: '' }]));
    servers.push(server);
    rest = rest.replace(match[0], ' ');
  }
  if (rest.trim() && at) warnAt(reader, `text under ## Servers that is not a \`- name: url (description)\` item is skipped`, at);
  if (servers.length === 0 && at) warnAt(reader, 'no server URL found under ## Servers', at);
  return servers;
}

export interface SecurityRead {
  schemes: Record<string, JsonObject>;
  requirements: JsonObject[];
}

export function readSecurity(section: Section, lines: readonly PageLine[], reader: PageReader): SecurityRead {
  const { text, at } = sectionText(section, lines, reader);
  const schemes: Record<string, JsonObject> = {};
  const requirements: JsonObject[] = [];
  const guessed: string[] = [];
  const items = text.split(/(?:^|\s)-\s+/).map((item) => item.trim());
  if (items[0] && at) warnAt(reader, `text under ${quote(section.at)} before its first \`- \` item is skipped`, at);
  for (const item of items.slice(1)) {
    if (!item) continue;
    const requirement: JsonObject = {};
    for (const part of item.split(/\s+&\s+/)) {
      const { name, hints } = splitHints(part);
      if (!name) continue;
      const key = schemeKey(name);
      if (!schemes[key]) {
        schemes[key] = schemeFor(name, hints);
        guessed.push(name);
      }
      requirement[key] = [];
    }
    if (Object.keys(requirement).length > 0) requirements.push(requirement);
  }
  if (guessed.length > 0 && at) {
    warnAt(
      reader,
      `the page names its authentication methods only (${guessed.map((g) => `"${g}"`).join(', ')}); their types are guessed from the names`,
      at,
    );
  }
  return { schemes, requirements };
}

/** `lines` are the section's own, with whatever a flattened page ran into the heading line first. */
function sectionText(section: Section, lines: readonly PageLine[], reader: PageReader): { text: string; at: PageLine | undefined } {
  for (const child of section.children) warnAt(reader, `unexpected section ${quote(child.at)} under ${quote(section.at)}; skipped`, child.at);
  return { text: lines.map((l) => l.text).join('\n'), at: lines[0] };
}

/** `Name (hint, hint)` or `**Name** (hint) description`; a line-broken item's later lines describe it. */
function splitHints(part: string): { name: string; hints: string[] } {
  const first = part.split('\n')[0]?.trim() ?? '';
  const bold = /^\*\*([^*]+)\*\*\s*(?:\(([^()]*)\))?/.exec(first);
  if (bold) return { name: collapse(bold[1] ?? ''), hints: hintList(bold[2] ?? '') };
  const hints: string[] = [];
  let name = first;
  for (let match = TRAILING_HINT.exec(name); match; match = TRAILING_HINT.exec(name)) {
    hints.unshift(...hintList(match[1] ?? ''));
    name = name.slice(0, match.index);
  }
  return { name: collapse(name), hints };
}

const TRAILING_HINT = /\s*\(([^()]*)\)\s*$/;

function hintList(text: string): string[] {
  return text
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** A components key (`^[A-Za-z0-9._-]+$`) that stays the same on every page naming the scheme. */
function schemeKey(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return key || 'auth';
}

function schemeFor(name: string, hints: string[]): JsonObject {
  const words = `${name} ${hints.join(' ')}`.toLowerCase();
  const description = `${name} (only named on the page; its type is guessed from the name)`;
  if (/\bbasic\b/.test(words)) return { type: 'http', scheme: 'basic', description };
  if (/\b(bearer|jwt)\b/.test(words)) return { type: 'http', scheme: 'bearer', description };
  if (/\boauth ?2?\b|\boauth2\b/.test(words)) return { type: 'oauth2', flows: {}, description };
  if (/\bcookie\b/.test(words)) return { type: 'apiKey', in: 'cookie', name: 'session', description };
  if (/\bmutual ?tls\b|\bmtls\b/.test(words)) return { type: 'mutualTLS', description };
  // API keys and tokens travel in the Authorization header unless the page says otherwise, which it does not.
  return { type: 'apiKey', in: 'header', name: 'Authorization', description };
}
