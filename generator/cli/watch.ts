// `specmill generate --watch`: generates once, then again after each change, for only the APIs
// whose pages or overlays changed, or whose settings in specmill.config.ts did; stops on Ctrl-C.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { loadConfig, type ResolvedApi, type ResolvedConfig } from '../config/config.js';
import { SpecmillError } from '../core/diagnostics.js';
import { emitPackageReadme } from '../emit/emit-package.js';
import type { PipelineResult } from '../pipeline.js';
import type { Reporter } from './reporter.js';
import { runPipelineReported, writeGeneration, type GenerateOptions } from './generate.js';

/** Quiet time after the last change before a run: editors save in bursts (write, rename, chmod). */
const DEBOUNCE_MS = 150;

export interface WatchOptions extends GenerateOptions {
  lenient: boolean;
  /** Stops the watch when aborted (tests); SIGINT does the same for people. */
  signal?: AbortSignal;
}

function toPosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Whether a planned output file is one API's own (its spec or its client folder). */
function ownedBy(config: ResolvedConfig, api: ResolvedApi, file: string): boolean {
  return file === toPosix(config.root, api.specFile) || file.startsWith(`${toPosix(config.root, config.outputDir)}/${api.name}/`);
}

/**
 * A whole run's result from the last one and a run of only the `rerun` APIs: each API's files
 * from whichever run made them, the package's own files from the new run, and the package README
 * (which lists every API) made again from all the specs.
 */
export function mergeRuns(config: ResolvedConfig, previous: PipelineResult, partial: PipelineResult, rerun: ReadonlySet<string>): PipelineResult {
  const merged: PipelineResult = { files: new Map(), specs: new Map(), diagnostics: partial.diagnostics, timings: partial.timings, cache: partial.cache };
  for (const api of config.apis) {
    const source = rerun.has(api.name) ? partial : previous;
    for (const [file, text] of source.files) if (ownedBy(config, api, file)) merged.files.set(file, text);
    const spec = source.specs.get(api.name);
    if (spec) merged.specs.set(api.name, spec);
  }
  for (const [file, text] of partial.files) {
    if (!config.apis.some((api) => ownedBy(config, api, file))) merged.files.set(file, text);
  }
  merged.files.set(`${toPosix(config.root, config.outputDir)}/README.md`, emitPackageReadme(config.packageName, [...merged.specs].map(([name, spec]) => ({ name, spec })), config.packageVersion));
  return merged;
}

/** The APIs a new config changes: all when a setting of the whole run changed, else those whose own settings did. */
function changedApis(before: ResolvedConfig, after: ResolvedConfig): Set<string> {
  const whole = (c: ResolvedConfig) => JSON.stringify([c.outputDir, c.packageName, c.packageVersion, c.strict, c.lintRules]);
  if (whole(before) !== whole(after)) return new Set(after.apis.map((a) => a.name));
  const old = new Map(before.apis.map((a) => [a.name, JSON.stringify(a)]));
  return new Set(after.apis.filter((a) => old.get(a.name) !== JSON.stringify(a)).map((a) => a.name));
}

/** The folders to watch: each API's folder under specs/ and any pages or overlays kept elsewhere. */
function watchedFolders(config: ResolvedConfig): string[] {
  const folders = new Set<string>();
  for (const api of config.apis) {
    for (const dir of [api.dir, api.sourcesDir, api.overlaysDir]) {
      if (existsSync(dir) && ![...folders].some((f) => f === dir || isInside(f, dir))) folders.add(dir);
    }
  }
  return [...folders];
}

export async function watchGenerate(root: string, reporter: Reporter, options: WatchOptions): Promise<number> {
  let config: ResolvedConfig = { ...(await loadConfig(root)), lenient: options.lenient };
  let last: PipelineResult | undefined;
  let watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let configChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = async (rerun: ReadonlySet<string> | 'all'): Promise<void> => {
    const whole = rerun === 'all' || !last;
    const names = whole ? config.apis.map((a) => a.name) : config.apis.filter((a) => rerun.has(a.name)).map((a) => a.name);
    if (!whole) reporter.info(`specmill: ${names.join(', ')} changed; generating`, { apis: names });
    const result = await runPipelineReported(config, reporter, whole ? undefined : names);
    const complete = whole || !last || result.diagnostics.some((d) => d.severity === 'error') ? result : mergeRuns(config, last, result, new Set(names));
    const code = await writeGeneration(config, complete, reporter, options);
    // A failed run leaves the disk as it was, so the last good result still describes it.
    if (code === 0) last = complete;
  };

  const flush = (): void => {
    timer = undefined;
    running = running.then(async () => {
      if (stopped) return;
      try {
        await rerunPending();
      } catch (e) {
        // One broken run must not end the watch: say why and wait for the next change.
        reporter.finish();
        reporter.info(`specmill: ${(e as Error).stack ?? String(e)}`);
      }
    });
  };

  const rerunPending = async (): Promise<void> => {
    let rerun: Set<string> | 'all' = new Set(pending);
    pending.clear();
    if (configChanged) {
      configChanged = false;
      try {
        const next = { ...(await loadConfig(root, { fresh: true })), lenient: options.lenient };
        for (const name of changedApis(config, next)) rerun.add(name);
        if (JSON.stringify(next.apis.map((a) => a.name)) !== JSON.stringify(config.apis.map((a) => a.name))) rerun = 'all';
        config = next;
        startWatching();
      } catch (e) {
        if (!(e instanceof SpecmillError)) throw e;
        reporter.diagnostics(e.diagnostics);
        reporter.info('specmill: the config has errors; still using the last good one');
      }
    }
    if (rerun !== 'all') for (const name of [...rerun]) if (!config.apis.some((a) => a.name === name)) rerun.delete(name);
    if (rerun !== 'all' && rerun.size === 0) return;
    await run(rerun);
    reporter.info('specmill: watching for changes (Ctrl-C to stop)');
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  const onChange = (folder: string, name: string | null): void => {
    const file = name === null ? undefined : path.join(folder, name);
    if (file && path.basename(file).includes('.specmill-tmp-')) return;
    let hit = false;
    for (const api of config.apis) {
      // The spec is our output: writing it must not start another run.
      if (file === api.specFile) continue;
      // Without a file name, all we know is that something under the folder changed.
      const touched = file === undefined ? [api.sourcesDir, api.overlaysDir].some((d) => d === folder || isInside(folder, d)) : [api.sourcesDir, api.overlaysDir].some((d) => d === file || isInside(d, file));
      if (touched) {
        pending.add(api.name);
        hit = true;
      }
    }
    if (hit) schedule();
  };

  function startWatching(): void {
    for (const w of watchers) w.close();
    watchers = watchedFolders(config).map((folder) => watch(folder, { recursive: true }, (_event, name) => onChange(folder, name === null ? null : String(name))));
    watchers.push(
      watch(root, (_event, name) => {
        if (name === null || String(name) === path.basename(config.configFile)) {
          configChanged = true;
          schedule();
        }
      }),
    );
  }

  await run('all');
  if (options.signal?.aborted) return 0;
  startWatching();
  reporter.info('specmill: watching for changes (Ctrl-C to stop)', { folders: watchedFolders(config).map((f) => toPosix(root, f)) });

  await new Promise<void>((resolve) => {
    // Once stopping, the listeners are gone: a second Ctrl-C ends the process at once.
    const stop = (): void => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      options.signal?.removeEventListener('abort', stop);
      // A run in progress finishes (it writes all or nothing), then the process can exit.
      void running.finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    options.signal?.addEventListener('abort', stop);
  });
  reporter.finish();
  reporter.info('specmill: stopped watching');
  return 0;
}
