// The base URL a client calls: the caller's, or the spec's first server with its variables filled
// in; refused when fetch could not use it or it would leak credentials, a query or a fragment.
import type { ApiDescription, ClientOptions } from './contracts.js';
import { RequestError } from './errors.js';
import { redactUrl } from './redact.js';

/** Refuses a base URL that fetch could not use or that would leak: credentials, a query, a fragment. */
function checkBaseUrl(url: string, title: string): string {
  let parsed: URL;
  try {
    // A relative base (`/api`) is fine in browsers; the placeholder host only lets it parse.
    parsed = new URL(url, 'http://relative.invalid/');
  } catch {
    throw new RequestError(`${title}: the base URL ${redactUrl(url)} is not a URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new RequestError(`${title}: the base URL ${redactUrl(url)} carries credentials; pass them as auth (or headers), which never go to another origin`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RequestError(`${title}: the base URL ${redactUrl(url)} is not http or https`);
  if (url.includes('?') || url.includes('#')) throw new RequestError(`${title}: the base URL ${redactUrl(url)} has a query or fragment, and paths are appended to it`);
  return url.replace(/\/+$/, '');
}

export function resolveBaseUrl(options: ClientOptions, api: Pick<ApiDescription, 'servers' | 'title'>): string {
  if (options.baseUrl) return checkBaseUrl(options.baseUrl, api.title);
  const server = api.servers[0];
  if (!server) {
    throw new RequestError(`${api.title}: the spec names no server, so pass { baseUrl } when creating the client`);
  }
  const url = server.url.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
    const value = options.serverVariables?.[name] ?? server.variables?.[name]?.default;
    if (value === undefined || value === '') throw new RequestError(`${api.title}: no value for the server variable "${name}" (pass serverVariables: { ${JSON.stringify(name)}: ... })`);
    // A server variable fills the server part only: it cannot add a path, query or fragment.
    if (/[/?#@\\\s]/.test(value)) throw new RequestError(`${api.title}: server variable "${name}" cannot contain / ? # @ \\ or spaces`);
    return value;
  });
  return checkBaseUrl(url, api.title);
}
