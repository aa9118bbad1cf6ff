// @ts-check
// Known-at answers: every query the bench times, asked again as the log stood at a sequence in
// its middle and at one near its head (`knownAt`), next to the same query asked now; and the
// changes feed. On a read model where a tenth of the developments were corrected after they
// were all loaded, so that answers from before a correction have history to be made from.
// `npm run bench` runs it in place of its queries; `node bench/known-at.js` runs it alone on
// BENCH_REBUILD_DEVELOPMENTS developments.
const path = require('node:path');
const { Client } = require('pg');
const { startEnvironment, waitUntil } = require('./environment');
const { dataOf } = require('../scripts/typed-client');
const {
  QUERY_RATE,
  STANCES,
  batchIngest,
  development,
  interleavedLatency,
  latencyFigure,
  printRows,
  projections,
  projectorCaughtUp,
  queryLatency,
  queryPaths,
  queryRow,
  throughputDetail,
} = require('./workload');

/** The share of the loaded developments corrected, as the target states it. */
const CORRECTED_SHARE = 0.1;
/** Of those corrections, the share that changes a statement's stance; the rest reword the title. */
const STANCE_SHARE = 0.5;
const CORRECTIONS_IN_FLIGHT = 16;
/** The target: a query with `knownAt` takes at most this many times the same query without. */
const KNOWN_AT_FACTOR = 2;

// From the build, typed as their sources: the path is computed so that type checks need no build.
/** @returns {typeof import('../libs/contracts/src')} */
const contracts = () =>
  require(path.join(__dirname, '..', 'dist', 'apps', 'ingest', 'libs', 'contracts', 'src'));

/**
 * The correction of the development loaded as `index`: its first statement's stance moved on
 * to the next one, or its title reworded (the number in it kept, which the full-text query
 * looks for).
 * @param {number} index
 * @param {boolean} ofStance
 */
function correctionOf(index, ofStance) {
  if (!ofStance)
    return { title: `Development ${index}: delegations met to discuss the peace plan` };
  const statements = development(index).statements.map((statement, n) =>
    n === 0
      ? {
          ...statement,
          stance: STANCES[(STANCES.indexOf(statement.stance) + 1) % STANCES.length],
        }
      : statement,
  );
  return { statements };
}

/**
 * Corrects CORRECTED_SHARE of the `developments` loaded from `firstIndex` on (every tenth,
 * so spread over the whole log and every month) through POST
 * /v1/developments/{id}/corrections, CORRECTIONS_IN_FLIGHT at a time while the projector
 * applies them; then waits until it has, and leaves the tables as autovacuum would have kept
 * them through that many updates (the PostgreSQL the bench runs on may have it off): the
 * actor and topic rows, which every correction updates, compacted, and every table vacuumed
 * and analysed.
 * @param {import('./workload').Environment} env
 * @param {{ firstIndex: number, developments: number }} loaded
 */
async function correctDevelopments(env, { firstIndex, developments }) {
  const { developmentIdFor } = contracts();
  const step = Math.round(1 / CORRECTED_SHARE);
  const total = Math.floor(developments / step);
  const stanceEvery = Math.round(1 / STANCE_SHARE);
  const started = Date.now();
  let next = 0;
  let stanceChanges = 0;
  const sendNext = async () => {
    while (next < total) {
      const ordinal = next++;
      const index = firstIndex + ordinal * step;
      const ofStance = ordinal % stanceEvery === 0;
      if (ofStance) stanceChanges++;
      await dataOf(
        env.ingest.POST('/v1/developments/{developmentId}/corrections', {
          params: { path: { developmentId: developmentIdFor(`bench-${index}`) } },
          headers: { 'Idempotency-Key': `bench-correction-${index}` },
          body: correctionOf(index, ofStance),
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: CORRECTIONS_IN_FLIGHT }, sendNext));
  const seconds = (Date.now() - started) / 1000;
  await projectorCaughtUp(env);
  const appliedSeconds = (Date.now() - started) / 1000;
  await vacuumAnalyze(env.databaseUrl);
  return {
    corrections: total,
    stanceChanges,
    titleChanges: total - stanceChanges,
    inFlight: CORRECTIONS_IN_FLIGHT,
    seconds: Number(seconds.toFixed(1)),
    correctionsPerSecond: total > 0 ? Math.round(total / seconds) : null,
    appliedSeconds: Number(appliedSeconds.toFixed(1)),
  };
}

/** @param {string} databaseUrl */
async function vacuumAnalyze(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (FULL) read_model.actors, read_model.topics');
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/**
 * The sequences asked: the middle of the log (before any correction: the corrected
 * developments must be answered as they were first recorded) and 1% of it before its end
 * (among the corrections: some count, the rest not yet).
 * @param {import('./workload').Environment} env
 */
async function knownAtSequences(env) {
  const head = Math.min(...(await projections(env)).map((projection) => projection.position));
  return {
    head,
    middle: Math.floor(head / 2),
    nearHead: head - Math.max(1, Math.floor(head / 100)),
  };
}

/**
 * Asks `path` once as autocannon will, and fails unless it answers 200 (with the
 * Newsline-Known-At header naming `knownAt`, when given): a bench that timed refusals would
 * report nothing true.
 * @param {import('./workload').Environment} env
 * @param {string} path
 * @param {number} [knownAt]
 */
async function askOnce(env, path, knownAt) {
  const response = await fetch(`${env.projectorUrl}${path}`);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body}`);
  const header = response.headers.get('Newsline-Known-At');
  if (knownAt !== undefined && header !== String(knownAt)) {
    throw new Error(`GET ${path} answered Newsline-Known-At: ${header}, not ${knownAt}`);
  }
  return JSON.parse(body);
}

/** @param {number} value @param {number} without */
const ratio = (value, without) => (without > 0 ? Number((value / without).toFixed(2)) : null);

/**
 * @param {Awaited<ReturnType<typeof queryLatency>>} measured
 * @param {Awaited<ReturnType<typeof queryLatency>>} without
 */
const against = (measured, without) => {
  const comparable = measured.answered > 0 && without.answered > 0;
  return {
    ...measured,
    p50Ratio: comparable ? ratio(measured.p50Ms, without.p50Ms) : null,
    p99Ratio: comparable ? ratio(measured.p99Ms, without.p99Ms) : null,
  };
};

/**
 * A page of 100 position changes from the middle of the log: all of them, one actor's, one
 * topic's.
 * @param {number} after
 */
const changesPaths = (after) => [
  `/v1/changes?after=${after}&limit=100`,
  `/v1/changes?after=${after}&limit=100&actor=actor-number-7`,
  `/v1/changes?after=${after}&limit=100&topic=topic-3`,
];

/**
 * Waits until no query of the projector's is running in PostgreSQL: requests still in flight
 * when autocannon stops are answered all the same, and what a slow query leaves behind must
 * not count for the next measurement.
 * @param {string} databaseUrl
 */
async function settled(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let idlePolls = 0;
    await waitUntil(
      "the projector's queries to finish",
      async () => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS running FROM pg_stat_activity
            WHERE datname = current_database() AND backend_type = 'client backend'
              AND state = 'active' AND pid <> pg_backend_pid()`,
        );
        idlePolls = rows[0].running === 0 ? idlePolls + 1 : 0;
        return idlePolls >= 3;
      },
      600000,
    ).catch((/** @type {Error} */ error) => {
      // Measured all the same: a figure taken under that load beats no figures for the run.
      console.error(`${error.message}; measuring anyway`);
    });
  } finally {
    await client.end();
  }
}

/**
 * Times each query of the bench as it always has, one after the other: on the developments
 * as loaded (before any correction), these are the figures that compare with earlier runs.
 * @param {import('./workload').Environment} env
 */
async function measurePlainQueries(env) {
  const queries = [];
  for (const path of await queryPaths(env)) queries.push(await queryLatency(env, path));
  return queries;
}

/**
 * Times each query of the bench without `knownAt` (`without`: the basis of the ratios, on the
 * same corrected read model), and right after it the same query with `knownAt` in the middle
 * of the log and near its head, so that the three figures of a ratio are taken within seconds
 * of each other; then the changes feed. Each measurement starts once the one before has left
 * nothing running.
 * @param {import('./workload').Environment} env
 */
async function measureQueries(env) {
  const sequences = await knownAtSequences(env);
  const plain = await queryPaths(env);
  const atMiddle = await queryPaths(env, sequences.middle);
  const nearHead = await queryPaths(env, sequences.nearHead);
  for (const path of atMiddle) await askOnce(env, path, sequences.middle);
  for (const path of nearHead) await askOnce(env, path, sequences.nearHead);
  const timed = async (/** @type {string} */ path) => {
    await settled(env.databaseUrl);
    return queryLatency(env, path);
  };
  const queries = [];
  const knownAtQueries = [];
  for (const [n, path] of plain.entries()) {
    await settled(env.databaseUrl);
    const [without, middle, head] = await interleavedLatency(env, [path, atMiddle[n], nearHead[n]]);
    queries.push(without);
    knownAtQueries.push({
      path,
      middle: against(middle, without),
      nearHead: against(head, without),
    });
  }
  const changes = [];
  for (const path of changesPaths(sequences.middle)) {
    const page = await askOnce(env, path);
    changes.push({ ...(await timed(path)), items: page.items.length });
  }
  return { sequences, without: queries, queries: knownAtQueries, changes };
}

/** @param {number | null} value */
const times = (value) => (value === null ? 'n/a' : `${value}x`);

/**
 * @typedef {Awaited<ReturnType<typeof measureQueries>> & {
 *   corrections: Awaited<ReturnType<typeof correctDevelopments>>
 * }} KnownAtResults
 */

/** @param {KnownAtResults['corrections']} c */
function correctionsRow(c) {
  return [
    `corrections of ${CORRECTED_SHARE * 100}% of the developments, projector applying`,
    c.correctionsPerSecond ? `${c.correctionsPerSecond} corrections/s` : 'n/a',
    `${c.corrections} (${c.stanceChanges} of a stance, ${c.titleChanges} of a title) in ${c.seconds} s, ${c.inFlight} in flight; applied ${c.appliedSeconds} s after the first was sent`,
  ];
}

/**
 * The table's rows: each query with knownAt (middle, then near the head) against the same
 * query without, then the changes feed.
 * @param {KnownAtResults} k
 */
function knownAtRows(k) {
  const row = (/** @type {ReturnType<typeof against>} */ q, /** @type {string} */ where) => [
    `GET ${q.path}`,
    latencyFigure(q),
    `${where}: ${times(q.p50Ratio)} p50, ${times(q.p99Ratio)} p99 of without; ${throughputDetail(q)}`,
  ];
  return [
    ...k.without.map((q) => [
      `GET ${q.path}`,
      latencyFigure(q),
      `without knownAt, after the corrections; ${throughputDetail(q)}`,
    ]),
    ...k.queries.flatMap((q) => [
      row(q.middle, `knownAt ${k.sequences.middle}, middle of the log`),
      row(q.nearHead, `knownAt ${k.sequences.nearHead}, near its head (${k.sequences.head})`),
    ]),
    ...k.changes.map((q) => [
      `GET ${q.path}`,
      latencyFigure(q),
      `${q.items} ${q.items === 1 ? 'item' : 'items'}; ${throughputDetail(q)}`,
    ]),
  ];
}

/**
 * The target for answers with knownAt, on the worst query, in the shape of bench/run.js's
 * targets. A query with knownAt that got no 2xx answer while the same query without did
 * misses it.
 * @param {KnownAtResults} k
 * @returns {{ name: string, value: number | string, met: boolean }[]}
 */
function knownAtTargets(k) {
  const measured = k.queries.flatMap((q) => [q.middle, q.nearHead]);
  const unanswered = measured.filter((q) => q.answered === 0).length;
  return /** @type {const} */ (['p50', 'p99']).flatMap((percentile) => {
    const ratios = measured.flatMap((q) => {
      const value = percentile === 'p50' ? q.p50Ratio : q.p99Ratio;
      return value === null ? [] : [value];
    });
    if (ratios.length === 0 && unanswered === 0) return [];
    const worst = ratios.length > 0 ? Math.max(...ratios) : null;
    return [
      {
        name: `knownAt query ${percentile} <= ${KNOWN_AT_FACTOR}x without (worst of ${measured.length})`,
        value: unanswered > 0 ? `${unanswered} unanswered` : /** @type {number} */ (worst),
        met: unanswered === 0 && worst !== null && worst <= KNOWN_AT_FACTOR,
      },
    ];
  });
}

/** Alone: its own system, BENCH_REBUILD_DEVELOPMENTS developments, corrections, the queries. */
async function knownAtBench() {
  const developments = Number(process.env.BENCH_REBUILD_DEVELOPMENTS ?? 100000);
  const inFlight = Number(process.env.BENCH_BATCH_IN_FLIGHT ?? 4);
  const env = await startEnvironment();
  try {
    const counter = { next: 0 };
    console.error(`batch ingest of ${developments} developments`);
    const batch = await batchIngest(env, counter, { developments, inFlight });
    console.error('starting the projector on that backlog');
    await env.startProjector();
    await projectorCaughtUp(env, 1800000);
    console.error(`queries at ${QUERY_RATE}/s on the developments as loaded`);
    const queries = await measurePlainQueries(env);
    console.error(`correcting ${CORRECTED_SHARE * 100}% of them`);
    const corrections = await correctDevelopments(env, {
      firstIndex: 0,
      developments: batch.developments,
    });
    console.error(`queries at ${QUERY_RATE}/s, without and with knownAt`);
    const knownAt = await measureQueries(env);
    const results = {
      developments: batch.developments,
      queries,
      knownAt: { corrections, ...knownAt },
    };
    console.log(
      `\n${results.developments} developments, ${corrections.corrections} of them corrected; log head ${knownAt.sequences.head}\n`,
    );
    printRows([
      correctionsRow(corrections),
      ...queries.map(queryRow),
      ...knownAtRows(results.knownAt),
    ]);
    console.log('\ntargets');
    printRows(
      knownAtTargets(results.knownAt).map((target) => [
        target.name,
        String(target.value),
        target.met ? 'met' : 'NOT met',
      ]),
    );
    console.log('');
    console.log(JSON.stringify(results));
    return results;
  } finally {
    await env.stop();
  }
}

module.exports = {
  CORRECTED_SHARE,
  correctDevelopments,
  measurePlainQueries,
  measureQueries,
  correctionsRow,
  knownAtRows,
  knownAtTargets,
};

if (require.main === module) {
  knownAtBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
