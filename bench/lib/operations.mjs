// Which two operations the consumer file calls and the request benchmark sends, sample values
// for their required inputs (built from the spec's schemas, so they type-check), and the name
// each tool gives those operations (read back from each tool's output).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export function loadSpec(file) {
  const text = readFileSync(file, 'utf8');
  return /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function resolve(doc, node, seen = new Set()) {
  let current = node;
  while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) return {};
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at, key) => (at === undefined ? undefined : at[key]), doc);
  }
  return current ?? {};
}

export function listOperations(doc) {
  const out = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(doc, p));
      const byKey = new Map(params.map((p) => [`${p.in}:${p.name}`, p]));
      const body = op.requestBody ? resolve(doc, op.requestBody) : undefined;
      const mediaType = body ? Object.keys(body.content ?? {})[0] : undefined;
      out.push({
        operationId: op.operationId,
        method,
        path: route,
        params: [...byKey.values()],
        body: body && mediaType ? { required: body.required === true, mediaType, schema: body.content[mediaType].schema ?? {} } : undefined,
        jsonResponse: Object.entries(op.responses ?? {}).some(([status, r]) => /^2/.test(status) && Object.keys(resolve(doc, r).content ?? {}).some((m) => m.includes('json'))),
      });
    }
  }
  return out;
}

function usable(op) {
  if (!op.operationId) return false;
  if (op.params.some((p) => p.required && (p.in === 'header' || p.in === 'cookie'))) return false;
  if (op.body && !/json|x-www-form-urlencoded/.test(op.body.mediaType)) return false;
  return true;
}

/** The read operation (a GET, with path parameters if any has them) and the write operation (a body). */
export function pickOperations(doc, preferred = []) {
  const ops = listOperations(doc).filter(usable);
  const byId = new Map(ops.map((o) => [o.operationId, o]));
  const [wantRead, wantWrite] = preferred;
  const reads = ops.filter((o) => o.method === 'get' && o.jsonResponse && !o.body && !o.params.some((p) => p.required && p.in === 'query'));
  const read = byId.get(wantRead) ?? reads.find((o) => o.params.some((p) => p.in === 'path')) ?? reads[0] ?? ops[0];
  const writes = ops.filter((o) => ['post', 'put', 'patch'].includes(o.method) && o.body && o !== read);
  const write = byId.get(wantWrite) ?? writes[0] ?? ops.find((o) => o !== read);
  return [read, write].filter(Boolean);
}

/** A value that satisfies `schema`: required properties only, first alternative of a union. */
export function sampleValue(doc, schema, depth = 0) {
  const s = resolve(doc, schema);
  if (depth > 8) return {};
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? s.enum[0];
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((part) => sampleValue(doc, part, depth + 1));
    const own = s.properties || s.required ? sampleValue(doc, { ...s, allOf: undefined }, depth + 1) : undefined;
    return Object.assign({}, ...parts.filter((p) => p && typeof p === 'object' && !Array.isArray(p)), own ?? {});
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[key]) && s[key].length > 0) {
      const first = s[key].find((alt) => resolve(doc, alt).type !== 'null') ?? s[key][0];
      return sampleValue(doc, first, depth + 1);
    }
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type ?? (s.properties ? 'object' : undefined)) {
    case 'string':
      if (s.format === 'date-time') return '2024-01-01T00:00:00Z';
      if (s.format === 'date') return '2024-01-01';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return s.minItems > 0 ? Array.from({ length: s.minItems }, () => sampleValue(doc, s.items ?? {}, depth + 1)) : [];
    case 'object': {
      const out = {};
      for (const name of s.required ?? []) out[name] = sampleValue(doc, s.properties?.[name] ?? {}, depth + 1);
      return out;
    }
    default:
      return 'x';
  }
}

/** Sample inputs of an operation: `{ path, query, body }`, each present only when needed. */
export function sampleRequest(doc, op) {
  const request = {};
  const path = op.params.filter((p) => p.in === 'path');
  if (path.length > 0) request.path = Object.fromEntries(path.map((p) => [p.name, sampleValue(doc, p.schema ?? { type: 'string' })]));
  const query = op.params.filter((p) => p.in === 'query' && p.required);
  if (query.length > 0) request.query = Object.fromEntries(query.map((p) => [p.name, sampleValue(doc, p.schema ?? { type: 'string' })]));
  if (op.body?.required) request.body = sampleValue(doc, op.body.schema);
  return request;
}

/** A concrete URL for a request, as raw fetch sends it. */
export function concretePath(op, request) {
  return op.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(request.path?.[name] ?? 'x')));
}

// ---- the names each tool gives the operations ----------------------------------------------

const shape = (route) => route.replace(/\{[^}]*\}/g, '{}');

/** specmill: `name: (request, callOptions) => runtime.call(specs['operationId'], ...)` in client.js. */
export function specmillNames(clientJs) {
  const names = new Map();
  const re = /(\w+):\s*\(request(?:\s*=\s*\{\})?,\s*callOptions\)\s*=>\s*runtime\.\w+\(\s*specs\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/g;
  for (const m of clientJs.matchAll(re)) names.set((m[2] ?? m[3]).replace(/\\(.)/g, '$1'), m[1]);
  return names;
}

export function specmillFactory(clientJs) {
  return /export function (create\w+Client)\s*\(/.exec(clientJs)?.[1];
}

/** hey-api: `export const name = ... (options.client ?? client).get<...>({ ... url: '/path' ...` in sdk.gen.ts. */
export function heyApiNames(sdk) {
  const names = new Map();
  for (const chunk of sdk.split(/\nexport const /).slice(1)) {
    const name = /^(\w+)/.exec(chunk)?.[1];
    const method = /\.(get|post|put|patch|delete|head|options|trace)</.exec(chunk)?.[1];
    const url = /url: '([^']+)'/.exec(chunk)?.[1];
    if (name && method && url) names.set(`${method} ${shape(url)}`, name);
  }
  return names;
}

/** orval (fetch): `export const name = async (a: T, b: T, body: B, params?: Q, options?: RequestInit)`. */
export function orvalFunctions(api) {
  const urls = new Map();
  const fns = new Map();
  for (const chunk of api.split(/\nexport const /).slice(1)) {
    const name = /^(\w+)/.exec(chunk)?.[1];
    if (!name) continue;
    if (/^get\w+Url$/.test(name)) {
      const templates = [...chunk.matchAll(/`([^`]*)`/g)].map((m) => m[1]).filter((t) => !t.includes('?'));
      if (templates[0] !== undefined) urls.set(name, templates[0].replace(/\$\{[^}]*\}/g, '{}'));
      continue;
    }
    const urlFn = /fetch\(\s*(get\w+Url)\(/.exec(chunk)?.[1];
    const method = /method:\s*'(\w+)'/.exec(chunk)?.[1];
    const signature = /^\w+\s*=\s*async\s*\(([\s\S]*?)\)\s*:\s*Promise</.exec(chunk)?.[1];
    if (urlFn && method && signature !== undefined) fns.set(name, { urlFn, method: method.toLowerCase(), params: splitParams(signature) });
  }
  const out = new Map();
  for (const [name, fn] of fns) {
    const url = urls.get(fn.urlFn);
    if (url !== undefined) out.set(`${fn.method} ${url}`, { name, params: fn.params });
  }
  return out;
}

function splitParams(signature) {
  const params = [];
  let depth = 0;
  let current = '';
  for (const ch of signature) {
    if ('<({['.includes(ch)) depth++;
    if ('>)}]'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      params.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) params.push(current);
  return params
    .map((p) => /^\s*(\w+)(\??)\s*:\s*([\s\S]*)$/.exec(p))
    .filter(Boolean)
    .map((m) => ({ name: m[1], optional: m[2] === '?', type: m[3].trim() }));
}

/** redocly generate-client: `name: { id: "operationId", method: ...` in the OPERATIONS table. */
export function redoclyNames(client) {
  const names = new Map();
  for (const m of client.matchAll(/\n\s+(\w+): \{ id: "((?:[^"\\]|\\.)*)", method:/g)) names.set(JSON.parse(`"${m[2]}"`), m[1]);
  return names;
}

export function operationKey(op) {
  return `${op.method} ${shape(op.path)}`;
}
