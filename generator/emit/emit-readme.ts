// Emits `README.md` for one API's folder of the package: install, a usage example per operation
// group (tag), auth, errors, retries, redirects and pagination, written from the client model and
// plan, with the runtime options that matter to this API. Spec text reaches it only through the
// Markdown and literal helpers of ../plan/naming.ts.
import type { ClientModel, OperationModel, SecuritySchemeModel } from '../model/client-model.js';
import type { ClientPlan, PlannedOperation } from '../plan/plan-client.js';
import { markdownCode, markdownCodeBlock, markdownText, propertyKey, stringLiteral } from '../plan/naming.js';
import { DEFAULT_RETRY } from '../../templates/runtime/retry.js';
import { DEFAULT_REDIRECTS } from '../../templates/runtime/transport.js';

export interface ReadmeInput {
  model: ClientModel;
  plan: ClientPlan;
  /** The generated package's name (checked as an npm name by the config). */
  packageName: string;
  /** Its version (`output.version`). Default: 0.0.0. */
  packageVersion?: string;
}

const UNTAGGED = 'Other operations';

function isErrorStatus(status: string): boolean {
  return /^[45]\d\d$/.test(status);
}

/** Operations by their first tag, tags in the order first met, untagged ones last. */
function groupByTag(operations: readonly PlannedOperation[]): [string, PlannedOperation[]][] {
  const groups = new Map<string, PlannedOperation[]>();
  for (const op of operations) {
    const tag = op.model.tags[0] ?? UNTAGGED;
    groups.set(tag, [...(groups.get(tag) ?? []), op]);
  }
  const untagged = groups.get(UNTAGGED);
  groups.delete(UNTAGGED);
  return [...groups, ...(untagged ? [[UNTAGGED, untagged] as [string, PlannedOperation[]]] : [])];
}

/** `{ path: { id: '…' }, body: { … } }`: the request's required parts, with placeholders. */
function requestExample(model: OperationModel, plan: PlannedOperation): string {
  const parts: string[] = [];
  for (const location of ['path', 'query', 'header'] as const) {
    const required = model.parameters[location].filter((p) => p.required);
    if (required.length === 0) continue;
    parts.push(`${location}: { ${required.map((p) => `${propertyKey(p.name)}: ${stringLiteral(`<${p.name}>`)}`).join(', ')} }`);
  }
  if (model.body) parts.push(`body: { /* ${plan.requestType}['body'] */ }`);
  return parts.length > 0 ? `{ ${parts.join(', ')} }` : '';
}

function callExample(op: PlannedOperation): string {
  const request = requestExample(op.model, op);
  if (op.model.pagination) {
    return `// Every item of every page; \`await\` the call instead for the first page only.\nfor await (const item of client.${op.methodName}(${request})) {\n  console.log(item);\n}`;
  }
  return `const ${op.model.method === 'delete' ? 'result' : 'data'} = await client.${op.methodName}(${request});`;
}

function operationRow(op: PlannedOperation): string {
  const { model } = op;
  const summary = model.summary ? markdownText(model.summary) : '';
  const flags = [model.pagination ? 'paged' : '', model.deprecated ? 'deprecated' : ''].filter(Boolean).join(', ');
  return `| \`${op.methodName}\` | ${markdownCode(`${model.method.toUpperCase()} ${model.path}`, { inTable: true })} | ${summary}${flags ? ` (${flags})` : ''} |`;
}

function schemeExample(scheme: SecuritySchemeModel): string {
  const key = propertyKey(scheme.name);
  if (scheme.kind === 'basic') return `${key}: { username: 'me', password: process.env.API_PASSWORD! }`;
  return `${key}: process.env.API_TOKEN!`;
}

function schemeLine(scheme: SecuritySchemeModel): string {
  const how =
    scheme.kind === 'bearer'
      ? 'a token, sent as `Authorization: Bearer <token>`'
      : scheme.kind === 'basic'
        ? 'a `{ username, password }`, sent as `Authorization: Basic ...`'
        : `a key, sent in the ${scheme.in ?? 'header'} as ${markdownCode(scheme.parameterName ?? '')}`;
  return `- ${markdownCode(scheme.name)}: ${how}.${scheme.description ? ` ${markdownText(scheme.description)}` : ''}`;
}

function serverSentence(model: ClientModel): string {
  const server = model.servers[0];
  if (!server) return 'The spec names no server: pass `baseUrl`.';
  const variables = server.variables.filter((v) => v.default === '');
  const fill = variables.length > 0 ? ` Its ${variables.map((v) => markdownCode(v.name)).join(', ')} has no default: pass \`serverVariables\` or \`baseUrl\`.` : '';
  return `\`baseUrl\` defaults to the spec's first server, ${markdownCode(server.url)}.${fill}`;
}

function clientSetup(input: ReadmeInput): string {
  const { model, plan } = input;
  const options: string[] = [];
  const server = model.servers[0];
  const missing = server?.variables.filter((v) => v.default === '') ?? [];
  if (!server) options.push(`baseUrl: 'https://api.example.com'`);
  else if (missing.length > 0) options.push(`serverVariables: { ${missing.map((v) => `${propertyKey(v.name)}: ${stringLiteral(`<${v.name}>`)}`).join(', ')} }`);
  if (model.securitySchemes[0]) options.push(`auth: { ${schemeExample(model.securitySchemes[0])} }`);
  return `import { ${plan.factoryName} } from ${stringLiteral(`${input.packageName}/${plan.folder}`)};\n\nconst client = ${plan.factoryName}(${options.length > 0 ? `{\n  ${options.join(',\n  ')},\n}` : ''});`;
}

function errorsSection(plan: ClientPlan): string {
  const documented = plan.operations.filter((op) => op.model.responses.some((r) => isErrorStatus(r.status)));
  const lines = ['## Errors', ''];
  lines.push(
    'A non-2xx status throws an `ApiError` (`status`, `body`, documented `headers`, `rawText`, `response`). `client.isError(error, operationId)` narrows it to that',
    "operation's documented errors, and then `status` narrows `body` to the documented type. A 2xx whose body is not the documented JSON",
    'throws `ResponseParseError`; a network failure `ConnectionError`; a time-out `TimeoutError`. A request that cannot be sent',
    '(a missing or `..` path parameter, a header name or value HTTP cannot carry, a lone surrogate, a body on a GET) is a `RequestError`',
    'before anything is sent, and is never retried; so are a `RedirectError` (see Redirects) and a `ResponseTooLargeError`, raised when a',
    'body passes `maxResponseBytes` (no limit by default) as it streams in.',
    '',
    'No message shows a credential: URLs keep their query parameter names but not their values (`?api_key=…`), userinfo and fragment are',
    '`…`, and `error.url` is redacted the same way (`error.response` keeps the raw one, and is left out of `JSON.stringify` and `util.inspect`).',
    '',
  );
  // A typed (JSON) error body makes the better example; any documented status will do otherwise.
  const candidates = documented.flatMap((op) => op.model.responses.filter((r) => isErrorStatus(r.status)).map((r) => ({ op, status: r.status, json: r.isJson })));
  const chosen = candidates.find((c) => c.json) ?? candidates[0];
  if (chosen) {
    const { op: example, status } = chosen;
    const request = requestExample(example.model, example);
    lines.push(
      markdownCodeBlock(
        `try {\n  await client.${example.methodName}(${request});\n} catch (error) {\n  if (client.isError(error, ${stringLiteral(example.model.operationId)}) && error.status === ${status}) {\n    console.log(error.body); // typed from the spec\n  } else {\n    throw error;\n  }\n}`,
        'ts',
      ),
      '',
      '| method | documented error statuses |',
      '| --- | --- |',
      ...documented.map((op) => `| \`${op.methodName}\` | ${op.model.responses.filter((r) => isErrorStatus(r.status)).map((r) => r.status).join(', ')} |`),
      '',
    );
  } else {
    lines.push('The spec documents no 4xx or 5xx response, so `body` stays `unknown`.', '');
  }
  return lines.join('\n');
}

function redirectsSection(plan: ClientPlan): string {
  return [
    '## Redirects',
    '',
    `The client follows redirects itself, up to ${DEFAULT_REDIRECTS.maxHops} per attempt (\`redirects.maxHops\`; one more is a \`RedirectError\`). A hop to another`,
    'origin sends only the `Accept`, `Accept-Language`, `Content-Language`, `Content-Type` and `User-Agent` headers: no credential,',
    'cookie or header of yours. A 307 or 308 to another origin, which would send the body again, is a `RedirectError` unless',
    "`crossOriginBody: 'resend'`; `crossOrigin: 'refuse'` refuses every hop to another origin, `'keep'` sends every header on. In",
    "browsers, which hide where a redirect leads, every redirect is a `RedirectError` unless `follow: 'fetch'` leaves them to the browser.",
    '',
    markdownCodeBlock(`const client = ${plan.factoryName}({ redirects: { maxHops: 2, crossOrigin: 'refuse' }, maxResponseBytes: 10_000_000 });`, 'ts'),
    '',
  ].join('\n');
}

function paginationSection(plan: ClientPlan): string {
  const paged = plan.operations.filter((op) => op.model.pagination);
  const lines = ['## Pagination', ''];
  if (paged.length === 0) {
    lines.push(
      'No operation of this API declares pagination. Where the API pages, declare it with an overlay',
      '(`x-pagination` on the operation) and the method returns a `PagedPromise`.',
      '',
    );
    return lines.join('\n');
  }
  const linked = paged.some((op) => op.model.pagination?.style === 'next-link');
  lines.push(
    `${paged.map((op) => `\`${op.methodName}\``).join(', ')} ${paged.length === 1 ? 'returns' : 'return'} a \`PagedPromise\`: \`await\` it for the first page, iterate it for every item,`,
    'or `.pages()` for page after page. A list that would never end stops with a `PaginationError`: a next link or cursor that comes',
    'back, or a page with the very items of the one before (a server that ignores the offset or page number). `maxPages`, per client',
    `or per call, ends a walk after that many pages.${linked ? " Next links are followed only under the client's base URL, and no page may be redirected to another origin." : ' No page may be redirected to another origin.'}`,
    '',
    markdownCodeBlock(`${callExample(paged[0]!)}\nfor await (const page of client.${paged[0]!.methodName}(${requestExample(paged[0]!.model, paged[0]!) || '{}'}, { maxPages: 10 }).pages()) {\n  console.log(page);\n}`, 'ts'),
    '',
  );
  return lines.join('\n');
}

/** npm's name for the tarball of a package (`@acme/clients` 1.0.0: `acme-clients-1.0.0.tgz`). */
export function tarballName(packageName: string, version: string): string {
  return `${packageName.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** How an app gets the package, which is generated in a project rather than published. */
export function installSection(packageName: string, version: string): string[] {
  return [
    `\`${packageName}\` is generated into a project, not published. In the project that generates it, \`npx specmill pack\``,
    'writes it as a tarball, which an app installs with its one dependency, `openapi-fetch`:',
    '',
    markdownCodeBlock(`npm install path/to/${tarballName(packageName, version)}`, 'sh'),
    '',
    'A workspace that lists the generated folder works too, and so does publishing the folder to a registry of your own',
    '(`npm publish`, with `output.version` in the specmill config). `npm install path/to/the-folder` is not one of them:',
    'npm only links the folder and installs none of its dependencies.',
  ];
}

export function emitApiReadme(input: ReadmeInput): string {
  const { model, plan } = input;
  const out: string[] = [];
  out.push(`# ${markdownText(model.title)}: the TypeScript client`, '');
  out.push(
    `Generated by specmill from the API's documentation pages; do not edit. \`${plan.factoryName}\` makes a client`,
    `with a typed method per operation (${plan.operations.length} in all).`,
    '',
    '## Install',
    '',
    ...installSection(input.packageName, input.packageVersion ?? '0.0.0'),
    '',
    'ESM only, with `.d.ts` types; runs on Node 20.19+, Deno, Bun and in browsers. Its one dependency is `openapi-fetch`.',
    '',
    markdownCodeBlock(clientSetup(input), 'ts'),
    '',
    serverSentence(model),
    '',
    '## Usage',
    '',
  );
  const groups = groupByTag(plan.operations);
  for (const [tag, operations] of groups) {
    const heading = tag !== UNTAGGED ? markdownText(tag) : groups.length === 1 ? 'Operations' : tag;
    out.push(`### ${heading}`, '', '| method | request | summary |', '| --- | --- | --- |', ...operations.map(operationRow), '');
    // The example shows a plain call where the group has one; pagination has its own section.
    out.push(markdownCodeBlock(callExample(operations.find((op) => !op.model.pagination) ?? operations[0]!), 'ts'), '');
  }
  const pagedCall = plan.operations.some((op) => op.model.pagination) ? ', `maxPages`' : '';
  out.push(
    `Every method takes the call's options as its second argument (\`headers\`, \`signal\`, \`retry\`, \`timeoutMs\`, \`idempotencyKey\`${pagedCall}),`,
    'and `.withResponse()` on its result gives `{ data, status, headers, response }` with the documented headers typed.',
    '',
    '## Auth',
    '',
  );
  if (model.securitySchemes.length === 0) {
    out.push('The spec declares no security scheme. Send what the API needs with `headers: { ... }`, per client or per call.', '');
  } else {
    out.push(
      'Credentials go in `auth`, by the spec\'s scheme name; each is a value (read once, when the client is made) or a function called',
      'before every request (e.g. to refresh a token). An operation gets the credentials its security requirement names, and a',
      'redirect to another origin carries none of them (see Redirects).',
      '',
      ...model.securitySchemes.map(schemeLine),
      '',
    );
    if (model.securitySchemes.some((s) => s.kind === 'apiKey' && s.in === 'query')) {
      out.push('A key sent in the query is dropped from the target of a redirect to another origin, and shows in no error message.', '');
    }
  }
  out.push(errorsSection(plan));
  const first = plan.operations[0];
  const retryDefaults = `${DEFAULT_RETRY.maxRetries} times by default, with exponential backoff and full jitter (${DEFAULT_RETRY.initialDelayMs} ms doubling, capped at ${DEFAULT_RETRY.maxDelayMs / 1000} s)`;
  out.push(
    '## Retries and timeouts',
    '',
    `Connection errors, time-outs, 408, 429 and 5xx (but 501) are retried ${retryDefaults}. A \`Retry-After\` is waited for, under the`,
    `same cap, when it is readable, not in the past and at most ${DEFAULT_RETRY.maxRetryAfterMs / 1000} s (\`maxRetryAfterMs\`); otherwise the backoff applies.`,
    'Only idempotent methods are retried, or a call given an `idempotencyKey` (the same key on every try). A call\'s `retry` options',
    "are merged over the client's. Each attempt has 60 s (`timeoutMs`, 0 for none); a caller's `signal` cancels the call, also while",
    'it waits to retry.',
    '',
    markdownCodeBlock(
      `const client = ${plan.factoryName}({ retry: { maxRetries: 4, initialDelayMs: 200 }, timeoutMs: 10_000 });${
        first ? `\nawait client.${first.methodName}(${requestExample(first.model, first) || 'undefined'}, { retry: false, timeoutMs: 5_000 }); // this call only` : ''
      }`,
      'ts',
    ),
    '',
  );
  out.push(redirectsSection(plan));
  out.push(paginationSection(plan));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
