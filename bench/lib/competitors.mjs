// The generators specmill is measured against, each run through its own CLI on the same spec file.
// Every run gets an empty working folder of its own, so no tool finds a config file it was not given.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './inputs.mjs';

const bin = (...parts) => path.join(ROOT, 'node_modules', ...parts);
const version = (name) => JSON.parse(readFileSync(bin(name, 'package.json'), 'utf8')).version;

/** Keeps the tools off the network: no telemetry, no update checks. */
export const QUIET_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  npm_config_update_notifier: 'false',
};

export const COMPETITORS = [
  {
    id: 'openapi-typescript',
    label: () => `openapi-typescript ${version('openapi-typescript')} (types only)`,
    kind: 'types',
    args: (input, out) => [bin('openapi-typescript/bin/cli.js'), input, '-o', path.join(out, 'schema.d.ts')],
  },
  {
    id: 'hey-api',
    label: () => `@hey-api/openapi-ts ${version('@hey-api/openapi-ts')} (client-fetch + sdk)`,
    kind: 'client',
    // 0.95: the fetch client is a plugin, bundled into the output; typescript is what sdk builds on.
    args: (input, out) => [bin('@hey-api/openapi-ts/bin/run.js'), '-i', input, '-o', out, '-p', '@hey-api/typescript', '@hey-api/sdk', '@hey-api/client-fetch', '-s', '--no-log-file'],
  },
  {
    id: 'orval',
    label: () => `orval ${version('orval')} (fetch client)`,
    kind: 'client',
    args: (input, out) => [bin('orval/dist/bin/orval.js'), '-i', input, '-o', path.join(out, 'api.ts'), '--client', 'fetch'],
  },
  {
    id: 'redocly',
    label: () => `redocly generate-client (@redocly/cli ${version('@redocly/cli')})`,
    kind: 'client',
    args: (input, out) => [bin('@redocly/cli/bin/cli.js'), 'generate-client', input, '-o', path.join(out, 'client.ts')],
  },
];

/** One measured run of a tool over an input: a command per spec file (the seeds have four). */
export function competitorCommands(tool, input, outDir) {
  return input.competitorInputs.map(({ api, file }) => {
    const out = input.competitorInputs.length > 1 ? path.join(outDir, api) : outDir;
    mkdirSync(out, { recursive: true });
    return { command: process.execPath, args: tool.args(file, out), options: { cwd: out, env: QUIET_ENV } };
  });
}

/** Where a tool's output for the consumer API is. */
export function competitorOutput(input, outDir) {
  return input.competitorInputs.length > 1 ? path.join(outDir, input.consumerApi) : outDir;
}
