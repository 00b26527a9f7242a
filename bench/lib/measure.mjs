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

/** Busy and total CPU time of the whole machine so far, in clock ticks (from /proc/stat). */
function cpuTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}
const TICKS_PER_SECOND = 100;

/**
 * Waits (at most `maxWaitMs`) until the machine is quiet: other sessions share it, and a run
 * that starts while another process hogs a core measures that process too. Resolves to the
 * milliseconds waited.
 */
export async function waitForQuiet({ busyShare = 0.25, windowMs = 1000, maxWaitMs = 15_000 } = {}) {
  const start = performance.now();
  while (performance.now() - start < maxWaitMs) {
    const before = cpuTicks();
    await new Promise((r) => setTimeout(r, windowMs));
    const after = cpuTicks();
    if (!before || !after || after.total === before.total) return 0;
    if ((after.busy - before.busy) / (after.total - before.total) <= busyShare) break;
  }
  return performance.now() - start;
}

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
  const [cmd, argv] = HAS_GNU_TIME ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const ticksBefore = cpuTicks();
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
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
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
      const ticksAfter = cpuTicks();
      let timeKiB = 0;
      let cpuSeconds;
      if (HAS_GNU_TIME) {
        try {
          // GNU time writes "Command exited with non-zero status N" before the figures.
          const [kib, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
          timeKiB = kib || 0;
          cpuSeconds = user + system;
        } catch {
          // killed before GNU time wrote its report
        }
      }
      rmSync(scratch, { recursive: true, force: true });
      const kib = Math.max(timeKiB, polledKiB);
      // How much of the machine other processes used meanwhile (a noisy neighbour shows here).
      let othersCpu;
      if (ticksBefore && ticksAfter && cpuSeconds !== undefined && ticksAfter.total > ticksBefore.total) {
        const busy = (ticksAfter.busy - ticksBefore.busy) / TICKS_PER_SECOND;
        const capacity = (ticksAfter.total - ticksBefore.total) / TICKS_PER_SECOND;
        othersCpu = Math.max(0, busy - cpuSeconds) / capacity;
      }
      resolve({ ms, rssMiB: kib / 1024, cpuSeconds, othersCpu, code: timedOut ? 'timeout' : signal ? `signal ${signal}` : code, timedOut, timeoutMs, stdout, stderr });
    });
  });
}

/** Runs several commands one after another as one measurement: wall times add up, peaks take the max. */
export async function measureSequence(commands) {
  const total = { ms: 0, rssMiB: 0, cpuSeconds: 0, othersCpu: 0, code: 0, stdout: '', stderr: '' };
  for (const { command, args, options } of commands) {
    const run = await measure(command, args, options);
    total.ms += run.ms;
    total.rssMiB = Math.max(total.rssMiB, run.rssMiB);
    total.cpuSeconds += run.cpuSeconds ?? 0;
    total.othersCpu = Math.max(total.othersCpu, run.othersCpu ?? 0);
    total.stdout += run.stdout;
    total.stderr += run.stderr;
    if (run.code !== 0) {
      total.code = run.code;
      break;
    }
  }
  return total;
}

const stat = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** median/min/max of the successful runs' wall time and peak RSS. */
export function summarize(runs) {
  const ok = runs.filter((r) => r.code === 0);
  const stopped = runs.find((r) => r.timedOut);
  if (ok.length === 0 && stopped) return { ok: false, runs: runs.length, timedOut: true, limitMs: stopped.timeoutMs, error: `stopped after ${Math.round(stopped.timeoutMs / 1000)} s` };
  if (ok.length === 0) return { ok: false, runs: runs.length, error: lastLines(runs.at(-1)) };
  const ms = ok.map((r) => r.ms);
  const rss = ok.map((r) => r.rssMiB);
  return {
    ok: ok.length === runs.length,
    runs: runs.length,
    failed: runs.length - ok.length,
    ms: { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) },
    rssMiB: { median: median(rss), min: Math.min(...rss), max: Math.max(...rss) },
    ...(ok.every((r) => r.cpuSeconds !== undefined) ? { cpuMs: stat(ok.map((r) => r.cpuSeconds * 1000)) } : {}),
    othersCpu: Math.max(...ok.map((r) => r.othersCpu ?? 0)),
    ...(ok.length < runs.length ? { error: lastLines(runs.find((r) => r.code !== 0)) } : {}),
  };
}

export function lastLines(run, count = 6) {
  if (!run) return '';
  const text = `${run.stderr}\n${run.stdout}`.trim().split('\n').filter(Boolean);
  return `exit ${run.code}: ${text.slice(-count).join(' | ').slice(0, 600)}`;
}
