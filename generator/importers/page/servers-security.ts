// The API's servers and how it authenticates, from what a page shows of them: a `Servers` list
// (`- Production: https://api.example.com (Live)`), an authentication section that names its methods
// (`- Authorization token`, `- A & B` when both are needed) or says it in prose, a header parameter
// `Authorization`, and the curl sample's headers and host (`https://{api_host}/v3/x` beside the
// page's `https://api.example.local/v3/x`: a server variable whose default the page shows).
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { isObject, type JsonObject } from '../../core/openapi-types.js';
import type { Position } from './blocks.js';
import type { CurlCommand } from './curl-sample.js';
import { setOwn } from './infer-schema.js';

/** A curl sample of the page with where it stands. */
export interface LocatedCurl {
  command: CurlCommand;
  at: (offset: number) => Position;
}

export interface SecurityRead {
  schemes: Record<string, JsonObject>;
  /** Alternatives: one of them must be met; each names the schemes it needs together. */
  requirements: JsonObject[];
}

// `name: ` is optional and lazy, so a URL used as its own name (`https://x: https://x ()`) splits at `: `.
const SERVER_ITEM = /^(?:(.{0,200}?):\s+)?((?:https?:\/\/|\/|\{)[^\s()]*)(?:\s*\(([^()]*)\))?\s*$/;

/** Servers listed one per item; an item that is none is a located warning. */
export function readServerItems(items: readonly { text: string; at: Position }[], file: string): { servers: JsonObject[]; diagnostics: Diagnostic[] } {
  const servers: JsonObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const match = SERVER_ITEM.exec(item.text);
    if (!match) {
      diagnostics.push(warning(`a Servers item that is not \`name: url (description)\` was not read: ${JSON.stringify(item.text.slice(0, 60))}`, { file, ...item.at }));
      continue;
    }
    const url = match[2]!;
    const name = match[1]?.trim();
    const description = match[3]?.trim() || (name && name !== url ? name : '');
    const server: JsonObject = { url };
    if (description) server.description = description;
    // The page never shows server variables; declaring them keeps the URL template valid.
    const variables = [...url.matchAll(/\{([^{}]+)\}/g)].map((v) => v[1]!);
    if (variables.length > 0) {
      const declared: JsonObject = {};
      for (const variable of variables) setOwn(declared, variable, { default: '' });
      server.variables = declared;
    }
    if (!servers.some((s) => s.url === url)) servers.push(server);
  }
  return { servers, diagnostics };
}

/**
 * The methods an authentication section lists by name only: one scheme per name, its type guessed
 * from the name (and said so in a warning), one requirement per item, `A & B` needing both.
 */
export function readNamedMethods(methods: readonly { name: string; at: Position }[], file: string): SecurityRead & { diagnostics: Diagnostic[] } {
  const schemes: Record<string, JsonObject> = {};
  const requirements: JsonObject[] = [];
  const guessed: string[] = [];
  for (const method of methods) {
    const requirement: JsonObject = {};
    for (const part of method.name.split(/\s+&\s+/)) {
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
  const diagnostics: Diagnostic[] = [];
  if (guessed.length > 0) {
    diagnostics.push(
      warning(`the page names its authentication methods only (${guessed.map((g) => `"${g}"`).join(', ')}); their types are guessed from the names`, {
        file,
        ...methods[0]!.at,
      }),
    );
  }
  return { schemes, requirements, diagnostics };
}

/**
 * The credential the page shows being sent: the curl sample's `Authorization` header (or an API key
 * header), else a header parameter `Authorization`; an HTTP bearer or basic scheme when the page
 * says so, else an API key in that header.
 */
export function readSentCredential(
  curls: readonly LocatedCurl[],
  authorizationParameter: string | undefined,
  prose: string,
): { name: string; scheme: JsonObject } | undefined {
  const headers = curls.flatMap((curl) => curl.command.headers);
  const authorization = headers.find((h) => h.name.toLowerCase() === 'authorization')?.value ?? authorizationParameter;
  const said = `${authorization ?? ''} ${prose}`;
  if (/\bbearer\b/i.test(said)) return { name: 'bearer', scheme: { type: 'http', scheme: 'bearer' } };
  if (/\bbasic\b/i.test(said)) return { name: 'basic', scheme: { type: 'http', scheme: 'basic' } };
  if (authorization !== undefined) return { name: 'Authorization', scheme: { type: 'apiKey', in: 'header', name: 'Authorization' } };
  const apiKey = headers.find((h) => /api[-_]?key|auth[-_]?token|access[-_]?token/i.test(h.name));
  if (apiKey) return { name: apiKey.name.replace(/[^A-Za-z0-9._-]/g, '_'), scheme: { type: 'apiKey', in: 'header', name: apiKey.name } };
  return undefined;
}

/**
 * The server a curl sample calls when its host is a template (`https://{api_host}`): that template,
 * each placeholder a variable whose default is what the page's own URL shows in its place.
 */
export function templatedServer(curls: readonly LocatedCurl[], pageServer: string | undefined, file: string): { server?: JsonObject; diagnostics: Diagnostic[] } {
  for (const curl of curls) {
    const url = curl.command.url;
    const origin = url ? /^(https?:\/\/[^/?#\s]+)/.exec(url.value)?.[1] : undefined;
    if (!url || !origin || !/\{[^}]+\}/.test(origin)) continue;
    const names = [...origin.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${origin.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)')}$`);
    const values = pageServer && !/\{[^}]+\}/.test(pageServer) ? pattern.exec(pageServer)?.slice(1) : undefined;
    const diagnostics: Diagnostic[] = [];
    const variables: JsonObject = {};
    names.forEach((name, i) => {
      const value = values?.[i];
      if (value === undefined) {
        diagnostics.push(warning(`no example value for the server variable {${name}}: expected the page's URL to show a host in its place`, { file, ...curl.at(url.offset) }));
      }
      setOwn(variables, name, { default: value ?? name });
    });
    return { server: { url: origin, variables }, diagnostics };
  }
  return { diagnostics: [] };
}

/** Adds a security read to a fragment: its schemes under components, its requirements on the operation. */
export function addSecurity(fragment: JsonObject, operation: JsonObject, security: SecurityRead): void {
  // An empty list would declare the operation public; a section we could not read says nothing of the kind.
  if (security.requirements.length === 0) return;
  operation.security = security.requirements;
  const components = isObject(fragment.components) ? fragment.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const [key, scheme] of Object.entries(security.schemes)) if (!(key in schemes)) setOwn(schemes, key, scheme);
  components.securitySchemes = schemes;
  fragment.components = components;
}

/** `Name (hint, hint)` or `**Name** (hint) description`. */
function splitHints(part: string): { name: string; hints: string[] } {
  const first = part.trim();
  const hints: string[] = [];
  let name = first;
  for (let match = TRAILING_HINT.exec(name); match; match = TRAILING_HINT.exec(name)) {
    hints.unshift(...hintList(match[1] ?? ''));
    name = name.slice(0, match.index);
  }
  return { name: name.replace(/\s+/g, ' ').trim(), hints };
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
