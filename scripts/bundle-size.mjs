#!/usr/bin/env node
// Measures what one API's client costs a browser bundle: the generated client with its runtime
// and openapi-fetch, bundled by esbuild, minified and gzipped, next to openapi-fetch alone.
// Usage: node scripts/bundle-size.mjs [api]   (default: every API in generated/)
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const generated = path.join(root, 'generated');

async function measure(label, contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { label, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const apis = process.argv[2]
  ? [process.argv[2]]
  : readdirSync(generated).filter((n) => n !== 'runtime' && existsSync(path.join(generated, n, 'index.js')));
const rows = [await measure('openapi-fetch alone', "import createClient from 'openapi-fetch'; console.log(createClient);")];
for (const api of apis) {
  const entry = path.join(generated, api, 'index.js');
  rows.push(await measure(`${api} client + runtime`, `import * as client from ${JSON.stringify(entry)}; console.log(client);`));
}
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log('| bundle | minified | minified + gzip |\n| --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.label} | ${kb(row.minified)} | ${kb(row.gzipped)} |`);
