// Runs openapi-typescript's transforms in a worker thread, one unit of the document at a time (a
// path item, a component, a whole `webhooks` or `$defs`), so that its crashes, hangs and memory use
// stay out of the main process and the main thread can cache each unit's text (../emit/types-units.ts
// says what a unit is and puts the file back together). The document arrives prepared and checked
// (local refs only, lint-clean), so the transforms are called directly: openapi-typescript's entry
// point would validate and bundle it again with redocly, which costs more than the transform.
//
// The transforms are loaded from openapi-typescript's CommonJS files: its index also loads
// @redocly/openapi-core's bundler (about 0.5 s), and an ES import of `typescript` first scans its
// 9 MB for export names; `require` skips both. The worker loads them as soon as it starts, so that
// this overlaps the main thread's reading of the pages.
// Plain JavaScript: workers do not inherit the main thread's TypeScript loader.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { OPENAPI_TS_OPTIONS } from './openapi-typescript-options.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { astToString, tsModifiers } = require('openapi-typescript/dist/lib/ts.cjs');
const { resolveRef, scanDiscriminators } = require('openapi-typescript/dist/lib/utils.cjs');
const transformSchema = require('openapi-typescript/dist/transform/index.cjs');
const transformPathsObject = require('openapi-typescript/dist/transform/paths-object.cjs');
const transformComponentsObject = require('openapi-typescript/dist/transform/components-object.cjs').default;


let document;
let context;

/** Prints `members` inside `export interface outer { inner: { ... } }` and keeps only their lines. */
function printMembers(members, outer, inner) {
  let body = members;
  if (inner !== undefined) {
    body = [ts.factory.createPropertySignature(undefined, inner, undefined, ts.factory.createTypeLiteralNode(members))];
  }
  const text = astToString(ts.factory.createInterfaceDeclaration(tsModifiers({ export: true }), outer, undefined, undefined, body));
  return stripLines(text, inner === undefined ? 1 : 2);
}

/** Drops `count` lines from each end of a printed container. */
function stripLines(text, count) {
  let start = 0;
  for (let i = 0; i < count; i++) start = text.indexOf('\n', start) + 1;
  let end = text.length - 1; // the final newline
  for (let i = 0; i < count; i++) end = text.lastIndexOf('\n', end - 1);
  return text.slice(start, end + 1);
}

function footerName(node) {
  return node?.name?.escapedText ?? node?.name?.text;
}

/** What a unit pushed into the footer (in order), with the operations it added printed. */
function readFooter(footer) {
  const names = [];
  const helpers = {};
  let operations = '';
  for (const node of footer) {
    const name = footerName(node);
    names.push(name);
    if (name === 'operations' && ts.isInterfaceDeclaration(node)) operations = stripLines(astToString(node), 1);
    else helpers[name] = astToString(node);
  }
  return { footer: names, helpers, operations };
}

function transformUnit(unit) {
  const deps = new Set();
  const ctx = {
    ...context,
    injectFooter: [],
    resolve: ($ref) => {
      deps.add($ref);
      return resolveRef(document, $ref, { silent: true });
    },
  };
  let out;
  if (unit.kind === 'path') {
    const literal = transformPathsObject({ [unit.name]: document.paths[unit.name] }, ctx);
    out = { member: literal.members.length > 0 ? printMembers(literal.members, 'paths') : '' };
  } else if (unit.kind === 'component') {
    const item = document.components[unit.section][unit.name];
    const [components] = transformComponentsObject({ [unit.section]: { [unit.name]: item } }, ctx);
    const section = components.members.find((m) => m.name.text === unit.section);
    out = { member: printMembers(section.type.members, 'components', unit.section) };
  } else {
    // A whole root (`webhooks`, `$defs`, or an odd `paths`/`components`): the statement as
    // transformSchema writes it for a document that holds only that root.
    const statements = transformSchema({ [unit.name]: document[unit.name] }, { ...ctx, injectFooter: ctx.injectFooter });
    const statement = statements.find((s) => footerName(s) === unit.name);
    out = { statement: astToString(statement) };
  }
  return { ...out, ...readFooter(ctx.injectFooter), deps: [...deps] };
}

parentPort.on('message', (message) => {
  try {
    if (message.type === 'document') {
      document = JSON.parse(message.json);
      context = { ...OPENAPI_TS_OPTIONS };
      // Discriminators are read (and their mapped schemas patched) across the whole document, once.
      context.discriminators = scanDiscriminators(document, context);
      return;
    }
    if (message.type === 'release') {
      document = undefined;
      context = undefined;
      return;
    }
    if (message.type === 'units') {
      parentPort.postMessage({ type: 'units', batch: message.batch, results: message.units.map(transformUnit) });
    }
  } catch (error) {
    // Without a batch (a document that could not be read), the main thread fails what waits.
    parentPort.postMessage({ type: 'error', batch: message.batch ?? -1, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: 'loaded' });
