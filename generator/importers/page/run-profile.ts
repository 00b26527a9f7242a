// A page read through a profile. Every text format is one: its name, the evidence that detects it,
// and the options it sets on the one pipeline every text page takes: the rendering read into blocks
// (read-page.ts), site navigation set aside (navigation.ts), the recognizers (assemble-operation.ts),
// the OpenAPI built (build-fragment.ts), then the page's servers, security and error codes, and the
// components the profile asks for.
import { warning, type Diagnostic } from '../../core/diagnostics.js';
import { HTTP_METHODS, isObject, type JsonObject } from '../../core/openapi-types.js';
import type { Importer, ImportResult, Page } from '../importer.js';
import { readPageModel, type PageModel } from './assemble-operation.js';
import type { Block, Position } from './blocks.js';
import { buildFragment, type BuildOptions } from './build-fragment.js';
import { readCurlCommand } from './curl-sample.js';
import { addErrorCodes } from './error-codes.js';
import { findNavigation, type Navigation } from './navigation.js';
import { readPage } from './read-page.js';
import { moveBodiesToComponents } from './sample-components.js';
import { addSecurity, readNamedMethods, readSentCredential, readServerItems, templatedServer, type LocatedCurl, type SecurityRead } from './servers-security.js';

export interface ProfileOptions extends BuildOptions {
  /** Bodies the page names (`Returns Job of type(s) ...`) become components, one per shape. */
  bodyComponents?: boolean;
  /** A `{placeholder}` host in the curl sample is the server, a variable whose default the page's URL shows. */
  serverVariables?: boolean;
  /** Authentication sections: `read` their lists as scheme names and their prose for the scheme; `report` them as not read. */
  securitySections?: 'read' | 'report';
  /**
   * `security`: header parameters OpenAPI ignores (`Accept`, `Content-Type`, `Authorization`) are
   * left out, `Authorization` becoming the security scheme. `parameters` (the default): they stay.
   */
  credentialHeaders?: 'parameters' | 'security';
}

export interface PageProfile {
  /** The format's name, as given to `--format`. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** How strongly the page shows this profile's marks: 0 (none) to 1 (certain). */
  evidence(page: Page): number;
  options: ProfileOptions;
}

export function profileImporter(profile: PageProfile): Importer {
  return {
    name: profile.name,
    description: profile.description,
    detect: (page) => profile.evidence(page),
    importPage: (page) => importWithProfile(page, profile),
  };
}

export function importWithProfile(page: Page, profile: PageProfile): ImportResult {
  const read = readPage(page);
  const navigation = findNavigation(read.blocks);
  const { model, diagnostics, coverage } = readPageModel(read.blocks, page.path, { navigation, securitySections: profile.options.securitySections ?? 'report' });
  if (!model) return { diagnostics: inPageOrder([...read.diagnostics, ...diagnostics]), coverage };
  const built = buildFragment(model, page.path, profile.options);
  const facts = addPageFacts(built.fragment, model, { blocks: read.blocks, navigation, file: page.path, options: profile.options });
  return { fragment: built.fragment, diagnostics: inPageOrder([...read.diagnostics, ...diagnostics, ...built.diagnostics, ...facts]), coverage };
}

const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** What the page says of the API around its operation: servers, security, error codes, named bodies. */
function addPageFacts(
  fragment: JsonObject,
  model: PageModel,
  context: { blocks: readonly Block[]; navigation: Navigation | undefined; file: string; options: ProfileOptions },
): Diagnostic[] {
  const { file, options } = context;
  const diagnostics: Diagnostic[] = [];
  const operation = operationOf(fragment);
  if (!operation) return diagnostics;
  const curls = curlSamples(context.blocks, context.navigation);

  const servers = Array.isArray(fragment.servers) ? fragment.servers.filter(isObject) : [];
  if (model.servers) {
    const listed = readServerItems(model.servers, file);
    diagnostics.push(...listed.diagnostics);
    servers.unshift(...listed.servers.filter((server) => !servers.some((s) => s.url === server.url)));
  }
  if (options.serverVariables) {
    const templated = templatedServer(curls, typeof servers[0]?.url === 'string' ? servers[0].url : undefined, file);
    diagnostics.push(...templated.diagnostics);
    if (templated.server) servers.splice(0, servers.length, templated.server);
  }
  if (servers.length > 0) fragment.servers = servers;

  let authorizationParameter: string | undefined;
  if (Array.isArray(operation.parameters)) {
    const authorization = operation.parameters.find((p) => isObject(p) && p.in === 'header' && String(p.name).toLowerCase() === 'authorization');
    if (isObject(authorization)) authorizationParameter = typeof authorization.description === 'string' ? authorization.description : '';
    if (options.credentialHeaders === 'security') {
      operation.parameters = operation.parameters.filter((p) => !(isObject(p) && p.in === 'header' && IGNORED_HEADERS.has(String(p.name).toLowerCase())));
      if (operation.parameters.length === 0) delete operation.parameters;
    }
  }
  const security = readSecurity(model, curls, authorizationParameter, file, diagnostics);
  if (security) addSecurity(fragment, operation, security);

  addErrorCodes(operation);
  if (options.bodyComponents) diagnostics.push(...moveBodiesToComponents(fragment, operation, model, file));
  return diagnostics;
}

function readSecurity(model: PageModel, curls: LocatedCurl[], authorizationParameter: string | undefined, file: string, diagnostics: Diagnostic[]): SecurityRead | undefined {
  const section = model.authentication;
  if (section && section.methods.length > 0) {
    const named = readNamedMethods(section.methods, file);
    diagnostics.push(...named.diagnostics);
    return named;
  }
  const credential = readSentCredential(curls, authorizationParameter, section?.text ?? '');
  if (credential) return { schemes: { [credential.name]: credential.scheme }, requirements: [{ [credential.name]: [] }] };
  if (section) {
    diagnostics.push(
      warning('the page has an authentication section but names no method, and no curl sample sends an Authorization header; the operation gets no security', {
        file,
        ...section.at,
      }),
    );
  }
  return undefined;
}

/** The curl commands the page shows, outside its navigation, each able to locate its words. */
function curlSamples(blocks: readonly Block[], navigation: Navigation | undefined): LocatedCurl[] {
  const found: LocatedCurl[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'code' || (navigation && index >= navigation.start && index < navigation.end)) return;
    const command = readCurlCommand(block.value);
    if (!command) return;
    const start = block.valueAt ?? block.at;
    found.push({ command, at: (offset) => positionIn(block.value, start, offset) });
  });
  return found;
}

/** The page position of an offset into a block's text that starts at `start`. */
function positionIn(text: string, start: Position, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return before.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 };
}

function operationOf(fragment: JsonObject): JsonObject | undefined {
  if (!isObject(fragment.paths)) return undefined;
  for (const item of Object.values(fragment.paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) if (isObject(item[method])) return item[method];
  }
  return undefined;
}

function inPageOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.location?.line ?? 0, d.location?.column ?? 0] as const;
  return diagnostics.sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
}
