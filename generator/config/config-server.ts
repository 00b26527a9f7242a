// A spec whose pages (and overlays) name no server gets the API's `client.baseUrl` from the config as
// its one server, so that the spec says what the client calls and passes redocly's no-empty-servers.
// The server records that it came from the config (`x-specmill-source`: the config file and, when
// the URL is written there literally, its line). A spec that has servers is left as it is: the
// config's baseUrl then only changes the client's default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedApi } from './config.js';
import { positionOf } from '../core/diagnostics.js';
import { SOURCE_EXTENSION, type OpenApiDocument } from '../core/openapi-types.js';

export const CONFIG_SERVER_DESCRIPTION = 'client.baseUrl of the specmill config (the pages name no server)';

/** Where the config file states `url`, as `file:line:column`, or just the file. */
function locateInConfig(configFile: string, root: string, url: string): string {
  const file = path.relative(root, configFile).split(path.sep).join('/');
  try {
    const text = readFileSync(configFile, 'utf8');
    const offset = text.indexOf(url);
    if (offset === -1) return file;
    const { line, column } = positionOf(text, offset);
    return `${file}:${line}:${column}`;
  } catch {
    return file;
  }
}

export function addConfigServer(spec: OpenApiDocument, api: ResolvedApi, options: { configFile: string; root: string }): OpenApiDocument {
  const baseUrl = api.client?.baseUrl;
  if (baseUrl === undefined || (Array.isArray(spec.servers) && spec.servers.length > 0)) return spec;
  const server = { url: baseUrl, description: CONFIG_SERVER_DESCRIPTION, [SOURCE_EXTENSION]: locateInConfig(options.configFile, options.root, baseUrl) };
  // `servers` goes where the canonical order puts it: after info (and jsonSchemaDialect).
  const out: OpenApiDocument = {};
  let placed = false;
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'servers') continue;
    if (!placed && !['openapi', 'info', 'jsonSchemaDialect'].includes(key)) {
      out.servers = [server];
      placed = true;
    }
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  }
  if (!placed) out.servers = [server];
  return out;
}
