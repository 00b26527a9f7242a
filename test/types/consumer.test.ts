// The generated package type-checked by the real tsc, as a strict consumer project sees it:
// correct use compiles, and each misuse marked @ts-expect-error must really be an error.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { createConsumerProject, type ConsumerProject } from '../support/consumer.js';

const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
  files: ['consumer.ts'],
});

const CONSUMER = `
import { createSoftwareoneMarketplaceClient, ApiError, type Instance, type ProblemDetails, type CreateExtensionInstanceError } from 'specmill-clients/softwareone-marketplace';

import { createElasticCloudClient } from 'specmill-clients/elastic-cloud';

const client = createSoftwareoneMarketplaceClient({ baseUrl: 'http://127.0.0.1:1' });
const elastic = createElasticCloudClient();

export async function headers(): Promise<void> {
  const { headers } = await elastic.createExtension({ body: { name: 'n', extension_type: 'bundle', version: '8.*' } }).withResponse();
  const version: string | undefined = headers['x-cloud-resource-version'];
  void version;
  // @ts-expect-error: only documented headers are typed
  void headers['x-other'];
  try {
    await elastic.createExtension({ body: { name: 'n', extension_type: 'plugin', version: '8.*' } });
  } catch (error) {
    if (elastic.isError(error, 'createExtension') && error.status === 409) {
      const codes: string | undefined = error.headers['x-cloud-error-codes'];
      void codes;
    }
  }
}

export async function use(): Promise<void> {
  const created: Instance = await client.createExtensionInstance({ path: { extensionId: 'x' }, body: { externalId: 'e', meta: { id: 'm' } } });
  const status: 'Connecting' | 'Disconnected' | 'Running' | 'Deleted' | undefined = created.status;
  const page = await client.listExtensionInstance({ path: { extensionId: 'x' } });
  const total: number | null | undefined = page.$meta?.pagination?.total;
  const { response } = await client.listExtensionInstance({ path: { extensionId: 'x' } }).withResponse();
  response.headers.get('etag');
  void status; void total;

  try {
    await client.createExtensionInstance({ path: { extensionId: 'x' } });
  } catch (error) {
    if (client.isError(error, 'createExtensionInstance')) {
      const narrowed: CreateExtensionInstanceError = error;
      if (error.status === 400) {
        const problem: ProblemDetails = error.body;
        void problem;
      }
      void narrowed;
    }
    if (error instanceof ApiError) void error.rawText;
  }

  // @ts-expect-error: a body field the schema does not have
  await client.createExtensionInstance({ path: { extensionId: 'x' }, body: { nope: 1 } });
  // @ts-expect-error: the path parameter is required
  await client.createExtensionInstance({ body: {} });
  // @ts-expect-error: a path parameter of the wrong type
  await client.listExtensionInstance({ path: { extensionId: 1 } });
  // @ts-expect-error: an operation the API does not have
  await client.deleteExtensionInstance({ path: { extensionId: 'x' } });
  // @ts-expect-error: isError only knows the API's operations
  client.isError(new Error(), 'nope');
  // @ts-expect-error: the status enum is closed
  const wrong: Instance['status'] = 'Paused';
  void wrong;
}
`;

let consumer: ConsumerProject;
beforeAll(() => {
  consumer = createConsumerProject();
  consumer.write('tsconfig.json', TSCONFIG);
});
afterAll(() => consumer.remove());

function tsc(): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, [TSC, '-p', consumer.dir], { encoding: 'utf8' }) };
  } catch (e) {
    return { ok: false, output: String((e as { stdout?: string }).stdout ?? e) };
  }
}

describe('generated types, as a consumer sees them', () => {
  it('accept correct use and reject each misuse', () => {
    consumer.write('consumer.ts', CONSUMER);
    const result = tsc();
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('really fail on misuse (the check above can fail)', () => {
    consumer.write('consumer.ts', CONSUMER.replace('// @ts-expect-error: a body field the schema does not have\n', ''));
    const result = tsc();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/'nope' does not exist in type/);
  });
});
