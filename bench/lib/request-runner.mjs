// One client's request loop, in a process of its own: imports an adapter (`setup(baseUrl)` returns
// a function that makes one call and resolves to the parsed body), checks one answer, warms up,
// then makes `count` sequential calls and prints `{ count, ms, rps }` as JSON.
// Usage: node request-runner.mjs <adapter.mjs> <baseUrl> <count> <warmup> <expected body JSON>
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';

const [adapter, baseUrl, countText, warmupText, expectedText] = process.argv.slice(2);
const count = Number(countText);
const warmup = Number(warmupText);
const { setup } = await import(pathToFileURL(adapter).href);
const call = await setup(baseUrl);

const first = await call();
if (!isDeepStrictEqual(first, JSON.parse(expectedText))) {
  console.error(`unexpected answer: ${JSON.stringify(first)?.slice(0, 300)}`);
  process.exit(2);
}
for (let i = 0; i < warmup; i++) await call();
const start = performance.now();
for (let i = 0; i < count; i++) await call();
const ms = performance.now() - start;
console.log(JSON.stringify({ count, ms, rps: (count * 1000) / ms }));
// Keep-alive sockets would hold the process open for seconds.
process.exit(0);
