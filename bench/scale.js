// @ts-check
// npm run bench -- --scale: the cost curve. At each size, a system of its own loads that many
// developments and measures ingest, catch-up, rebuild, the queries at a steady rate, the disk
// the log and the read model take, and peak RSS; then the per-event costs side by side, as a
// table and as a chart (SVG).
const { writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEnvironment } = require('./environment');
const {
  SECONDS,
  QUERY_RATE,
  batchIngest,
  printRows,
  projectorCatchUp,
  queryLatency,
  queryPaths,
  rebuild,
} = require('./workload');

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000,1000000')
  .split(',')
  .map((size) => Number(size));
const BATCH_IN_FLIGHT = Number(process.env.BENCH_BATCH_IN_FLIGHT ?? 4);
const CHART = process.env.BENCH_SCALE_CHART ?? path.join(__dirname, '..', 'docs', 'scale.svg');
/** How far a per-event cost may move from the smallest size to the largest. */
const FLAT_WITHIN = 0.25;

/**
 * @param {number} size
 * @param {{ next: number }} counter the index of the first development
 */
async function atSize(size, counter) {
  const env = await startEnvironment();
  try {
    console.error(`${size}: batch ingest`);
    const ingest = await batchIngest(env, counter, {
      developments: size,
      inFlight: BATCH_IN_FLIGHT,
    });
    console.error(`${size}: projector catch-up`);
    const catchUp = await projectorCatchUp(env);
    console.error(`${size}: rebuild`);
    const rebuilt = await rebuild(env);
    console.error(`${size}: queries at ${QUERY_RATE}/s`);
    const queries = [];
    for (const query of await queryPaths(env)) queries.push(await queryLatency(env, query));
    const disk = await env.diskUsage();
    const rss = env.peakRss();
    return {
      developments: ingest.developments,
      ingestPerSecond: ingest.developmentsPerSecond ?? 0,
      catchUpPerSecond: catchUp.eventsPerSecond,
      rebuildPerSecond: rebuilt.eventsPerSecond,
      queries: queries.map((q) => ({
        path: q.path,
        p50Ms: q.p50Ms,
        p99Ms: q.p99Ms,
        answered: q.answered,
        failed: q.non2xx + q.errors,
      })),
      worstQueryP99Ms: Math.max(...queries.map((q) => q.p99Ms)),
      failedQueries: queries.filter((q) => q.answered === 0 || q.non2xx + q.errors > 0).length,
      logBytesPerDevelopment: Math.round(disk.logBytes / size),
      readModelBytesPerDevelopment: Math.round(disk.readModelBytes / size),
      logMiB: Math.round(disk.logBytes / 2 ** 20),
      readModelMiB: Math.round(disk.readModelBytes / 2 ** 20),
      peakRssMiB: { ingest: rss.ingest, projector: rss.projector },
    };
  } finally {
    await env.stop();
  }
}

/**
 * The per-event costs the curve follows, each as a function of one size's figures: time per
 * event (microseconds) for the rates, the worst query p99, bytes per development.
 */
const CURVES = [
  { name: 'ingest, µs per development', of: (s) => 1e6 / s.ingestPerSecond },
  { name: 'catch-up, µs per event', of: (s) => 1e6 / s.catchUpPerSecond },
  { name: 'rebuild, µs per event', of: (s) => 1e6 / s.rebuildPerSecond },
  { name: `worst query p99 at ${QUERY_RATE}/s, ms`, of: (s) => s.worstQueryP99Ms },
  { name: 'log, bytes per development', of: (s) => s.logBytesPerDevelopment },
  { name: 'read model, bytes per development', of: (s) => s.readModelBytesPerDevelopment },
];

/** Each curve at the largest size against the smallest: the growth the target bounds. */
function growth(sizes) {
  const [first, last] = [sizes[0], sizes[sizes.length - 1]];
  return CURVES.map((curve) => {
    const ratio = curve.of(last) / curve.of(first);
    return { name: curve.name, ratio: Number(ratio.toFixed(2)), flat: ratio <= 1 + FLAT_WITHIN };
  });
}

/**
 * A line chart of every curve relative to its value at the smallest size (1 = flat), sizes on
 * a logarithmic axis.
 */
function chart(sizes) {
  const width = 720;
  const height = 400;
  const margin = { left: 60, right: 250, top: 30, bottom: 50 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
  const relative = CURVES.map((curve) => sizes.map((s) => curve.of(s) / curve.of(sizes[0])));
  const yMax = Math.max(2, Math.ceil(Math.max(...relative.flat()) * 2) / 2);
  const logs = sizes.map((s) => Math.log10(s.developments));
  const [lo, hi] = [Math.min(...logs), Math.max(...logs)];
  const x = (i) => margin.left + (hi === lo ? 0 : ((logs[i] - lo) / (hi - lo)) * plotWidth);
  const y = (v) => margin.top + plotHeight - (v / yMax) * plotHeight;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="18" font-size="14">Per-event cost relative to ${sizes[0].developments.toLocaleString('en')} developments (1 = flat)</text>`,
  ];
  const step = yMax > 4 ? 1 : 0.5;
  for (let v = 0; v <= yMax; v += step) {
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(v)}" y2="${y(v)}" stroke="${v === 1 ? '#888' : '#eee'}"/>`,
      `<text x="${margin.left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`,
    );
  }
  const band = [y(1 + FLAT_WITHIN), y(1 - FLAT_WITHIN)];
  parts.push(
    `<rect x="${margin.left}" y="${band[0]}" width="${plotWidth}" height="${band[1] - band[0]}" fill="#2ca02c" opacity="0.08"/>`,
  );
  sizes.forEach((s, i) =>
    parts.push(
      `<text x="${x(i)}" y="${height - margin.bottom + 20}" text-anchor="middle">${s.developments.toLocaleString('en')}</text>`,
    ),
  );
  parts.push(
    `<text x="${margin.left + plotWidth / 2}" y="${height - 10}" text-anchor="middle">developments (log scale)</text>`,
  );
  relative.forEach((values, c) => {
    const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colors[c]}" stroke-width="2"/>`,
      ...values.map((v, i) => `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${colors[c]}"/>`),
      `<rect x="${width - margin.right + 15}" y="${margin.top + c * 22}" width="12" height="12" fill="${colors[c]}"/>`,
      `<text x="${width - margin.right + 32}" y="${margin.top + c * 22 + 10}">${CURVES[c].name}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** p50/p99, or what went wrong: no 2xx answer, or how many requests failed. */
function queryFigure(q) {
  if (q.answered === 0) return 'no 2xx';
  return `${q.p50Ms}/${q.p99Ms}${q.failed > 0 ? ` (${q.failed} failed)` : ''}`;
}

async function scaleBench() {
  const sizes = [];
  // The same developments at every size, from the first.
  for (const size of SIZES) sizes.push(await atSize(size, { next: 0 }));
  const results = {
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds: SECONDS,
    sizes,
    growth: growth(sizes),
  };
  writeFileSync(CHART, chart(sizes));
  console.log(
    `\n${results.machine.cores} x ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}\n`,
  );
  printRows([
    ['developments', 'ingest / catch-up / rebuild per s', 'worst query p99, disk, peak RSS'],
    ...sizes.map((s) => [
      s.developments.toLocaleString('en'),
      `${s.ingestPerSecond} / ${s.catchUpPerSecond} / ${s.rebuildPerSecond}`,
      `${s.worstQueryP99Ms} ms; log ${s.logMiB} MiB, read model ${s.readModelMiB} MiB; ingest ${s.peakRssMiB.ingest} MiB, projector ${s.peakRssMiB.projector} MiB`,
    ]),
  ]);
  console.log('\nqueries, p50 / p99 ms at each size');
  printRows(
    sizes[0].queries.map((q, i) => [
      `GET ${q.path}`,
      sizes.map((s) => queryFigure(s.queries[i])).join('  '),
      '',
    ]),
  );
  console.log(
    `\ngrowth from ${sizes[0].developments} to ${sizes[sizes.length - 1].developments} (target: within ${FLAT_WITHIN * 100}%)`,
  );
  printRows(results.growth.map((g) => [g.name, `${g.ratio}x`, g.flat ? 'flat' : 'GROWS']));
  console.log(`\nchart: ${path.relative(process.cwd(), CHART)}\n`);
  console.log(JSON.stringify(results));
}

module.exports = { scaleBench, chart };
