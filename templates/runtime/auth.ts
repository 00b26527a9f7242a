// Credentials from the spec's security schemes: bearer, basic, and API keys in a header, the query
// or a cookie. Each is a value or a provider called per request (for tokens that expire).

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

export interface AuthTarget {
  headers: Record<string, string>;
  query: Record<string, unknown>;
  cookies: string[];
}

async function resolve<T>(credential: Credential<T>): Promise<T> {
  return typeof credential === 'function' ? await (credential as () => T | Promise<T>)() : credential;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Applies the first of the operation's alternatives (`security: [{a, b}, {c}]`) whose schemes all
 * have credentials. An operation with no alternative satisfied is sent without credentials: the
 * server's 401 says more than a guess here would.
 */
export async function applyAuth(
  alternatives: readonly (readonly string[])[] | undefined,
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  auth: AuthOptions | undefined,
  target: AuthTarget,
): Promise<void> {
  if (!alternatives || !auth) return;
  const chosen = alternatives.find((names) => names.length > 0 && names.every((name) => auth[name] !== undefined && schemes[name]));
  if (!chosen) return;
  for (const name of chosen) {
    const scheme = schemes[name]!;
    const credential = auth[name]!;
    if (scheme.type === 'basic') {
      const { username, password } = await resolve(credential as Credential<BasicCredentials>);
      target.headers.Authorization = `Basic ${base64(`${username}:${password}`)}`;
      continue;
    }
    const value = String(await resolve(credential as Credential<string>));
    if (scheme.type === 'bearer') target.headers.Authorization = `Bearer ${value}`;
    else if (scheme.in === 'header') target.headers[scheme.name] = value;
    else if (scheme.in === 'query') target.query[scheme.name] = value;
    else target.cookies.push(`${encodeURIComponent(scheme.name)}=${encodeURIComponent(value)}`);
  }
}
