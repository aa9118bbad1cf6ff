// @ts-check
// npm run bench: measures newsline on this machine against its own nats-server and database.
const os = require('node:os');
const { startEnvironment, waitUntil } = require('./environment');
const { bareHttpPublish, pipelinedPublishes, setBasedWrites } = require('./baselines');
const { endToEndLatency } = require('./visibility');
const { identityBench } = require('./identity');
const { writeAmplification, writeAmplificationRow } = require('./write-amplification');
const {
  CORRECTED_SHARE,
  correctDevelopments,
  correctionsRow,
  knownAtRows,
  knownAtTargets,
  measurePlainQueries,
  measureQueries,
} = require('./known-at');
const {
  SECONDS,
  QUERY_RATE,
  batchIngest,
  development,
  printRows,
  projections,
  projectorCatchUp,
  queryRow,
  rebuild,
  runAutocannon,
} = require('./workload');

const REBUILD_DEVELOPMENTS = Number(process.env.BENCH_REBUILD_DEVELOPMENTS ?? 100000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 1000);
const BASELINE_PUBLISHES = Number(process.env.BENCH_BASELINE_PUBLISHES ?? 20000);
const BATCH_IN_FLIGHT = Number(process.env.BENCH_BATCH_IN_FLIGHT ?? 4);
/** Loads for 202 -> visible, as shares of the single-POST rate ingest reached alone. */
const RELATIVE_E2E_SHARES = [0.25, 0.5];
/** The p99 202 -> visible each share must stay within, in ms. */
const RELATIVE_E2E_P99_MS = { 0.25: 50, 0.5: 250 };

async function singlePosts(url, counter) {
  const result = await runAutocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const index = counter.next++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${index}` },
            body: JSON.stringify(development(index)),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    accepted: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

async function drainProjector(env) {
  const start = Date.now();
  const [first] = await projections(env);
  let last = first;
  await waitUntil(
    'projector catch-up',
    async () => {
      [last] = await projections(env);
      return last.lag === 0;
    },
    600000,
  );
  const seconds = (Date.now() - start) / 1000;
  return {
    backlogAtEndOfLoad: first.lag,
    drainSeconds: Number(seconds.toFixed(2)),
    drainEventsPerSecond: first.lag > 0 ? Math.round(first.lag / Math.max(seconds, 0.001)) : null,
    position: last.position,
  };
}

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const counter = { next: 0 };
  // Ingest first on its own, as the baselines run: no projector competing for the cores. On
  // a log of its own, so that the rest of the run works on exactly REBUILD_DEVELOPMENTS.
  const ingestAlone = await startEnvironment();
  let ingest;
  let bareHttp;
  let ingestAloneRss;
  try {
    console.error(`single POSTs: ${CONNECTIONS} connections for ${SECONDS}s, ingest alone`);
    ingest = await singlePosts(`${ingestAlone.ingestUrl}/v1/developments`, counter);
    console.error('baseline (b): bare Fastify, one publish per request');
    bareHttp = await bareHttpPublish(ingestAlone.natsUrl, await freePort(), (url) =>
      singlePosts(url, counter),
    );
    ingestAloneRss = ingestAlone.peakRss().ingest;
  } finally {
    await ingestAlone.stop();
  }
  const env = await startEnvironment();
  try {
    console.error(`batch ingest of ${REBUILD_DEVELOPMENTS} developments, ingest alone`);
    const firstIndex = counter.next;
    const batch = await batchIngest(env, counter, {
      developments: REBUILD_DEVELOPMENTS,
      inFlight: BATCH_IN_FLIGHT,
    });
    console.error(`baseline (a): ${BASELINE_PUBLISHES} pipelined publishes`);
    const pipelined = await pipelinedPublishes(env.natsUrl, BASELINE_PUBLISHES, development);
    console.error('starting the projector on that backlog');
    const catchUp = await projectorCatchUp(env);
    console.error('write amplification of that catch-up');
    const writes = await writeAmplification(env.databaseUrl, catchUp.events);
    // Rebuilt before the corrections, so that its rate compares with baseline (c): the same
    // developments' rows. Corrections are applied one round each (docs/known-at.md) and are
    // measured on their own.
    console.error('rebuilding all projections');
    const rebuilt = await rebuild(env);
    console.error('queries, on the developments as loaded');
    const queries = await measurePlainQueries(env);
    console.error(`correcting ${CORRECTED_SHARE * 100}% of the developments`);
    const corrections = await correctDevelopments(env, {
      firstIndex,
      developments: batch.developments,
    });
    console.error('queries, without and with knownAt');
    const knownAt = await measureQueries(env);
    console.error(`baseline (c): set-based writes of ${REBUILD_DEVELOPMENTS} developments' rows`);
    const setBased = await setBasedWrites(env.databaseUrl, REBUILD_DEVELOPMENTS, development);
    console.error(`end-to-end latency at ${E2E_RATE}/s`);
    const endToEnd = await endToEndLatency(env, counter, E2E_RATE);
    await drainProjector(env);
    // At a load relative to what this machine's ingest took alone, so that the figure travels
    // between machines.
    const endToEndRelative = [];
    for (const share of RELATIVE_E2E_SHARES) {
      const rate = share * ingest.requestsPerSecond;
      console.error(
        `end-to-end latency at ${share * 100}% of the single-POST rate (${Math.round(rate)}/s)`,
      );
      endToEndRelative.push({ share, ...(await endToEndLatency(env, counter, rate)) });
      await drainProjector(env);
    }
    console.error(`single POSTs with the projector applying them on the same cores`);
    const ingestWithProjector = await singlePosts(`${env.ingestUrl}/v1/developments`, counter);
    const projector = await drainProjector(env);
    const peak = env.peakRss();
    await env.stop();
    console.error('identity: duplicate candidates among 10,000 actors');
    const identity = await identityBench();
    const results = {
      machine,
      developments: batch.developments,
      ingest,
      ingestWithProjector,
      projector,
      catchUp,
      writeAmplification: writes,
      endToEnd,
      endToEndRelative,
      batch,
      queries,
      knownAt: { corrections, ...knownAt },
      rebuild: rebuilt,
      baselines: {
        pipelinedPublishes: pipelined,
        bareHttpPublish: bareHttp,
        setBasedWrites: setBased,
      },
      peakRssMiB: {
        ingest: Math.max(peak.ingest ?? 0, ingestAloneRss ?? 0),
        projector: peak.projector,
      },
      identity,
    };
    printTable(results);
    console.log(JSON.stringify(results));
  } finally {
    await env.stop();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = require('node:net').createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Each target of the performance brief, with the figure this run measured. */
function targets(r) {
  const worstQueryP99 = Math.max(...r.queries.map((q) => q.p99Ms));
  const ratio = (a, b) => (b > 0 ? a / b : 0);
  return [
    [
      'single POST >= 70% of baseline (b)',
      ratio(r.ingest.requestsPerSecond, r.baselines.bareHttpPublish.requestsPerSecond),
      0.7,
      'ratio',
    ],
    [
      'batch ingest >= 50% of baseline (a)',
      ratio(r.batch.developmentsPerSecond ?? 0, r.baselines.pipelinedPublishes.messagesPerSecond),
      0.5,
      'ratio',
    ],
    [
      'rebuild >= 50% of baseline (c)',
      ratio(r.rebuild.eventsPerSecond, r.baselines.setBasedWrites.eventsPerSecond),
      0.5,
      'ratio',
    ],
    ['rebuild >= 20,000 events/s', r.rebuild.eventsPerSecond, 20000, 'min'],
    [`end-to-end p99 <= 50 ms at ${r.endToEnd.ratePerSecond}/s`, r.endToEnd.p99Ms, 50, 'max'],
    ...r.endToEndRelative.map((e) => [
      `end-to-end p99 <= ${RELATIVE_E2E_P99_MS[e.share]} ms at ${e.share * 100}% of single POST (${e.ratePerSecond}/s)`,
      e.p99Ms,
      RELATIVE_E2E_P99_MS[e.share],
      'max',
    ]),
    [
      'projector catch-up >= 90% of baseline (c)',
      ratio(r.catchUp.eventsPerSecond, r.baselines.setBasedWrites.eventsPerSecond),
      0.9,
      'ratio',
    ],
    [`query p99 <= 20 ms at ${QUERY_RATE}/s (worst query)`, worstQueryP99, 20, 'max'],
    [
      `similar actors p99 <= 20 ms at ${QUERY_RATE}/s (${r.identity.actors} actors)`,
      r.identity.similar.p99Ms,
      20,
      'max',
    ],
    ['peak RSS ingest <= 200 MiB', r.peakRssMiB.ingest, 200, 'max'],
    ['peak RSS projector <= 400 MiB', r.peakRssMiB.projector, 400, 'max'],
  ]
    .map(([name, value, target, kind]) => ({
      name,
      value: kind === 'ratio' ? Number(value.toFixed(2)) : value,
      met: kind === 'max' ? value <= target : value >= target,
    }))
    .concat(knownAtTargets(r.knownAt));
}

/** What the projector did while one 202 -> visible load ran. */
function projectorRow({ projector: p }) {
  return [
    '  the projector meanwhile',
    `${p.batches} batches of ${p.eventsPerBatch} events`,
    `${p.applyMsMean} ms each (p99 <= ${p.applySecondsP99Within} s, batches p99 <= ` +
      `${p.eventsPerBatchP99Within} events), applying ${Math.round(p.busyShare * 100)}% of the time`,
  ];
}

function printTable(r) {
  const rows = [
    [
      'single POST /v1/developments, ingest alone',
      `${r.ingest.requestsPerSecond} req/s`,
      `p50 ${r.ingest.p50Ms} ms, p99 ${r.ingest.p99Ms} ms, ${CONNECTIONS} connections, ${r.ingest.other} non-2xx`,
    ],
    [
      'batch ingest (NDJSON, 1,000 per request), ingest alone',
      r.batch.developmentsPerSecond ? `${r.batch.developmentsPerSecond} developments/s` : 'n/a',
      `${r.batch.developments} developments in ${r.batch.seconds} s, ${r.batch.requestsInFlight} requests in flight`,
    ],
    [
      'projector started on that backlog, until caught up',
      `${r.catchUp.eventsPerSecond} events/s`,
      `${r.catchUp.events} events in ${r.catchUp.seconds} s, both projections`,
    ],
    writeAmplificationRow(r.writeAmplification),
    [
      'single POST /v1/developments, projector applying on the same cores',
      `${r.ingestWithProjector.requestsPerSecond} req/s`,
      `p50 ${r.ingestWithProjector.p50Ms} ms, p99 ${r.ingestWithProjector.p99Ms} ms, ${r.ingestWithProjector.other} non-2xx`,
    ],
    [
      'projector drain after that load',
      r.projector.drainEventsPerSecond ? `${r.projector.drainEventsPerSecond} events/s` : 'kept up',
      `backlog ${r.projector.backlogAtEndOfLoad} events, ${r.projector.drainSeconds} s`,
    ],
    [
      `202 -> visible at ${r.endToEnd.ratePerSecond}/s`,
      `p50 ${r.endToEnd.p50Ms} ms`,
      `p99 ${r.endToEnd.p99Ms} ms (${r.endToEnd.samples} samples; ingest's stamp to GET /v1/stream)`,
    ],
    projectorRow(r.endToEnd),
    ...r.endToEndRelative.flatMap((e) => [
      [
        `202 -> visible at ${e.share * 100}% of single POST (${e.ratePerSecond}/s)`,
        `p50 ${e.p50Ms} ms`,
        `p99 ${e.p99Ms} ms (${e.samples} samples)`,
      ],
      projectorRow(e),
    ]),
    correctionsRow(r.knownAt.corrections),
    ...r.queries.map(queryRow),
    ...knownAtRows(r.knownAt),
    [
      'rebuild all projections from the log',
      `${r.rebuild.eventsPerSecond} events/s`,
      `${r.rebuild.events} events in ${r.rebuild.seconds} s, live system`,
    ],
    [
      `GET /v1/actors/{id}/similar, ${r.identity.actors} actors`,
      `p50 ${r.identity.similar.p50Ms} ms, p99 ${r.identity.similar.p99Ms} ms`,
      `at ${r.identity.similar.ratePerSecond} req/s over ${r.identity.similar.sampledActors} actors, second pass (first: p50 ${r.identity.similar.firstPass.p50Ms} ms, p99 ${r.identity.similar.firstPass.p99Ms} ms); at most ${r.identity.similar.maxRequestsPerSecond} req/s (16 connections, p99 ${r.identity.similar.saturatedP99Ms} ms)`,
    ],
    [
      `GET /v1/actors/duplicates, all pages, ${r.identity.actors} actors`,
      `${r.identity.duplicates.firstMs} ms`,
      `${r.identity.duplicates.pairs} likely pairs; ${r.identity.duplicates.cachedMs} ms again before the read model moves`,
    ],
    ['peak RSS', `ingest ${r.peakRssMiB.ingest} MiB`, `projector ${r.peakRssMiB.projector} MiB`],
    [
      'baseline (a) pipelined JetStream publishes',
      `${r.baselines.pipelinedPublishes.messagesPerSecond} messages/s`,
      `${r.baselines.pipelinedPublishes.messages} envelopes, 1,000 in flight, same headers`,
    ],
    [
      'baseline (b) bare Fastify, one publish per request',
      `${r.baselines.bareHttpPublish.requestsPerSecond} req/s`,
      `p50 ${r.baselines.bareHttpPublish.p50Ms} ms, p99 ${r.baselines.bareHttpPublish.p99Ms} ms, ${CONNECTIONS} connections`,
    ],
    [
      'baseline (c) set-based SQL writes of the same rows',
      `${r.baselines.setBasedWrites.eventsPerSecond} events/s`,
      `${r.baselines.setBasedWrites.events} developments in ${r.baselines.setBasedWrites.seconds} s, indexes after`,
    ],
  ];
  r.targets = targets(r);
  console.log(
    `\n${r.machine.cores} x ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${r.developments} developments (${r.knownAt.corrections.corrections} of them corrected) queried and rebuilt\n`,
  );
  printRows(rows);
  console.log('\ntargets');
  printRows(
    r.targets.map((target) => [target.name, String(target.value), target.met ? 'met' : 'NOT met']),
  );
  console.log('');
}

// `npm run bench -- --drafts <article> --gold <developments.json> --published-on <date>`: drafts
// from an article against a gold set, alone (bench/drafts.js). `npm run bench -- --scale`: the
// cost curve from 10,000 to 1,000,000 developments (bench/scale.js).
const run = process.argv.includes('--drafts')
  ? () => require('./drafts').draftsBench(process.argv.slice(2))
  : process.argv.includes('--scale')
    ? () => require('./scale').scaleBench()
    : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
