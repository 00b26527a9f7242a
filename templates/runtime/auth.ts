// Credentials from the spec's security schemes: bearer, basic, and API keys in a header, the query
// or a cookie. Each is a value or a provider called per request (for tokens that expire). Values
// are turned into headers, query parameters and cookies once per operation's security and reused;
// only providers cost work on every request.
import { checkHeaders } from './headers.js';
import { RequestError } from './errors.js';

export type SecuritySchemeSpec =
  | { type: 'bearer' }
  | { type: 'basic' }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

export type Credential<T> = T | (() => T | Promise<T>);
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Credentials by scheme name; what each holds depends on its scheme's type. */
export type AuthOptions = Record<string, Credential<string> | Credential<BasicCredentials> | undefined>;

/** What an operation's credentials add to its request. Shared between requests: never mutate. */
export interface AuthParts {
  headers: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** `name=value` pairs, already encoded, for the Cookie header. */
  cookies: readonly string[];
}

export type Security = readonly (readonly string[])[] | undefined;

/** The credentials of one operation's security: none, parts ready to use, or parts per request. */
export type ResolveAuth = (security: Security) => AuthParts | Promise<AuthParts> | undefined;

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function encodeCookie(text: string, scheme: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new RequestError(`the credential of "${scheme}" has a lone surrogate (malformed UTF-16), which no cookie can carry`);
  }
}

function buildParts(chosen: readonly string[], schemes: Readonly<Record<string, SecuritySchemeSpec>>, values: Readonly<Record<string, unknown>>): AuthParts {
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  const cookies: string[] = [];
  for (const name of chosen) {
    const scheme = schemes[name]!;
    const value = values[name];
    if (scheme.type === 'basic') {
      const { username, password } = value as BasicCredentials;
      headers.Authorization = `Basic ${base64(`${username}:${password}`)}`;
    } else if (scheme.type === 'bearer') headers.Authorization = `Bearer ${String(value)}`;
    else if (scheme.in === 'header') headers[scheme.name] = String(value);
    else if (scheme.in === 'query') query[scheme.name] = String(value);
    else cookies.push(`${encodeCookie(scheme.name, name)}=${encodeCookie(String(value), name)}`);
  }
  checkHeaders(headers);
  return { headers, query, cookies };
}

/**
 * The credentials for each operation: the first of its alternatives (`security: [{a, b}, {c}]`)
 * whose schemes all have credentials. An operation with no alternative satisfied is sent without
 * credentials: the server's 401 says more than a guess here would.
 */
export function createAuth(schemes: Readonly<Record<string, SecuritySchemeSpec>>, auth: AuthOptions | undefined): ResolveAuth {
  if (!auth) return () => undefined;
  const byScheme: Record<string, unknown> = { ...auth };
  // Keyed by the operation's security array, which each generated operation holds once.
  const ready = new WeakMap<object, AuthParts | null>();
  const choose = (security: Security) => security?.find((names) => names.length > 0 && names.every((name) => byScheme[name] !== undefined && schemes[name]));
  return (security) => {
    if (!security) return undefined;
    const known = ready.get(security);
    if (known !== undefined) return known ?? undefined;
    const chosen = choose(security);
    if (!chosen) {
      ready.set(security, null);
      return undefined;
    }
    if (chosen.every((name) => typeof byScheme[name] !== 'function')) {
      const parts = buildParts(chosen, schemes, byScheme);
      ready.set(security, parts);
      return parts;
    }
    return resolveProviders(chosen, schemes, byScheme);
  };
}

async function resolveProviders(chosen: readonly string[], schemes: Readonly<Record<string, SecuritySchemeSpec>>, byScheme: Readonly<Record<string, unknown>>): Promise<AuthParts> {
  const values: Record<string, unknown> = {};
  for (const name of chosen) {
    const credential = byScheme[name];
    values[name] = typeof credential === 'function' ? await (credential as () => unknown)() : credential;
  }
  return buildParts(chosen, schemes, values);
}
