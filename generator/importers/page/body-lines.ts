// Lines that name a body rather than describe it, as developer portals print them above a sample:
// `Returns Job of type(s) application/json`, `CreateBody of type(s) application/json, text/html`,
// `This response body class contains all of the following: Base`, `Show optional properties`.

export interface BodyNameLine {
  /** `Returns X`: a response's body; `X` alone: the request's. */
  returns: boolean;
  /** The name printed for the body: a schema's name, a response's name or a stand-in (`object`, `500`). */
  name: string;
  /** Where the name starts in the line (0-based). */
  nameOffset: number;
  mediaTypes: string[];
}

export interface Composition {
  kind: 'allOf' | 'oneOf' | 'anyOf';
  names: string[];
}

const MEDIA = String.raw`[\w.+-]+/[\w.+*-]+`;
const BODY_NAME = new RegExp(String.raw`^(Returns\s+)?(\S{1,200})\s+of\s+type\(s\)\s+(${MEDIA}(?:\s*,\s*${MEDIA}){0,20})\s*$`);
const COMPOSITION = /^This\s+(?:request\s+|response\s+)?body\s+class\s+contains\s+(all|one|any)\s+of\s+the\s+following\s*:\s*([A-Za-z_][\w.-]*(?:\s*,\s*[A-Za-z_][\w.-]*){0,50})\s*$/i;
const OPTIONAL_TOGGLE = /^Show\s+optional\s+properties$/i;

export function matchBodyNameLine(text: string): BodyNameLine | undefined {
  const match = BODY_NAME.exec(text.trim());
  if (!match) return undefined;
  const lead = text.length - text.trimStart().length;
  return {
    returns: match[1] !== undefined,
    name: match[2]!,
    nameOffset: lead + (match[1]?.length ?? 0),
    mediaTypes: match[3]!.split(',').map((media) => media.trim()),
  };
}

/** `This response body class contains one of the following: A, B`: the schemas the body is made of. */
export function matchComposition(text: string): Composition | undefined {
  const match = COMPOSITION.exec(text.trim());
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  return { kind: word === 'all' ? 'allOf' : word === 'one' ? 'oneOf' : 'anyOf', names: match[2]!.split(',').map((name) => name.trim()) };
}

/**
 * `Show optional properties` between a body's name and its two samples: the first sample shows the
 * required properties only, the second all of them.
 */
export function isOptionalToggle(text: string): boolean {
  return OPTIONAL_TOGGLE.test(text.trim());
}

/** The extension that records a composition the page names but does not show (`x-specmill-all-of`). */
export function compositionExtension(kind: Composition['kind']): string {
  return `x-specmill-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
