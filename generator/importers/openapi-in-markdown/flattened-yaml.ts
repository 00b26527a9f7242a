// Reads an OpenAPI document written in block YAML whose line breaks and indentation an export took
// away (Fern's `.md` export puts the whole page on one line). Without indentation the nesting is
// read from what OpenAPI allows where: each `key:` goes to the innermost open object that can hold
// it (a field it has not set yet, or an entry of a map whose values have that shape), `- ` to the
// innermost list whose items can start that way. Where the flat text cannot tell, the innermost
// wins; what fits nowhere is kept where it stands, so nothing is dropped.
import { parse } from 'yaml';
import type { SourceLocation } from '../../core/diagnostics.js';
import { MAX_DEPTH, pointerSegment, type StructuredText } from '../../parse/structured-text.js';

type Shape =
  | { kind: 'object'; fields: () => Record<string, Shape> }
  | { kind: 'map'; of: () => Shape; key?: RegExp }
  | { kind: 'list'; of: () => Shape }
  | { kind: 'scalar' }
  | { kind: 'any' };

const scalar: Shape = { kind: 'scalar' };
const any: Shape = { kind: 'any' };
const object = (fields: () => Record<string, Shape>): Shape => ({ kind: 'object', fields });
const map = (of: () => Shape, key?: RegExp): Shape => ({ kind: 'map', of, ...(key ? { key } : {}) });
const list = (of: () => Shape): Shape => ({ kind: 'list', of });
const scalars = list(() => scalar);

const fieldsOf = (names: string, shape: Shape) => Object.fromEntries(names.split(' ').map((n) => [n, shape]));

// The OpenAPI 3.x and Swagger 2.0 objects, as far as nesting goes.
const schema: Shape = object(() => ({
  ...fieldsOf('type format title description pattern $ref $id $schema $comment nullable readOnly writeOnly deprecated uniqueItems minimum maximum exclusiveMinimum exclusiveMaximum multipleOf minLength maxLength minItems maxItems minProperties maxProperties contentMediaType contentEncoding', scalar),
  ...fieldsOf('properties patternProperties $defs definitions dependentSchemas', map(() => schema)),
  ...fieldsOf('items not additionalProperties unevaluatedProperties propertyNames contains if then else', schema),
  ...fieldsOf('allOf anyOf oneOf prefixItems', list(() => schema)),
  ...fieldsOf('example default const xml', any),
  enum: list(() => any),
  examples: any,
  required: scalars,
  discriminator: object(() => ({ propertyName: scalar, mapping: map(() => scalar) })),
  externalDocs,
}));
const externalDocs: Shape = object(() => fieldsOf('description url', scalar));
const example: Shape = object(() => ({ ...fieldsOf('summary description externalValue $ref', scalar), value: any }));
const mediaType: Shape = object(() => ({ schema, example: any, examples: map(() => example), encoding: map(() => any) }));
const content = map(() => mediaType, /\//);
const header: Shape = object(() => ({ ...fieldsOf('description required deprecated style explode $ref', scalar), schema, example: any, examples: map(() => example), content }));
const parameter: Shape = object(() => ({
  ...fieldsOf('name in description required deprecated allowEmptyValue style explode allowReserved $ref type format collectionFormat', scalar),
  schema,
  items: schema,
  example: any,
  examples: map(() => example),
  content,
  enum: list(() => any),
  default: any,
}));
const requestBody: Shape = object(() => ({ ...fieldsOf('description required $ref', scalar), content }));
const link: Shape = object(() => ({ ...fieldsOf('operationRef operationId description $ref', scalar), parameters: map(() => any), requestBody: any, server }));
const response: Shape = object(() => ({ ...fieldsOf('description $ref', scalar), headers: map(() => header), content, links: map(() => link), schema, examples: any }));
const STATUS = /^(default|[1-5](\d\d|XX))$/i;
const server: Shape = object(() => ({ ...fieldsOf('url description', scalar), variables: map(() => object(() => ({ ...fieldsOf('default description', scalar), enum: scalars }))) }));
const securityRequirement = map(() => scalars);
const operation: Shape = object(() => ({
  ...fieldsOf('summary description operationId deprecated', scalar),
  ...fieldsOf('tags consumes produces schemes', scalars),
  externalDocs,
  parameters: list(() => parameter),
  requestBody,
  responses: map(() => response, STATUS),
  callbacks: map(() => any),
  security: list(() => securityRequirement),
  servers: list(() => server),
}));
const pathItem: Shape = object(() => ({
  ...fieldsOf('summary description $ref', scalar),
  ...fieldsOf('get put post delete options head patch trace', operation),
  parameters: list(() => parameter),
  servers: list(() => server),
}));
const securityScheme: Shape = object(() => ({ ...fieldsOf('type description name in scheme bearerFormat openIdConnectUrl flow authorizationUrl tokenUrl', scalar), flows: any, scopes: map(() => scalar) }));
const components: Shape = object(() => ({
  schemas: map(() => schema),
  responses: map(() => response),
  parameters: map(() => parameter),
  examples: map(() => example),
  requestBodies: map(() => requestBody),
  headers: map(() => header),
  securitySchemes: map(() => securityScheme),
  links: map(() => link),
  callbacks: map(() => any),
  pathItems: map(() => pathItem),
}));
const document: Shape = object(() => ({
  ...fieldsOf('openapi swagger jsonSchemaDialect host basePath', scalar),
  ...fieldsOf('schemes consumes produces', scalars),
  info: object(() => ({ ...fieldsOf('title summary description termsOfService version', scalar), contact: object(() => fieldsOf('name url email', scalar)), license: object(() => fieldsOf('name url identifier', scalar)) })),
  servers: list(() => server),
  paths: map(() => pathItem, /^\//),
  webhooks: map(() => pathItem),
  components,
  security: list(() => securityRequirement),
  tags: list(() => object(() => ({ ...fieldsOf('name description', scalar), externalDocs }))),
  externalDocs,
  definitions: map(() => schema),
  parameters: map(() => parameter),
  responses: map(() => response),
  securityDefinitions: map(() => securityScheme),
}));

type Kind = 'key' | 'dash' | 'word' | 'quoted' | 'flow' | 'block';
interface Token {
  kind: Kind;
  /** The key's name, or the token's text. */
  text: string;
  offset: number;
}

/** Splits the flat text into keys (`name:`), item dashes, words, quoted scalars and flow collections. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i++;
      while (i < text.length && !(text[i] === c && !(c === "'" && text[i + 1] === "'") && !(c === '"' && text[i - 1] === '\\'))) i += c === "'" && text[i] === "'" ? 2 : 1;
      i++;
      const raw = text.slice(start, i);
      if (text[i] === ':' && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) {
        tokens.push({ kind: 'key', text: String(safeParse(raw) ?? raw), offset: start });
        i++;
      } else tokens.push({ kind: 'quoted', text: raw, offset: start });
      continue;
    }
    if ((c === '[' || c === '{') && (tokens.length === 0 || tokens.at(-1)!.kind === 'key' || tokens.at(-1)!.kind === 'dash')) {
      let depth = 0;
      let quote: string | undefined;
      for (; i < text.length; i++) {
        const d = text[i]!;
        if (quote) {
          if (d === quote) quote = undefined;
        } else if (d === '"' || d === "'") quote = d;
        else if (d === '[' || d === '{') depth++;
        else if ((d === ']' || d === '}') && --depth === 0) break;
      }
      i++;
      tokens.push({ kind: 'flow', text: text.slice(start, i), offset: start });
      continue;
    }
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    const word = text.slice(start, i);
    if (word === '-') tokens.push({ kind: 'dash', text: word, offset: start });
    else if (/^[|>][+-]?\d*$/.test(word)) tokens.push({ kind: 'block', text: word, offset: start });
    else if (word.length > 1 && word.endsWith(':')) tokens.push({ kind: 'key', text: word.slice(0, -1), offset: start });
    else tokens.push({ kind: 'word', text: word, offset: start });
  }
  return tokens;
}

function safeParse(raw: string): unknown {
  try {
    return parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * How well an open value takes a key: 4 as a field of its own whose value has the field's shape,
 * 3 as an entry of a map whose keys have a form (`'200'` in responses, `/path` in paths), 2 as an
 * entry of any other map whose values have that shape, 1 as free-form data, an `x-` extension or
 * a field whose value does not look as expected, 0 not at all. The best taker wins; the innermost
 * of equals.
 */
type Fit = 0 | 1 | 2 | 3 | 4;

/** Schema keywords that only make sense for one type: a schema of another type does not take them. */
const TYPE_OF_KEYWORD: Record<string, string> = {
  ...Object.fromEntries('properties additionalProperties required patternProperties minProperties maxProperties propertyNames'.split(' ').map((k) => [k, 'object'])),
  ...Object.fromEntries('items minItems maxItems uniqueItems prefixItems contains'.split(' ').map((k) => [k, 'array'])),
  ...Object.fromEntries('minLength maxLength pattern'.split(' ').map((k) => [k, 'string'])),
};

interface Frame {
  fitsKey(at: number): Fit;
  fitsItem(at: number): boolean;
}

/** Nesting past MAX_DEPTH: refused before the reader's recursion could exhaust the stack. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super(`the document nests deeper than ${MAX_DEPTH} levels`);
  }
}

class FlatReader {
  private i = 0;
  private readonly frames: Frame[] = [];
  readonly offsets = new Map<string, number>();
  /** Keys met again where no open object could take them: their second value is left out. */
  readonly repeated: Token[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(at = this.i): Token | undefined {
    return this.tokens[at];
  }

  /** What the value after a key or dash at `at` starts with. */
  private valueStart(at: number): 'mapping' | 'list' | 'scalar' | 'none' {
    const next = this.peek(at + 1);
    if (!next) return 'none';
    if (next.kind === 'key') return 'mapping';
    if (next.kind === 'dash') return 'list';
    if (next.kind === 'flow') return next.text.startsWith('{') ? 'mapping' : 'list';
    return 'scalar';
  }

  /**
   * Does a value of this shape start at the token after `at`? A mapping must also open the way
   * that shape does: with one of its fields, or a map entry whose own value starts as it should
   * (`parameters: type: object` is a schema's property, not a map of parameters).
   */
  private startsAs(shape: Shape, at: number): boolean {
    const start = this.valueStart(at);
    if (shape.kind === 'list') return start === 'list';
    if (shape.kind === 'scalar') return start === 'scalar' || start === 'none';
    if (shape.kind === 'any') return true;
    if (start !== 'mapping') return false;
    const first = this.peek(at + 1)!;
    if (first.kind === 'flow') return true;
    if (shape.kind === 'object') return first.text.startsWith('x-') || first.text in shape.fields();
    if (shape.key && !shape.key.test(first.text)) return false;
    const entry = shape.of();
    const entryStart = this.valueStart(at + 1);
    if (entry.kind === 'object' || entry.kind === 'map') return entryStart === 'mapping';
    if (entry.kind === 'list') return entryStart === 'list';
    return entry.kind === 'any' || entryStart === 'scalar' || entryStart === 'none';
  }

  private keyFit(shape: Shape, value: Record<string, unknown>, at: number): Fit {
    const key = this.peek(at)!.text;
    if (Object.prototype.hasOwnProperty.call(value, key)) return 0;
    if (shape.kind === 'any') return 1;
    if (shape.kind === 'object') {
      if (key.startsWith('x-')) return 1;
      const field = shape.fields()[key];
      if (!field) return 0;
      // A parameter or header has a schema or a content map, never both.
      if ((shape === parameter || shape === header) && ((key === 'content' && 'schema' in value) || (key === 'schema' && 'content' in value))) return 0;
      // Beside a `$ref`, a schema takes nothing more (3.0 ignores siblings; 3.1 only annotations).
      if (shape === schema && typeof value.$ref === 'string') return 1;
      const type = value.type;
      const wanted = shape === schema ? TYPE_OF_KEYWORD[key] : undefined;
      if (wanted && typeof type === 'string' && type !== wanted) return 1;
      // `required: [a, b]` belongs to the schema whose properties these are.
      if (shape === schema && key === 'required' && this.valueStart(at) === 'list') {
        if (!isObjectValue(value.properties)) return 1;
        const names = this.listedWords(at);
        return names.every((n) => Object.prototype.hasOwnProperty.call(value.properties, n)) ? 4 : 0;
      }
      // A schema may be a boolean (`additionalProperties: false`).
      return this.startsAs(field, at) || (field === schema && this.valueStart(at) === 'scalar') ? 4 : 1;
    }
    if (shape.kind === 'map') {
      if (shape.key && !shape.key.test(key)) return 0;
      const entry = shape.of();
      const fits = this.startsAs(entry, at);
      if (entry.kind === 'any' || entry.kind === 'scalar') return fits ? 2 : 1;
      if (!fits) return 0;
      return shape.key ? 3 : 2;
    }
    return 0;
  }

  /** The words of a `- a - b` list that starts after the key at `at`. */
  private listedWords(at: number): string[] {
    const names: string[] = [];
    for (let j = at + 1; this.peek(j)?.kind === 'dash' && this.peek(j + 1); j += 2) {
      const item = this.peek(j + 1)!;
      if (item.kind !== 'word' && item.kind !== 'quoted') break;
      names.push(String(item.kind === 'quoted' ? safeParse(item.text) : item.text));
    }
    return names;
  }

  private itemFits(shape: Shape, at: number): boolean {
    const start = this.valueStart(at);
    if (shape.kind === 'scalar' || shape.kind === 'any') return start === 'scalar' || (shape.kind === 'any' && start === 'list');
    if (shape.kind === 'object') {
      if (start !== 'mapping') return false;
      const next = this.peek(at + 1)!;
      return next.kind === 'flow' || next.text.startsWith('x-') || next.text in shape.fields();
    }
    if (shape.kind === 'map') return start === 'mapping';
    return start === 'list';
  }

  /** How well the values enclosing this one take the key or dash at `at` (the best of them). */
  private outerTakes(at: number, below: number): Fit {
    const token = this.peek(at)!;
    let best: Fit = 0;
    for (let f = below - 1; f >= 0; f--) {
      const frame = this.frames[f]!;
      const fit = token.kind === 'key' ? frame.fitsKey(at) : frame.fitsItem(at) ? 4 : 0;
      if (fit > best) best = fit;
    }
    return best;
  }

  /** The value at the current token; a mapping is filled into `into`, which its parent already holds. */
  value(shape: Shape, pointer: string, into: Record<string, unknown> = {}): unknown {
    const token = this.peek();
    if (!token) return null;
    if (this.frames.length > MAX_DEPTH) throw new TooDeep(token.offset);
    this.offsets.set(pointer, token.offset);
    if (token.kind === 'flow') {
      this.i++;
      return safeParse(token.text) ?? token.text;
    }
    if (token.kind === 'key') return this.mapping(shape, pointer, into);
    if (token.kind === 'dash') return this.list(shape, pointer);
    return this.scalar();
  }

  /** Words up to the next key (a plain scalar cannot hold `: `), or a dash an outer list takes. */
  private scalar(): unknown {
    const parts: Token[] = [];
    for (let token = this.peek(); token && token.kind !== 'key'; token = this.peek()) {
      if (token.kind === 'dash' && this.outerTakes(this.i, this.frames.length) === 4) break;
      parts.push(token);
      this.i++;
    }
    if (parts.length === 0) return null;
    if (parts[0]!.kind === 'block') return parts.slice(1).map((p) => p.text).join(' ');
    if (parts.length === 1 && parts[0]!.kind === 'quoted') return safeParse(parts[0]!.text) ?? parts[0]!.text;
    const text = parts.map((p) => p.text).join(' ');
    return parts.length === 1 ? (safeParse(text) ?? text) : text;
  }

  private mapping(shape: Shape, pointer: string, value: Record<string, unknown>): Record<string, unknown> {
    const depth = this.frames.length;
    this.frames.push({ fitsKey: (at) => this.keyFit(shape, value, at), fitsItem: () => false });
    for (let token = this.peek(); token && token.kind === 'key'; token = this.peek()) {
      const own = this.keyFit(shape, value, this.i);
      const outer = this.outerTakes(this.i, depth);
      // The best taker wins; between equals, the innermost. What none takes stays here.
      if (own < outer) break;
      this.i++;
      const child = `${pointer}/${pointerSegment(token.text)}`;
      this.offsets.set(child, token.offset);
      const next = this.peek();
      const empty = !next || (next.kind === 'key' && fieldShape(shape, token.text).kind === 'scalar');
      // A mapping joins its parent before it is read, so that what it holds already counts
      // (which schema has the properties a `required` list names).
      const into: Record<string, unknown> = {};
      const hold = (item: unknown) => Object.defineProperty(value, token.text, { value: item, enumerable: true, writable: true, configurable: true });
      if (Object.prototype.hasOwnProperty.call(value, token.text)) this.repeated.push(token);
      else if (!empty && next?.kind === 'key') hold(into);
      const item = empty ? null : this.value(fieldShape(shape, token.text), child, into);
      if (!Object.prototype.hasOwnProperty.call(value, token.text)) hold(item);
    }
    this.frames.pop();
    return value;
  }

  private list(shape: Shape, pointer: string): unknown[] {
    const items: unknown[] = [];
    const of = shape.kind === 'list' ? shape.of() : any;
    const depth = this.frames.length;
    this.frames.push({ fitsKey: () => 0, fitsItem: (at) => this.itemFits(of, at) });
    for (let token = this.peek(); token && token.kind === 'dash'; token = this.peek()) {
      if (items.length > 0 && !this.itemFits(of, this.i) && this.outerTakes(this.i, depth) === 4) break;
      this.i++;
      items.push(this.value(of, `${pointer}/${items.length}`));
    }
    this.frames.pop();
    return items;
  }

  /** Tokens the document did not take (a stray word at the top level). */
  rest(): Token[] {
    return this.tokens.slice(this.i);
  }
}

function isObjectValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldShape(shape: Shape, key: string): Shape {
  if (shape.kind === 'object') return shape.fields()[key] ?? any;
  if (shape.kind === 'map') return shape.of();
  return any;
}

/**
 * A `$ref` names where its target sits: a `#/components/schemas/Name` that points nowhere while a
 * `Name` sits in some map below `components/schemas` (read as a property, say) is moved back.
 */
function rescueReferencedComponents(doc: unknown): void {
  if (!isObjectValue(doc) || !isObjectValue(doc.components)) return;
  const refs = new Set<string>();
  const collect = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isObjectValue(node)) for (const [k, v] of Object.entries(node)) k === '$ref' && typeof v === 'string' ? refs.add(v) : collect(v);
  };
  collect(doc);
  for (const ref of refs) {
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!match) continue;
    const [, kind, name] = match as unknown as [string, string, string];
    const home = doc.components[kind];
    if (!isObjectValue(home) || name in home) continue;
    const misplaced = findKey(home, name);
    if (!misplaced) continue;
    home[name] = misplaced.holder[name];
    delete misplaced.holder[name];
  }
}

function findKey(node: Record<string, unknown>, name: string): { holder: Record<string, unknown> } | undefined {
  for (const value of Object.values(node)) {
    if (!isObjectValue(value)) continue;
    if (Object.prototype.hasOwnProperty.call(value, name) && isObjectValue(value[name])) return { holder: value };
    const deeper = findKey(value, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** True when YAML text has lost its line breaks: one line holding several `key: ` pairs. */
export function isFlattenedYaml(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed.includes('\n') && !/^[[{]/.test(trimmed) && (trimmed.match(/\S: /g) ?? []).length >= 3;
}

/**
 * Reads flattened OpenAPI YAML. `locate` gives the page position of each key; `leftOver` is the
 * offset of text after the document that no part of it could take.
 */
export function readFlattenedYaml(
  text: string,
  at: (offset: number) => SourceLocation,
): { parsed?: StructuredText; repeated: { key: string; offset: number }[]; leftOver?: number; tooDeep?: SourceLocation } {
  const reader = new FlatReader(tokenize(text));
  let value: unknown;
  try {
    value = reader.value(document, '');
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    return { repeated: [], tooDeep: at(e.offset) };
  }
  rescueReferencedComponents(value);
  const rest = reader.rest();
  const locate = (pointer: string): SourceLocation => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const offset = reader.offsets.get(p);
      if (offset !== undefined) return pointer ? { ...at(offset), pointer } : at(offset);
      if (p === '') return pointer ? { ...at(0), pointer } : at(0);
    }
  };
  return {
    parsed: { value, locate },
    repeated: reader.repeated.map((t) => ({ key: t.text, offset: t.offset })),
    ...(rest.length > 0 ? { leftOver: rest[0]!.offset } : {}),
  };
}
