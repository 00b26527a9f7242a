// Runs one command as a child process and measures its wall time and peak resident memory.
// Peak RSS: GNU time's %M (the kernel's high-water mark of the largest process in the tree,
// exact) when /usr/bin/time exists, together with a /proc poll of the whole tree's summed RSS
// (catches tools that run several processes at once); the larger of the two is reported.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = existsSync(GNU_TIME) && gnuTimeWorks();
const HAS_PROC = existsSync('/proc/self/status');
const POLL_MS = 50;

function gnuTimeWorks() {
  try {
    // BusyBox time has no -f/-o; GNU time does.
    return spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

export const MEMORY_METHOD = HAS_GNU_TIME
  ? 'peak RSS = max(GNU time %M: kernel high-water mark of the largest process in the tree; /proc poll every 50 ms of the tree\'s summed RSS)'
  : HAS_PROC
    ? 'peak RSS = max over a /proc poll every 50 ms of each process\'s VmHWM and of the tree\'s summed VmRSS (no /usr/bin/time here)'
    : 'peak RSS unavailable (no /usr/bin/time, no /proc)';

/** Parent pid of every live process, from /proc/<pid>/stat. */
function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      table.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

function descendants(root) {
  const table = processTable();
  const children = new Map();
  for (const [pid, ppid] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    out.push(pid);
    for (const child of children.get(pid) ?? []) stack.push(child);
  }
  return out;
}

function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return { rss: rss ? Number(rss[1]) : 0, hwm: hwm ? Number(hwm[1]) : 0 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Runs `command args` in `cwd` and resolves to `{ ms, rssMiB, code, stdout, stderr }`.
 * `timeoutMs` kills the whole process group when a tool hangs.
 */
export function measure(command, args, { cwd, env, timeoutMs = 30 * 60_000, input } = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'specmill-bench-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  const [cmd, argv] = HAS_GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    const keep = (text, chunk) => (text.length > 200_000 ? text : text + chunk);
    child.stdout.on('data', (chunk) => (stdout = keep(stdout, chunk)));
    child.stderr.on('data', (chunk) => (stderr = keep(stderr, chunk)));
    child.stdin.end(input ?? '');
    let polledKiB = 0;
    const poll = HAS_PROC
      ? setInterval(() => {
          let sum = 0;
          for (const pid of descendants(child.pid)) {
            // GNU time itself (a few hundred KiB) is not the tool.
            const { rss, hwm } = memoryOf(pid);
            if (HAS_GNU_TIME && pid === child.pid) continue;
            sum += rss;
            if (!HAS_GNU_TIME) polledKiB = Math.max(polledKiB, hwm);
          }
          polledKiB = Math.max(polledKiB, sum);
        }, POLL_MS)
      : undefined;
    const killer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      clearInterval(poll);
      clearTimeout(killer);
      let timeKiB = 0;
      let exitCode = code;
      if (HAS_GNU_TIME) {
        try {
          const text = readFileSync(timeFile, 'utf8');
          // GNU time writes "Command exited with non-zero status N" before the figures.
          const lines = text.trim().split('\n');
          timeKiB = Number(lines.at(-1)) || 0;
        } catch {
          // killed before GNU time wrote its report
        }
      }
      rmSync(scratch, { recursive: true, force: true });
      const kib = Math.max(timeKiB, polledKiB);
      resolve({ ms, rssMiB: kib / 1024, code: signal ? `signal ${signal}` : exitCode, stdout, stderr });
    });
  });
}

/** Runs several commands one after another as one measurement: wall times add up, peaks take the max. */
export async function measureSequence(commands) {
  const total = { ms: 0, rssMiB: 0, code: 0, stdout: '', stderr: '' };
  for (const { command, args, options } of commands) {
    const run = await measure(command, args, options);
    total.ms += run.ms;
    total.rssMiB = Math.max(total.rssMiB, run.rssMiB);
    total.stdout += run.stdout;
    total.stderr += run.stderr;
    if (run.code !== 0) {
      total.code = run.code;
      break;
    }
  }
  return total;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** median/min/max of the successful runs' wall time and peak RSS. */
export function summarize(runs) {
  const ok = runs.filter((r) => r.code === 0);
  if (ok.length === 0) return { ok: false, runs: runs.length, error: lastLines(runs.at(-1)) };
  const ms = ok.map((r) => r.ms);
  const rss = ok.map((r) => r.rssMiB);
  return {
    ok: ok.length === runs.length,
    runs: runs.length,
    failed: runs.length - ok.length,
    ms: { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) },
    rssMiB: { median: median(rss), min: Math.min(...rss), max: Math.max(...rss) },
    ...(ok.length < runs.length ? { error: lastLines(runs.find((r) => r.code !== 0)) } : {}),
  };
}

export function lastLines(run, count = 6) {
  if (!run) return '';
  const text = `${run.stderr}\n${run.stdout}`.trim().split('\n').filter(Boolean);
  return `exit ${run.code}: ${text.slice(-count).join(' | ').slice(0, 600)}`;
}
