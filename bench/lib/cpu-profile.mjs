// Reads a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per module, and
// inclusive time of named functions (each sample counted once per function, so recursion does
// not count twice).
import { readFileSync } from 'node:fs';

function shortUrl(url) {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  const modules = clean.lastIndexOf('/node_modules/');
  if (modules >= 0) return clean.slice(modules + '/node_modules/'.length);
  const own = /\/(generator|templates|scripts|bench)\/(.*)$/.exec(clean);
  return own ? `${own[1]}/${own[2]}` : clean;
}

/** The package or specmill folder a frame belongs to. */
function moduleOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:') || !url.includes('/')) return 'node internals';
  const short = shortUrl(url);
  if (short.startsWith('generator/') || short.startsWith('templates/') || short.startsWith('scripts/')) return short.split('/').slice(0, 2).join('/');
  const parts = short.split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

export function analyzeProfile(file, { inclusiveNames = [] } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const byFunction = new Map();
  const byModule = new Map();
  for (const [id, us] of self) {
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const mod = moduleOf(frame);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }

  // Inclusive time of chosen function names: walk each sample's stack once.
  const wanted = new Set(inclusiveNames);
  const inclusive = new Map();
  const stackNames = new Map();
  const namesOf = (id) => {
    if (stackNames.has(id)) return stackNames.get(id);
    const name = nodes.get(id).callFrame.functionName;
    const up = parent.has(id) ? namesOf(parent.get(id)) : new Set();
    const names = wanted.has(name) && !up.has(name) ? new Set([...up, name]) : up;
    stackNames.set(id, names);
    return names;
  };
  for (const [id, us] of self) for (const name of namesOf(id)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);

  // What the thread did second by second: the modules with the most self time in each second.
  const seconds = [];
  let clock = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    clock += profile.timeDeltas[i] ?? 0;
    const bucket = (seconds[Math.floor(clock / 1e6)] ??= new Map());
    const mod = moduleOf(nodes.get(profile.samples[i]).callFrame);
    bucket.set(mod, (bucket.get(mod) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const timeline = [...seconds].map((bucket) => (bucket ? [...bucket].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 })) : []));

  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, functions: sorted(byFunction), modules: sorted(byModule), inclusive: sorted(inclusive), timeline };
}
