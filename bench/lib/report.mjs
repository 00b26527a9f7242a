// Turns the measurements into Markdown: the environment, the targets of issue 16 across inputs (met
// or missed, with the figures side by side), then per input issue 8's targets, the generators,
// specmill's reruns, the consumers' tsc and the per-request overhead.

const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mib = (value) => `${Math.round(value)} MiB`;
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}x`);
const spread = (stat, format) => (stat ? `${format(stat.median)} (${format(stat.min)}–${format(stat.max)})` : '—');
const bytes = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const escape = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table; `align` has one letter per column, `l` or `r` (default: text left, figures right). */
function table(header, rows, align = `l${'r'.repeat(header.length - 1)}`) {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}

const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');

const isSpecmill = (id) => id.startsWith('specmill');

/** The fastest full-client generator (types-only tools do not count) among the competitors. */
function fastestClient(section) {
  return section.generators
    .filter((g) => !isSpecmill(g.id) && g.kind === 'client' && g.cold.ok !== false && g.cold.ms)
    .sort((a, b) => a.cold.ms.median - b.cold.ms.median)[0];
}

const ISSUE_8_RERUN_LIMITS = { noop: 0.1, description: 0.25, add: 0.25 };

/** Each target of issue 8 for one input: `{ target, value, ok }`. */
export function evaluateTargets(section) {
  const out = [];
  const specmill = section.generators.find((g) => g.id === 'specmill');
  const fastest = fastestClient(section);
  if (specmill?.cold.ms && fastest) {
    const r = specmill.cold.ms.median / fastest.cold.ms.median;
    const cpu = specmill.cold.cpuMs && fastest.cold.cpuMs ? `; CPU time ${ratio(specmill.cold.cpuMs.median / fastest.cold.cpuMs.median)}` : '';
    out.push({ target: `cold run <= 1.0x the fastest full-client generator (${fastest.id})`, value: `${ratio(r)} (${seconds(specmill.cold.ms.median)} vs ${seconds(fastest.cold.ms.median)}${cpu})`, ok: r <= 1 });
    const m = specmill.cold.rssMiB.median / fastest.cold.rssMiB.median;
    out.push({ target: `peak RSS <= the fastest one's (${fastest.id})`, value: `${ratio(m)} (${mib(specmill.cold.rssMiB.median)} vs ${mib(fastest.cold.rssMiB.median)})`, ok: m <= 1 });
  } else if (specmill?.cold.ms) {
    out.push({ target: 'cold run <= 1.0x the fastest full-client generator', value: 'no competitor measured', ok: undefined });
  }
  const reruns = (section.reruns ?? []).filter((run) => run.id in ISSUE_8_RERUN_LIMITS);
  const limits = ISSUE_8_RERUN_LIMITS;
  for (const run of reruns) {
    if (run.stats.timedOut && specmill?.cold.ms) {
      const r = run.stats.limitMs / specmill.cold.ms.median;
      out.push({ target: `${run.label} <= ${limits[run.id]}x a cold run`, value: `> ${ratio(r)} (stopped after ${seconds(run.stats.limitMs)})`, ok: false });
      continue;
    }
    if (!run.stats.ms || !specmill?.cold.ms) continue;
    const r = run.stats.ms.median / specmill.cold.ms.median;
    out.push({ target: `${run.label} <= ${limits[run.id]}x a cold run`, value: `${ratio(r)} (${seconds(run.stats.ms.median)})`, ok: r <= limits[run.id] });
  }
  const tsc = section.consumers ?? [];
  const own = tsc.find((c) => c.id === 'specmill');
  const rivals = tsc.filter((c) => ['openapi-fetch', 'redocly'].includes(c.id) && c.consumer?.ms && c.consumerErrors?.count === 0);
  if (own?.consumer?.ms && rivals.length > 0) {
    const best = rivals.sort((a, b) => a.consumer.ms.median - b.consumer.ms.median)[0];
    const r = own.consumer.ms.median / best.consumer.ms.median;
    out.push({ target: `consumer tsc <= 1.0x the best of openapi-typescript + openapi-fetch and redocly (${best.id})`, value: `${ratio(r)} (${seconds(own.consumer.ms.median)} vs ${seconds(best.consumer.ms.median)})`, ok: r <= 1 });
  }
  if (own) out.push({ target: "specmill's output passes strict tsc (skipLibCheck: false)", value: own.strict ? (own.strict.errors.count === 0 ? 'passes' : `${own.strict.errors.count} errors`) : own.error ?? '—', ok: own.strict ? own.strict.errors.count === 0 && own.consumerErrors?.count === 0 : false });
  const client = section.requests?.clients.find((c) => c.id === 'specmill');
  if (client?.ratio !== undefined) out.push({ target: 'requests per second >= 0.95x raw fetch + res.json()', value: ratio(client.ratio), ok: client.ratio >= 0.95 });
  if (section.input.bytes > 40 * 1024 * 1024 && specmill?.cold.rssMiB) {
    out.push({ target: 'a ~50 MB spec runs in 2 GB', value: mib(specmill.cold.rssMiB.max), ok: specmill.cold.ok && specmill.cold.rssMiB.max <= 2048 });
  }
  return out;
}

// ---- issue 16 --------------------------------------------------------------------------------

const median = (stat) => stat?.ms?.median;
const find = (results, name) => results.sections.find((s) => s.input.name === name);
const generator = (section, id) => section?.generators.find((g) => g.id === id);
const rerun = (section, id) => section?.reruns?.find((r) => r.id === id);
const lintNote = (stat) => (stat?.ms ? `; with lint ${seconds(stat.ms.median)}` : '');

/** specmill's cold run against redocly's, by wall time or peak RSS, with the with-lint time beside. */
function againstRedocly(section, measure) {
  const own = generator(section, 'specmill');
  const redocly = generator(section, 'redocly');
  if (!own?.cold.ms || !redocly?.cold.ms) return undefined;
  const lint = generator(section, 'specmill-lint')?.cold;
  if (measure === 'wall') {
    const r = own.cold.ms.median / redocly.cold.ms.median;
    return { value: `${ratio(r)} (${seconds(own.cold.ms.median)} vs ${seconds(redocly.cold.ms.median)})${lintNote(lint)}`, ok: r <= 1 };
  }
  const r = own.cold.rssMiB.median / redocly.cold.rssMiB.median;
  return { value: `${ratio(r)} (${mib(own.cold.rssMiB.median)} vs ${mib(redocly.cold.rssMiB.median)})`, ok: r <= 1 };
}

/** A rerun against the cold run of the same project's input, with the with-lint figures beside. */
function againstCold(section, id, limit) {
  const own = generator(section, 'specmill');
  const run = rerun(section, id);
  if (!own?.cold.ms || !run?.stats.ms) return undefined;
  const r = run.stats.ms.median / own.cold.ms.median;
  const lintRun = rerun(section, `${id}-lint`)?.stats;
  const lintCold = generator(section, 'specmill-lint')?.cold;
  const lint = lintRun?.ms ? `; with lint ${seconds(lintRun.ms.median)}${lintCold?.ms ? ` (${ratio(lintRun.ms.median / lintCold.ms.median)} of a cold run with lint)` : ''}` : '';
  return { value: `${ratio(r)} (${seconds(run.stats.ms.median)} vs ${seconds(own.cold.ms.median)})${lint}`, ok: r <= limit };
}

/**
 * The targets of issue 16, each `{ target, value, ok }` (`ok` undefined: its input was not run).
 * Read across the inputs of one run: GitHub, the seeds, the small spec and Microsoft Graph beta.
 */
export function evaluateIssue16(results) {
  const github = find(results, 'github');
  const seeds = find(results, 'seeds');
  const small = find(results, 'small');
  const msgraph = find(results, 'msgraph');
  const rows = [];
  const add = (target, outcome) => rows.push({ target, value: outcome?.value ?? 'not measured', ok: outcome?.ok });
  add('GitHub REST, cold full client <= 1.0x redocly generate-client (wall)', againstRedocly(github, 'wall'));
  add('GitHub REST, cold run peak RSS <= 1.0x redocly generate-client', againstRedocly(github, 'rss'));
  add('seed APIs, cold <= 1.0x redocly generate-client (wall)', againstRedocly(seeds, 'wall'));
  const smallRun = generator(small, 'specmill');
  add(
    'a small spec, cold <= 0.35 s',
    smallRun?.cold.ms && {
      value: `${seconds(median(smallRun.cold))}${lintNote(generator(small, 'specmill-lint')?.cold)}${generator(small, 'redocly')?.cold.ms ? `; redocly ${seconds(median(generator(small, 'redocly').cold))}` : ''}`,
      ok: median(smallRun.cold) <= 350,
    },
  );
  add("GitHub, rerun after one operation's summary changed (in place) <= 0.15x of cold", againstCold(github, 'summary', 0.15));
  add('GitHub, rerun after one operation was added <= 0.15x of cold', againstCold(github, 'add', 0.15));
  const graph = generator(msgraph, 'specmill');
  add(
    'Microsoft Graph beta, peak RSS <= 1,500 MiB',
    graph?.cold.rssMiB && {
      value: `${mib(graph.cold.rssMiB.max)}${generator(msgraph, 'redocly')?.cold.rssMiB ? ` (redocly ${mib(generator(msgraph, 'redocly').cold.rssMiB.max)})` : ''}`,
      ok: graph.cold.ok !== false && graph.cold.rssMiB.max <= 1500,
    },
  );
  const own = github?.consumers?.find((c) => c.id === 'specmill');
  const redoclyTsc = github?.consumers?.find((c) => c.id === 'redocly');
  add(
    "GitHub, consumer tsc <= 0.6x of redocly's",
    own?.consumer?.ms && redoclyTsc?.consumer?.ms && { value: `${ratio(own.consumer.ms.median / redoclyTsc.consumer.ms.median)} (${seconds(own.consumer.ms.median)} vs ${seconds(redoclyTsc.consumer.ms.median)})`, ok: own.consumer.ms.median / redoclyTsc.consumer.ms.median <= 0.6 },
  );
  const clients = github?.requests?.clients ?? [];
  const mine = clients.find((c) => c.id === 'specmill');
  const fetchOnly = clients.find((c) => c.id === 'openapi-fetch');
  add(
    "GitHub, requests per second >= 0.97x openapi-fetch's",
    mine?.rps && fetchOnly?.rps && { value: `${ratio(mine.rps.median / fetchOnly.rps.median)} (${Math.round(mine.rps.median)} vs ${Math.round(fetchOnly.rps.median)} requests/s)`, ok: mine.rps.median / fetchOnly.rps.median >= 0.97 },
  );
  return rows;
}

function generatorsTable(section) {
  const specmill = section.generators.find((g) => g.id === 'specmill');
  const rows = section.generators.map((g) => {
    const time = !isSpecmill(g.id) && specmill?.cold.ms && g.cold.ms ? ratio(specmill.cold.ms.median / g.cold.ms.median) : '';
    const mem = !isSpecmill(g.id) && specmill?.cold.rssMiB && g.cold.rssMiB ? ratio(specmill.cold.rssMiB.median / g.cold.rssMiB.median) : '';
    const failed = g.cold.ok === false ? ` (${g.cold.failed ?? g.cold.runs}/${g.cold.runs} runs failed: ${g.cold.error})` : '';
    const cpu = !isSpecmill(g.id) && specmill?.cold.cpuMs && g.cold.cpuMs ? ratio(specmill.cold.cpuMs.median / g.cold.cpuMs.median) : '';
    return [
      `${g.label}${failed}`,
      spread(g.cold.ms, seconds),
      spread(g.cold.rssMiB, mib),
      time,
      mem,
      g.cold.cpuMs ? seconds(g.cold.cpuMs.median) : '—',
      cpu,
      g.size ? `${bytes(g.size.bytes)} / ${g.size.files}` : '—',
    ];
  });
  return table(['generator (cold run)', 'wall: median (min–max)', 'peak RSS: median (min–max)', 'specmill/this wall', 'specmill/this RSS', 'CPU (user+sys)', 'specmill/this CPU', 'output: size / files'], rows);
}

function rerunsTable(section) {
  const specmill = section.generators.find((g) => g.id === 'specmill');
  const rows = [[`cold run (fresh project)`, spread(specmill?.cold.ms, seconds), spread(specmill?.cold.rssMiB, mib), '1.00x', specmill?.cold.cpuMs ? seconds(specmill.cold.cpuMs.median) : '—', '']];
  for (const run of section.reruns) {
    if (run.stats.timedOut) {
      rows.push([run.label, `> ${seconds(run.stats.limitMs)} (stopped)`, '—', specmill?.cold.ms ? `> ${ratio(run.stats.limitMs / specmill.cold.ms.median)}` : '—', '—', run.change ?? '']);
      continue;
    }
    rows.push([
      `${run.label}${run.stats.ok === false ? ` (failed: ${run.stats.error})` : ''}`,
      spread(run.stats.ms, seconds),
      spread(run.stats.rssMiB, mib),
      run.stats.ms && specmill?.cold.ms ? ratio(run.stats.ms.median / specmill.cold.ms.median) : '—',
      run.stats.cpuMs ? seconds(run.stats.cpuMs.median) : '—',
      run.change ?? '',
    ]);
  }
  return table(['specmill run', 'wall: median (min–max)', 'peak RSS: median (min–max)', 'x cold (wall)', 'CPU (user+sys)', 'what changed'], rows, 'lrrrrl');
}

function consumersTable(section) {
  const own = section.consumers.find((c) => c.id === 'specmill');
  const rows = section.consumers.map((c) => {
    if (c.error) return [c.label, '—', '—', '', '', '—', c.error];
    const e = c.consumerErrors;
    const errors = e?.count ? ` (tsc: ${e.count} errors${e.inConsumer ? `, ${e.inConsumer} of them in the consumer file` : ', all in the generated code'})` : '';
    const strict = c.strict ? (c.strict.errors.count === 0 ? `passes (${seconds(c.strict.ms)}, ${mib(c.strict.rssMiB)})` : `**fails**: ${c.strict.errors.count} errors, e.g. ${c.strict.errors.first[0] ?? ''}`) : '—';
    return [
      `${c.label}${errors}`,
      spread(c.consumer?.ms, seconds),
      spread(c.consumer?.rssMiB, mib),
      c.id !== 'specmill' && own?.consumer?.ms && c.consumer?.ms ? ratio(own.consumer.ms.median / c.consumer.ms.median) : '',
      c.id !== 'specmill' && own?.consumer?.rssMiB && c.consumer?.rssMiB ? ratio(own.consumer.rssMiB.median / c.consumer.rssMiB.median) : '',
      c.consumer?.cpuMs ? seconds(c.consumer.cpuMs.median) : '—',
      strict,
    ];
  });
  return table(['consumer of', 'tsc: median (min–max)', 'tsc peak RSS: median (min–max)', 'specmill/this time', 'specmill/this RSS', 'tsc CPU', 'strict, skipLibCheck: false, whole output'], rows, 'lrrrrrl');
}

function requestsTable(section) {
  const r = section.requests;
  const rows = r.clients.map((c) => [c.label, c.rps ? `${Math.round(c.rps.median)} (${Math.round(c.rps.min)}–${Math.round(c.rps.max)})` : `— ${c.error ?? ''}`, c.id === 'fetch' ? '1.00x' : ratio(c.ratio)]);
  return table(['client', 'requests/s: median (min–max)', 'x raw fetch'], rows);
}

export function renderReport(results) {
  const env = results.environment;
  const lines = [
    '# specmill benchmark',
    '',
    `Made by \`${env.command}\` on ${env.date}.`,
    '',
    table(
      ['environment', ''],
      [
        ['machine', `${env.cpus} x ${env.cpuModel}, ${env.memoryGiB} GiB RAM, ${env.os}`],
        ['Node', env.node],
        ['specmill', `${env.git}`],
        ['load average (1 min) at start / end', `${env.loadStart} / ${env.loadEnd ?? '—'}`],
        ['neighbours', env.neighbours ?? '—'],
        ['runs', `${env.runs} cold runs per tool, interleaved, and ${env.runs} of each specmill rerun; ${env.tscRuns} tsc runs per consumer; ${env.requestRounds} rounds of the request loop (medians, with min and max)`],
        ['memory', env.memoryMethod],
        ['tools', env.tools.join('; ')],
        ...(env.lint ? [['lint', env.lint]] : []),
      ],
      'll',
    ),
    '',
    'A cold run is a fresh project or output folder (no earlier output; the OS file cache is warm). specmill runs',
    '`node scripts/specmill.mjs generate --no-lint` in a project whose one API holds the spec as an `openapi` page;',
    'the competitors run their CLIs on the same file. The consumer is a strict TypeScript file that imports the',
    'client and calls two operations, checked by `tsc --noEmit` (`moduleResolution: Bundler`, `skipLibCheck: true` as',
    '`tsc --init` writes it); the strict column checks the whole output with `skipLibCheck: false`.',
    '',
    '## Targets of issue 16',
    '',
    'Each target with the figures it compares, from this one run (a rerun is measured in the project of the last cold run; "with lint" is the same run without `--no-lint`).',
    '',
    table(['target', 'measured', 'verdict'], evaluateIssue16(results).map((t) => [t.target, t.value, verdict(t.ok)]), 'lrl'),
    '',
  ];
  for (const section of results.sections) {
    const targets = evaluateTargets(section);
    lines.push(`## ${section.input.label}`, '', section.input.summary, '');
    if (targets.length > 0) {
      lines.push('### Targets of issue 8', '', table(['target', 'measured', 'verdict'], targets.map((t) => [t.target, t.value, verdict(t.ok)]), 'lrl'), '');
    }
    lines.push('### Generators', '', generatorsTable(section), '');
    if (section.reruns?.length) lines.push('### specmill reruns (in the project of the last cold run)', '', rerunsTable(section), '');
    if (section.consumers?.length) lines.push(`### Consumer type check (${section.consumerOperations})`, '', consumersTable(section), '');
    if (section.requests) {
      lines.push(
        `### Per-request overhead (${section.requests.operation}; ${section.requests.count} sequential calls after ${section.requests.warmup} warm-up, ${section.requests.rounds} rounds, loopback node:http server in its own process)`,
        '',
        requestsTable(section),
        '',
      );
    }
    if (section.notes?.length) lines.push('Notes:', '', ...section.notes.map((n) => `- ${n}`), '');
  }
  lines.push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                     # everything: github, stripe, seeds, small, msgraph, with the competitors',
    'npm run bench -- --only github    # one input (github | stripe | seeds | small | msgraph)',
    'npm run bench -- --quick          # one run of specmill on one seed API, no competitors (the smoke test)',
    'npm run bench -- --only msgraph --tools redocly,openapi-typescript --runs 1 --out bench/results-msgraph.md',
    'node bench/profile.mjs            # where the time goes: CPU profile and per-stage timings on the GitHub spec (bench/profile.md)',
    'node bench/profile.mjs --input stripe --rerun add --out bench/profile-stripe-rerun.md   # a rerun after one change, under --prof',
    '```',
    '',
  );
  return lines.join('\n');
}
