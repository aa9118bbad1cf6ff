// What the soak prints while it runs and at the end, and the results file.
const fs = require('node:fs');

const ANSWERS = ['2xx', '4xx', '5xx', 'unanswered'];

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function answersTotal(byKind) {
  const totals = Object.fromEntries(ANSWERS.map((answer) => [answer, 0]));
  for (const counts of Object.values(byKind)) {
    for (const [answer, count] of Object.entries(counts)) totals[answer] += count;
  }
  return totals;
}

function ms(value) {
  return value === null ? '-' : `${value}`;
}

/** `{a: 1, b: 2}` as "a 1, b 2". */
function counts(object) {
  const entries = Object.entries(object);
  return entries.length > 0 ? entries.map(([key, n]) => `${key} ${n}`).join(', ') : 'none';
}

function describeAction(action) {
  const target = action.target ? ` ${action.target}` : '';
  return `${action.kind}${target}${action.ok ? '' : ' (failed)'}`;
}

/** One line for a reporting interval. */
function intervalLine(interval) {
  const answers = answersTotal(interval.writesSoFar);
  const rss = Object.entries(interval.rssMiB).map(([name, mib]) => `${name} ${mib ?? '-'}`);
  return [
    `[${`${interval.t}s`.padStart(6)}] writes ${sum(Object.values(answers))} (${counts(answers)})`,
    `write p50/p99 ${ms(interval.writes.p50Ms)}/${ms(interval.writes.p99Ms)} ms`,
    `queries ${interval.queries.count} p99 ${ms(interval.queries.p99Ms)} ms`,
    `log ${interval.head ?? '?'} applied ${interval.position ?? '?'}`,
    `stream reconnects ${interval.streamReconnects}`,
    ...(interval.chaos.length > 0
      ? [`chaos: ${interval.chaos.map(describeAction).join('; ')}`]
      : []),
    `RSS MiB ${rss.join(', ')}`,
  ].join(' | ');
}

function table(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => String(row[column]).length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function writesSection({ writes }) {
  const kinds = Object.keys(writes.byKind).sort();
  const rows = kinds.map((kind) => {
    const byAnswer = writes.byKind[kind];
    return [kind, ...ANSWERS.map((a) => byAnswer[a] ?? 0), sum(Object.values(byAnswer))];
  });
  return [
    'writes by kind and final answer',
    table([['kind', ...ANSWERS, 'total'], ...rows]),
    `attempts: ${counts(writes.attempts)}`,
    `batch items: ${counts(writes.batchItems)}`,
    `outcomes: ${counts(writes.outcomes)} (unknown: may be in the log, no answer said)`,
  ];
}

function chaosSection({ chaos }) {
  const rows = Object.entries(chaos.byKind).map(([kind, c]) => [kind, c.count, c.failed]);
  const rebuilds = chaos.rebuilds.map(
    (r) => `${r.rebuildId} on ${r.projector} ${r.status}${r.error ? ` (${r.error})` : ''}`,
  );
  return [
    'chaos actions',
    table([['kind', 'count', 'failed'], ...rows]),
    `rebuilds: ${rebuilds.join('; ') || 'none'}`,
  ];
}

function perMinuteSection({ perMinute, latency }) {
  const processes = [...new Set(perMinute.flatMap((m) => Object.keys(m.rssMiB)))];
  const rows = perMinute.map((m) => [
    m.minute,
    m.writes.count,
    ms(m.writes.p50Ms),
    ms(m.writes.p99Ms),
    m.queries.count,
    ms(m.queries.p50Ms),
    ms(m.queries.p99Ms),
    ...processes.map((name) => m.rssMiB[name] ?? '-'),
  ]);
  const { writes, queries } = latency;
  return [
    'per minute: answered requests, latency (ms), highest RSS (MiB)',
    table([['min', 'writes', 'p50', 'p99', 'queries', 'p50', 'p99', ...processes], ...rows]),
    `whole run: writes p50 ${ms(writes.p50Ms)} p99 ${ms(writes.p99Ms)} ms, ` +
      `queries p50 ${ms(queries.p50Ms)} p99 ${ms(queries.p99Ms)} ms`,
  ];
}

function checksSection({ checks }) {
  return [
    'checks',
    ...checks.flatMap((check) => [
      `${check.pass ? 'PASS' : 'FAIL'}  ${check.name}  ${JSON.stringify(check.figures)}`,
      ...check.problems.map((problem) => `        ${problem}`),
    ]),
  ];
}

/** The summary printed at the end. */
function finalReport(results) {
  const queries = Object.entries(results.queries.byProjector).map(
    ([name, byAnswer]) => `${name} ${counts(byAnswer)}`,
  );
  const followers = results.followers.map(
    (f) => `${f.name} on ${f.projector}: ${f.received} received, ${f.connections} connections`,
  );
  const sections = [
    [
      `soak ${results.runId}: seed ${results.seed}, ${results.minutes} min of load, ` +
        `${results.durationSeconds} s in all`,
    ],
    writesSection(results),
    chaosSection(results),
    [
      `queries: ${queries.join('; ')}`,
      `followers: ${followers.join('; ')}`,
      `log: ${results.log.events} events, last sequence ${results.log.lastSequence}; ` +
        `dead letters: ${results.log.deadLetters}`,
    ],
    perMinuteSection(results),
    checksSection(results),
    Object.entries(results.files).map(([name, file]) => `${name}: ${file}`),
    [results.checks.every((check) => check.pass) ? 'PASS' : 'FAIL'],
  ];
  return `\n${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function writeResults(file, results) {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

module.exports = { intervalLine, finalReport, writeResults };
