// Serializes query parameters so that neither values nor names nor object keys can add a
// parameter: everything is percent-encoded (openapi-fetch leaves names and deepObject keys raw).
// Arrays explode as `a=1&a=2` (form), objects as `a[k]=v` (deepObject), unless a parameter's
// documented style says otherwise.

export interface QueryStyle {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

const enc = encodeURIComponent;

function primitive(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function serializeQuery(query: Record<string, unknown> | undefined, styles?: Readonly<Record<string, QueryStyle>>): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const style = styles?.[name];
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== undefined && v !== null).map(primitive);
      if (style?.explode === false || style?.style === 'spaceDelimited' || style?.style === 'pipeDelimited') {
        const separator = style?.style === 'spaceDelimited' ? '%20' : style?.style === 'pipeDelimited' ? '|' : ',';
        parts.push(`${enc(name)}=${items.map(enc).join(separator)}`);
      } else {
        for (const item of items) parts.push(`${enc(name)}=${enc(item)}`);
      }
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      if (style?.style === 'form' && style.explode !== false) {
        for (const [key, v] of entries) parts.push(`${enc(key)}=${enc(primitive(v))}`);
      } else if (style?.style === 'form') {
        parts.push(`${enc(name)}=${entries.map(([k, v]) => `${enc(k)},${enc(primitive(v))}`).join(',')}`);
      } else {
        for (const [key, v] of entries) parts.push(`${enc(`${name}[${key}]`)}=${enc(primitive(v))}`);
      }
    } else {
      parts.push(`${enc(name)}=${enc(primitive(value))}`);
    }
  }
  return parts.join('&');
}
