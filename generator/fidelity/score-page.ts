// Compares what specmill made of one page with the page's gold: which facts came through, which
// came through with a wrong `required` or type, which were missed, and which facts of the output the
// page does not show (invented, or marked `x-specmill-inferred`).
import type { Gold } from './gold.js';
import type { SpecOperation, SpecProperty } from './spec-facts.js';

export type FactKind = 'operation' | 'parameter' | 'body-property' | 'status' | 'response-property' | 'response-header';

export interface FactOutcome {
  kind: FactKind;
  /** The fact as people read it: `GET /x`, `query limit`, `201 id`. */
  fact: string;
  outcome: 'found' | 'wrong' | 'missed';
  /** For `wrong`: the stated attributes that differ (`type: integer, expected string`). */
  detail?: string;
}

export interface OutputFact {
  kind: FactKind;
  fact: string;
}

export interface PageScore {
  /** The output has the page's method and path. */
  operationRight: boolean;
  /** One entry per gold fact, in gold order. */
  facts: FactOutcome[];
  /** Facts of the output the page does not show, not marked inferred. */
  invented: OutputFact[];
  /** Facts of the output the page does not show, marked `x-specmill-inferred`. */
  inferred: OutputFact[];
}

/** `:id`, `<id>`, `[id]` and `{{id}}` are all the placeholder `{id}`. */
export function normalizePlaceholders(path: string): string {
  return path
    .replace(/\{\{\s*([^{}]+?)\s*\}\}/g, '{$1}')
    .replace(/(^|\/):([A-Za-z_][\w-]*)/g, '$1{$2}')
    .replace(/<([^<>/]+)>/g, '{$1}')
    .replace(/\[([^[\]/]+)\]/g, '{$1}');
}

/** The path part of a server URL (`https://h/v1/` -> `/v1`, `/openapi` -> `/openapi`). */
export function basePath(url: string): string {
  let rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (rest === url && !url.startsWith('/')) rest = url.replace(/^[^/]*/, ''); // `{{baseUrl}}/v1`, `api.x.com/v1`
  else if (rest !== url) rest = rest.replace(/^[^/?#]*/, '');
  return rest.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** The full paths a path may stand for: itself, and itself under each server's base path. */
function pathForms(path: string, servers: readonly string[]): Set<string> {
  const own = normalizePlaceholders(path.startsWith('/') ? path : `/${path}`);
  const forms = new Set([own]);
  for (const server of servers) forms.add(normalizePlaceholders(basePath(server)) + own);
  return forms;
}

export function isGoldOperation(gold: Gold, operation: SpecOperation): boolean {
  if (gold.method && gold.method !== operation.method) return false;
  const goldForms = pathForms(gold.path, gold.server ? [gold.server] : []);
  for (const form of pathForms(operation.path, operation.servers)) if (goldForms.has(form)) return true;
  return false;
}

function describeOperation(method: string | null, path: string): string {
  return `${method ? method.toUpperCase() : '(any method)'} ${path}`;
}

/** Names of parameters match exactly, except headers, whose names HTTP reads case-insensitively. */
function parameterKey(location: string, name: string): string {
  return location === 'header' ? `header:${name.toLowerCase()}` : `${location}:${name}`;
}

function differences(stated: { required: boolean | null; type: string | null }, found: { required: boolean; type: string | null }): string | undefined {
  const wrong: string[] = [];
  if (stated.required !== null && stated.required !== found.required) wrong.push(`required: ${found.required}, expected ${stated.required}`);
  if (stated.type !== null && stated.type !== found.type) wrong.push(`type: ${found.type ?? 'none'}, expected ${stated.type}`);
  return wrong.length > 0 ? wrong.join('; ') : undefined;
}

function outcomeOf(kind: FactKind, fact: string, found: boolean, detail?: string): FactOutcome {
  if (!found) return { kind, fact, outcome: 'missed' };
  return detail ? { kind, fact, outcome: 'wrong', detail } : { kind, fact, outcome: 'found' };
}

/**
 * The output operation to score the page's other facts against: the gold's own, else (a wrong
 * method or path) the closest one, so that its parameters and statuses still count.
 */
function pickOperation(gold: Gold, operations: readonly SpecOperation[]): { operation?: SpecOperation; right: boolean } {
  const right = operations.find((o) => isGoldOperation(gold, o));
  if (right) return { operation: right, right: true };
  const sameMethod = operations.filter((o) => !gold.method || o.method === gold.method);
  return { operation: sameMethod[0] ?? operations[0], right: false };
}

/** Scores one page; `operations` undefined means the page was refused (every fact missed). */
export function scorePage(gold: Gold, operations: readonly SpecOperation[] | undefined): PageScore {
  const { operation, right } = operations ? pickOperation(gold, operations) : { operation: undefined, right: false };
  const facts: FactOutcome[] = [{ kind: 'operation', fact: describeOperation(gold.method, gold.path), outcome: right ? 'found' : 'missed' }];
  const invented: OutputFact[] = [];
  const inferred: OutputFact[] = [];
  const unshown = (kind: FactKind, fact: string, isInferred: boolean) => (isInferred ? inferred : invented).push({ kind, fact });

  for (const other of operations ?? []) {
    if (other === operation && right) continue;
    unshown('operation', describeOperation(other.method, other.path), other.inferred);
  }

  const parameters = new Map((operation?.parameters ?? []).map((p) => [parameterKey(p.in, p.name), p]));
  for (const stated of gold.params ?? []) {
    const found = parameters.get(parameterKey(stated.in, stated.name));
    facts.push(outcomeOf('parameter', `${stated.in} ${stated.name}`, Boolean(found), found && differences(stated, found)));
  }
  if (gold.params) {
    const shown = new Set(gold.params.map((p) => parameterKey(p.in, p.name)));
    for (const [key, p] of parameters) if (!shown.has(key)) unshown('parameter', `${p.in} ${p.name}`, p.inferred);
  }

  const body = new Map((operation?.body ?? []).map((p) => [p.name, p]));
  for (const stated of gold.body ?? []) {
    const found = body.get(stated.name);
    facts.push(outcomeOf('body-property', stated.name, Boolean(found), found && differences(stated, found)));
  }
  if (gold.body) {
    const shown = new Set(gold.body.map((p) => p.name));
    for (const p of body.values()) if (!shown.has(p.name)) unshown('body-property', p.name, p.inferred);
  }

  const responses = new Map((operation?.responses ?? []).map((r) => [r.status, r]));
  for (const status of gold.statuses ?? []) facts.push(outcomeOf('status', status, responses.has(status)));
  if (gold.statuses) {
    const shown = new Set(gold.statuses);
    for (const r of responses.values()) if (!shown.has(r.status)) unshown('status', r.status, r.inferred);
  }

  const propertiesOf = (status: string): Map<string, SpecProperty> => new Map((responses.get(status)?.properties ?? []).map((p) => [p.name, p]));
  for (const stated of gold.response2xx ?? []) {
    if (stated.status === null || stated.name === null) continue; // the corpus README: not counted
    const found = propertiesOf(stated.status).get(stated.name);
    facts.push(outcomeOf('response-property', `${stated.status} ${stated.name}`, Boolean(found), found && differences({ required: null, type: stated.type }, found)));
  }
  if (gold.response2xx) {
    const goldStatuses = new Set(gold.statuses ?? []);
    for (const response of responses.values()) {
      if (!/^2/.test(response.status)) continue;
      // A property is shown when the gold has it under this status or under none; under a status
      // the gold does not have (already one wrong fact), under any.
      const shown = new Set(
        gold.response2xx
          .filter((p) => p.status === null || p.status === response.status || !goldStatuses.has(response.status))
          .flatMap((p) => (p.name === null ? [] : [p.name])),
      );
      for (const p of response.properties) if (!shown.has(p.name)) unshown('response-property', `${response.status} ${p.name}`, p.inferred);
    }
  }

  for (const stated of gold.responseHeaders ?? []) {
    if (stated.status === null || stated.name === null) continue;
    const name = stated.name.toLowerCase();
    const found = responses.get(stated.status)?.headers.some((h) => h.name.toLowerCase() === name) ?? false;
    facts.push(outcomeOf('response-header', `${stated.status} ${stated.name}`, found));
  }
  if (gold.responseHeaders) {
    const shown = new Set(gold.responseHeaders.map((h) => `${h.status ?? '*'} ${(h.name ?? '').toLowerCase()}`));
    for (const response of responses.values()) {
      for (const h of response.headers) {
        const key = h.name.toLowerCase();
        if (!shown.has(`${response.status} ${key}`) && !shown.has(`* ${key}`)) unshown('response-header', `${response.status} ${h.name}`, h.inferred);
      }
    }
  }
  return { operationRight: right, facts, invented, inferred };
}
