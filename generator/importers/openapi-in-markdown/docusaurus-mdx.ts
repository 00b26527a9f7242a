// A page in the MDX that docusaurus-plugin-openapi-docs writes: no fenced document, but the
// operation's parts as JSON in component props (`<MethodEndpoint method={"get"} path={"/x"}>`,
// `<ParamsDetails parameters={[...]}>` or `<ParamsItem param={{...}}>`, `<RequestSchema body={{...}}>`,
// `<StatusCodes responses={{...}}>`). Rebuilds the one-operation document those props came from.
import { warning, type Diagnostic, type SourceLocation } from '../../core/diagnostics.js';
import { isObject, type JsonObject, type JsonValue } from '../../core/openapi-types.js';
import { joinPointer, offsetLocator, type StructuredText } from '../../parse/structured-text.js';
import type { DocumentCut } from '../openapi-document.js';
import { readTolerantJson } from '../page/tolerant-json.js';

const METHOD_ENDPOINT = /<MethodEndpoint\b[^>]*?\bmethod=\{\s*"([a-zA-Z]+)"\s*\}[^>]*?\bpath=\{\s*"([^"]+)"\s*\}/;
const HEADING = /<Heading\b[^>]*?\bchildren=\{\s*("(?:[^"\\]|\\.)*")\s*\}/;

/** True when the page is docusaurus-plugin-openapi-docs MDX. */
export function isDocusaurusMdx(text: string): boolean {
  return METHOD_ENDPOINT.test(text);
}

/** The `{...}` after `prop=`: its inside, where it starts, and whether the page closes it. */
function propExpression(text: string, open: number): { inner: string; start: number; closed: boolean } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { inner: text.slice(open + 1, i), start: open + 1, closed: true };
  }
  return { inner: text.slice(open + 1), start: open + 1, closed: false };
}

interface PropValue {
  value: JsonValue;
  locate: (pointer: string) => SourceLocation;
  open: string[];
  lost?: SourceLocation & { pointer: string };
}

export interface MdxDocument {
  parsed?: StructuredText;
  cut?: DocumentCut;
  diagnostics: Diagnostic[];
}

/** Rebuilds the operation of a docusaurus-plugin-openapi-docs page. */
export function readDocusaurusMdx(text: string, page: string): MdxDocument {
  const endpoint = METHOD_ENDPOINT.exec(text);
  if (!endpoint) return { diagnostics: [] };
  const method = endpoint[1]!.toLowerCase();
  const path = endpoint[2]!;
  const at = offsetLocator(text, { file: page });
  const diagnostics: Diagnostic[] = [];
  const props: { pointer: string; prop: PropValue }[] = [];
  const operation: JsonObject = {};
  const operationPointer = joinPointer('paths', path, method);
  let cutOff = false;

  const readProp = (component: string, prop: string): { at: number; value: PropValue }[] => {
    const found: { at: number; value: PropValue }[] = [];
    const pattern = new RegExp(`<${component}\\b[^>]*?\\b${prop}=\\{`, 'g');
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const expression = propExpression(text, match.index + match[0].length - 1);
      const trimmed = expression.inner.trim();
      if (trimmed === 'undefined' || trimmed === 'null' || trimmed === '') continue;
      if (trimmed.startsWith('require(')) {
        diagnostics.push(warning(`<${component} ${prop}> is kept in a file beside the page (${trimmed.slice(0, 80)}), which the page does not show`, at(match.index)));
        continue;
      }
      const position = at(expression.start);
      const read = readTolerantJson(expression.inner, { file: page, startLine: position.line, startColumn: position.column });
      diagnostics.push(...read.diagnostics);
      if (read.open.length > 0 || !expression.closed) cutOff = true;
      if (!read.result) continue;
      found.push({
        at: match.index,
        value: { value: read.result.value as JsonValue, locate: read.result.locate, open: read.open, ...(read.lost ? { lost: read.lost } : {}) },
      });
      if (!expression.closed) break;
    }
    return found;
  };

  const parameters: JsonValue[] = [];
  for (const { value } of readProp('ParamsDetails', 'parameters')) {
    if (!Array.isArray(value.value)) continue;
    // Each item is located in its own list (the plugin may write one list per location).
    value.value.forEach((item, i) => {
      const open = value.open.filter((o) => o.startsWith(`/${i}/`) || o === `/${i}`).map((o) => o.slice(`/${i}`.length));
      const lost = value.lost && value.lost.pointer.startsWith(`/${i}/`) ? { ...value.lost, pointer: value.lost.pointer.slice(`/${i}`.length) } : undefined;
      props.push({ pointer: `${operationPointer}/parameters/${parameters.length}`, prop: { value: item, locate: (p) => value.locate(`/${i}${p}`), open, ...(lost ? { lost } : {}) } });
      parameters.push(item);
    });
  }
  for (const { value } of readProp('ParamsItem', 'param')) {
    props.push({ pointer: `${operationPointer}/parameters/${parameters.length}`, prop: value });
    parameters.push(value.value);
  }
  if (parameters.length > 0) operation.parameters = parameters;
  const [body] = readProp('RequestSchema', 'body');
  if (body && isObject(body.value.value)) {
    operation.requestBody = body.value.value;
    props.push({ pointer: `${operationPointer}/requestBody`, prop: body.value });
  }
  const [responses] = readProp('StatusCodes', 'responses');
  if (responses && isObject(responses.value.value)) {
    operation.responses = responses.value.value;
    props.push({ pointer: `${operationPointer}/responses`, prop: responses.value });
  }
  const heading = HEADING.exec(text);
  if (heading) operation.summary = JSON.parse(heading[1]!) as string;
  const description = proseAfter(text, endpoint.index);
  if (description) operation.description = description;

  const document: JsonObject = { openapi: '3.0.3', info: { title: '', version: '' }, paths: { [path]: { [method]: operation } } };
  const endpointAt = at(endpoint.index);
  const locate = (pointer: string): SourceLocation => {
    const owner = props.filter((p) => pointer === p.pointer || pointer.startsWith(`${p.pointer}/`)).sort((a, b) => b.pointer.length - a.pointer.length)[0];
    if (!owner) return pointer ? { ...endpointAt, pointer } : endpointAt;
    const inner = owner.prop.locate(pointer.slice(owner.pointer.length));
    return { ...inner, pointer };
  };
  const open = props.flatMap((p) => p.prop.open.map((o) => p.pointer + o));
  const lostProp = props.find((p) => p.prop.lost);
  const cut: DocumentCut | undefined =
    cutOff
      ? { open, ...(lostProp?.prop.lost ? { lost: { ...lostProp.prop.lost, pointer: lostProp.pointer + lostProp.prop.lost.pointer } } : {}), end: at(text.trimEnd().length) }
      : undefined;
  return { parsed: { value: document, locate }, ...(cut ? { cut } : {}), diagnostics };
}

/** The Markdown between the endpoint and the next component: the operation's description. */
function proseAfter(text: string, from: number): string {
  const close = text.indexOf('</MethodEndpoint>', from);
  const start = close === -1 ? text.indexOf('>', from) + 1 : close + '</MethodEndpoint>'.length;
  const next = text.slice(start).search(/^\s*<[A-Z]/m);
  const prose = next === -1 ? text.slice(start) : text.slice(start, start + next);
  return prose
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('<') && !p.startsWith(':::'))
    .join('\n\n');
}
