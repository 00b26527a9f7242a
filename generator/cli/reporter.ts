// How a long run talks. On a terminal: one progress line on stderr, updated as each API goes
// through its stages. Under CI or when piped: plain lines only. With --json: one JSON object per
// event or diagnostic on stdout, nothing else. --verbose adds each stage's time.
import { formatDiagnostic, terminalSafe, type Diagnostic } from '../core/diagnostics.js';
import type { StageEvent } from '../pipeline.js';
import { colorEnabled, palette, type Palette } from './colors.js';

export type OutputMode = 'progress' | 'lines' | 'json';

interface Output {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ReporterOptions {
  json?: boolean;
  verbose?: boolean;
  env?: NodeJS.ProcessEnv;
  stdout?: Output;
  stderr?: Output;
}

/** Whether a CI system runs us: most set CI to `true` or `1`. */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export function outputMode(options: { json?: boolean; env: NodeJS.ProcessEnv; stderr: Output }): OutputMode {
  if (options.json) return 'json';
  if (isCI(options.env) || options.env.TERM === 'dumb' || options.stderr.isTTY !== true) return 'lines';
  return 'progress';
}

export class Reporter {
  readonly mode: OutputMode;
  readonly verbose: boolean;
  readonly colors: Palette;
  readonly #stdout: Output;
  readonly #stderr: Output;
  #apis: readonly string[] = [];
  /** Stages running now, by API ('' for stages of the whole run); stages of one API can overlap. */
  readonly #running = new Map<string, string[]>();
  #progressShown = false;

  constructor(options: ReporterOptions = {}) {
    const env = options.env ?? process.env;
    this.#stdout = options.stdout ?? process.stdout;
    this.#stderr = options.stderr ?? process.stderr;
    this.mode = outputMode({ json: options.json === true, env, stderr: this.#stderr });
    this.verbose = options.verbose === true;
    this.colors = palette(this.mode !== 'json' && colorEnabled(this.#stderr, env));
  }

  /** The APIs of the coming run, in order, so that progress can say `[2/4]`. */
  start(apis: readonly string[]): void {
    this.#apis = apis;
    this.#running.clear();
  }

  stage(event: StageEvent): void {
    const key = event.api ?? '';
    const running = this.#running.get(key) ?? [];
    if (event.phase === 'start') this.#running.set(key, [...running, event.stage]);
    else {
      const index = running.indexOf(event.stage);
      if (index !== -1) running.splice(index, 1);
      if (running.length === 0) this.#running.delete(key);
    }
    if (event.phase === 'end') {
      if (this.mode === 'json') this.#json({ event: 'stage', stage: event.stage, ...(event.api ? { api: event.api } : {}), ms: event.ms ?? 0 });
      else if (this.verbose) this.#line(this.colors.dim(`  ${event.api ? `${event.api} ` : ''}${event.stage}: ${event.ms ?? 0} ms`));
    }
    this.#render();
  }

  diagnostics(list: readonly Diagnostic[]): void {
    for (const d of list) {
      if (this.mode === 'json') this.#json({ event: 'diagnostic', severity: d.severity, message: d.message, ...(d.location ? { location: d.location } : {}) });
      else this.#line(d.severity === 'error' ? this.colors.red(formatDiagnostic(d)) : this.colors.yellow(formatDiagnostic(d)));
    }
  }

  /** One API's one-line diff summary (`api: N changes (M breaking)`). */
  change(api: string, summary: string): void {
    if (this.mode === 'json') this.#json({ event: 'change', api, summary });
    else this.#line(/\(0 breaking\)|0 changes/.test(summary) ? summary : this.colors.yellow(summary));
  }

  /** Text another tool printed (redocly's lint report). */
  toolOutput(tool: string, text: string): void {
    if (this.mode === 'json') this.#json({ event: 'output', tool, text });
    else this.#line(text);
  }

  /** A run's last word: a sentence for people, the same facts as fields for --json. */
  done(sentence: string, fields: Record<string, unknown>, ok = true): void {
    if (this.mode === 'json') this.#json({ event: 'done', ok, ...fields });
    else this.#line(ok ? this.colors.green(sentence) : this.colors.red(sentence));
  }

  /** A plain message (watch's "watching ..."). */
  info(sentence: string, fields: Record<string, unknown> = {}): void {
    if (this.mode === 'json') this.#json({ event: 'info', message: sentence, ...fields });
    else this.#line(this.colors.dim(sentence));
  }

  /** Takes the progress line off the terminal (before exiting or waiting). */
  finish(): void {
    this.#running.clear();
    this.#clearProgress();
  }

  #json(value: Record<string, unknown>): void {
    this.#stdout.write(`${JSON.stringify(value)}\n`);
  }

  #line(text: string): void {
    this.#clearProgress();
    this.#stderr.write(`${text}\n`);
    this.#render();
  }

  #clearProgress(): void {
    if (!this.#progressShown) return;
    this.#stderr.write('\r\u001b[2K');
    this.#progressShown = false;
  }

  #render(): void {
    if (this.mode !== 'progress') return;
    const parts = [...this.#running].map(([api, stages]) => {
      if (!api) return stages.join(', ');
      const index = this.#apis.indexOf(api);
      const position = index === -1 ? '' : `[${index + 1}/${this.#apis.length}] `;
      return `${position}${api}: ${stages.join(', ')}`;
    });
    if (parts.length === 0) {
      this.#clearProgress();
      return;
    }
    // One terminal row, or the line wraps and \r no longer returns to its start.
    const width = Math.max(20, (this.#stderr.columns || 80) - 1);
    const text = terminalSafe(`specmill ${parts.join('  ')}`);
    this.#stderr.write(`\r\u001b[2K${this.colors.dim(text.length > width ? `${text.slice(0, width - 1)}…` : text)}`);
    this.#progressShown = true;
  }
}
