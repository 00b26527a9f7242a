// An operation's parameters compared: added, removed, renamed path parameters, required or not,
// and each one's schema.
import { compareNatural } from '../core/natural-order.js';
import { isObject, type JsonObject, type JsonValue, type OpenApiDocument } from '../core/openapi-types.js';
import { add, at, type Context, type OperationEntry, resolve } from './changes.js';
import { diffSchema } from './diff-schemas.js';

interface ParameterEntry {
  name: string;
  in: string;
  node: JsonObject;
  pointer: string;
  source: string | undefined;
}

/** Path-item and operation parameters (the operation's win), by location and name. */
function collectParameters(doc: OpenApiDocument, entry: OperationEntry): Map<string, ParameterEntry> {
  const out = new Map<string, ParameterEntry>();
  const read = (list: JsonValue | undefined, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const found = resolve(doc, { value: raw, pointer: `${pointer}/${index}`, source: entry.source });
      const node = found.value;
      if (!isObject(node) || typeof node.name !== 'string' || typeof node.in !== 'string') return;
      // Header names are case-insensitive on the wire.
      const key = `${node.in}:${node.in === 'header' ? node.name.toLowerCase() : node.name}`;
      out.set(key, { name: node.name, in: node.in, node, pointer: found.pointer, source: found.source });
    });
  };
  read(entry.pathItem.parameters, `${entry.pathPointer}/parameters`);
  read(entry.operation.parameters, `${entry.pointer}/parameters`);
  return out;
}

/**
 * Operations are matched by URL with path parameter names blanked, so `/books/{bookId}` and
 * `/books/{id}` are one operation: the names at the same place in the path are one parameter.
 */
function renamedPathParameters(old: OperationEntry, now: OperationEntry): Map<string, string> {
  const names = (route: string) => [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const was = names(old.route);
  const is = names(now.route);
  return new Map(was.flatMap((name, i) => (is[i] !== undefined && is[i] !== name ? [[name, is[i]] as const] : [])));
}

export function diffParameters(ctx: Context, old: OperationEntry, now: OperationEntry): void {
  const renamed = renamedPathParameters(old, now);
  const before = new Map([...collectParameters(ctx.base, old)].map(([key, p]) => [p.in === 'path' && renamed.has(p.name) ? `path:${renamed.get(p.name)}` : key, p]));
  const after = collectParameters(ctx.head, now);
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compareNatural)) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && a.name !== b.name && b.in === 'path') {
      add(ctx, b.pointer, b.source, 'path-parameter-renamed', true, `path parameter ${a.name} renamed to ${b.name}`, `the URL is the same, but calls pass it as path: { ${a.name} }, a key the client no longer has`, 'request');
    }
    if (b && !a) {
      const required = isRequiredParameter(b.node);
      add(ctx, b.pointer, b.source, 'parameter-added', required, `added ${required ? 'required' : 'optional'} ${b.in} parameter ${b.name}`, required ? 'calls without it no longer compile' : 'callers may leave it out', 'request');
    } else if (a && !b) {
      add(ctx, a.pointer, a.source, 'parameter-removed', true, `removed ${a.in} parameter ${a.name}`, 'calls that pass it no longer compile', 'request');
    } else if (a && b) {
      const was = isRequiredParameter(a.node);
      const is = isRequiredParameter(b.node);
      if (!was && is) add(ctx, `${b.pointer}/required`, b.source, 'parameter-became-required', true, `${b.in} parameter ${b.name} became required`, 'calls without it no longer compile', 'request');
      if (was && !is) add(ctx, b.pointer, b.source, 'parameter-became-optional', false, `${b.in} parameter ${b.name} became optional`, 'callers may still pass it', 'request');
      diffSchema(ctx, 'request', `${b.in} parameter ${b.name}`, '', at(a, 'schema'), at(b, 'schema'));
    }
  }
}

function isRequiredParameter(node: JsonObject): boolean {
  return node.in === 'path' || node.required === true;
}
