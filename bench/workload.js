// @ts-check
// What `npm run bench` and `node bench/known-at.js` share: the developments they load, the
// batch load itself, the queries they time and the way a query is timed.
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const autocannon = require('autocannon');
const hdr = require('hdr-histogram-js');
const { waitUntil } = require('./environment');
const { dataOf, NDJSON_BODY } = require('../scripts/typed-client');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const QUERY_RATE = Number(process.env.BENCH_QUERY_RATE ?? 100);

const ACTORS = Array.from({ length: 200 }, (_, i) => `Actor Number ${i}`);
const TOPICS = Array.from({ length: 30 }, (_, i) => `topic-${i}`);
const STANCES = ['support', 'oppose', 'conditional', 'neutral'];

/** @typedef {Awaited<ReturnType<typeof import('./environment').startEnvironment>>} Environment */

/** A development of realistic size (~1 KB) with three statements; unique per index. */
function development(index) {
  const pick = (list, salt) => list[(index * 7919 + salt * 104729) % list.length];
  const day = 1 + (index % 28);
  return {
    occurredOn: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    title: `Development ${index}: delegations meet to discuss the peace plan`,
    body: 'The delegations discussed security guarantees, reconstruction and the sequencing of a ceasefire. '.repeat(
      4,
    ),
    location: 'Geneva',
    topics: [pick(TOPICS, 1), pick(TOPICS, 2)],
    actors: [{ name: pick(ACTORS, 3) }, { name: pick(ACTORS, 4) }],
    statements: [0, 1, 2].map((n) => ({
      actor: pick(ACTORS, 3 + (n % 2)),
      topic: pick(TOPICS, 1 + (n % 2)),
      stance: pick(STANCES, 5 + n),
      quote: 'We will continue the talks.',
    })),
  };
}

/**
 * @param {import('autocannon').Options} options
 * @param {(statusCode: number, milliseconds: number) => void} [onResponse] each answer, timed
 *   in fractions of a millisecond (autocannon's own percentiles are whole milliseconds)
 * @returns {Promise<import('autocannon').Result>}
 */
function runAutocannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    if (onResponse) {
      instance.on('response', (_client, statusCode, _bytes, milliseconds) =>
        onResponse(statusCode, milliseconds),
      );
    }
  });
}

/**
 * Percentiles of latencies to a hundredth of a millisecond: at p50s of 1-3 ms, whole
 * milliseconds would move a ratio between two queries by a third or more.
 */
function fineLatencies() {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const ms = (/** @type {number} */ percentile) =>
    Number((histogram.getValueAtPercentile(percentile) / 1000).toFixed(2));
  return {
    /** @param {number} statusCode @param {number} milliseconds */
    record(statusCode, milliseconds) {
      if (statusCode >= 200 && statusCode < 300) {
        histogram.recordValue(Math.max(1, Math.round(milliseconds * 1000)));
      }
    },
    percentiles: () => ({ p50: ms(50), p99: ms(99) }),
  };
}

/** @param {Environment} env */
async function projections(env) {
  return dataOf(env.projector.GET('/v1/projections'));
}

/**
 * Resolves once every projection has applied the whole log.
 * @param {Environment} env
 */
async function projectorCaughtUp(env, timeoutMs = 600000) {
  await waitUntil(
    'the projector to apply the whole log',
    async () => (await projections(env)).every((p) => p.lag === 0 && p.position > 0),
    timeoutMs,
  );
}

/**
 * Fills the log with `developments` developments through POST /v1/developments/batch
 * (NDJSON, 1,000 per request, `inFlight` requests at a time); that is the batch ingest
 * figure. Their indexes run from the counter's value on, one after the other.
 * @param {Environment} env
 * @param {{ next: number }} counter
 * @param {{ developments: number, inFlight: number }} options
 */
async function batchIngest(env, counter, { developments, inFlight }) {
  const started = Date.now();
  let accepted = 0;
  let sent = 0;
  const sendNext = async () => {
    while (sent < developments) {
      const size = Math.min(1000, developments - sent);
      sent += size;
      const lines = [];
      for (let n = 0; n < size; n++) {
        const index = counter.next++;
        lines.push(
          JSON.stringify({ idempotencyKey: `bench-${index}`, development: development(index) }),
        );
      }
      const answer = await dataOf(
        env.ingest.POST('/v1/developments/batch', { body: lines.join('\n'), ...NDJSON_BODY }),
      );
      accepted += answer.accepted;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sendNext));
  const seconds = (Date.now() - started) / 1000;
  return {
    developments: accepted,
    seconds: Number(seconds.toFixed(1)),
    developmentsPerSecond: accepted > 0 ? Math.round(accepted / seconds) : null,
    requestsInFlight: inFlight,
  };
}

/**
 * A query's latency at a steady QUERY_RATE (what a reader waits), then its throughput with 16
 * connections asking as fast as they can (where latency is queueing).
 * @param {Environment} env
 * @param {string} path
 */
async function queryLatency(env, path) {
  const url = `${env.projectorUrl}${path}`;
  const latencies = fineLatencies();
  const steady = await runAutocannon(
    { url, connections: 4, overallRate: QUERY_RATE, duration: steadySeconds() },
    latencies.record,
  );
  const { p50, p99 } = latencies.percentiles();
  return withThroughput(env, {
    path,
    ratePerSecond: QUERY_RATE,
    p50Ms: p50,
    p99Ms: p99,
    non2xx: steady.non2xx,
    /** 2xx answers in the steady run: the latencies are theirs (none: none to report). */
    answered: steady['2xx'],
    errors: steady.errors + steady.timeouts,
  });
}

const steadySeconds = () => Math.max(3, Math.round(SECONDS / 2));

/**
 * @typedef {{ path: string, ratePerSecond: number, p50Ms: number, p99Ms: number,
 *   non2xx: number, answered: number, errors: number }} SteadyLatency
 */

/**
 * A steady measurement completed with the query's throughput under 16 connections.
 * @param {Environment} env
 * @param {SteadyLatency} steady
 */
async function withThroughput(env, steady) {
  const url = `${env.projectorUrl}${steady.path}`;
  const saturated = await runAutocannon({ url, connections: 16, duration: steadySeconds() });
  return {
    ...steady,
    maxRequestsPerSecond: Math.round(saturated.requests.average),
    saturatedP99Ms: saturated.latency.p99,
    non2xx: steady.non2xx + saturated.non2xx,
    errors: steady.errors + saturated.errors + saturated.timeouts,
  };
}

/**
 * Queries compared with each other, asked in turn at QUERY_RATE in all (each as often as
 * `queryLatency` asks one, over as many times its duration), on 4 kept-alive connections, on
 * a fixed schedule: a request's latency runs from when it was due, so waiting for a
 * connection counts. Whatever else the machine does then (a checkpoint's writes, a
 * collection in the projector) falls on all of them alike, which one after the other it
 * would not, and their ratios hold still.
 * @param {Environment} env
 * @param {string[]} paths
 */
async function interleavedLatency(env, paths) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const measured = paths.map((path) => ({
    path,
    latencies: fineLatencies(),
    answered: 0,
    non2xx: 0,
    errors: 0,
  }));
  /** @param {(typeof measured)[number]} query @param {number} due */
  const ask = (query, due) =>
    new Promise((resolve) => {
      const request = http.get(`${env.projectorUrl}${query.path}`, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) query.answered++;
          else query.non2xx++;
          query.latencies.record(status, performance.now() - due);
          resolve(undefined);
        });
      });
      request.on('error', () => {
        query.errors++;
        resolve(undefined);
      });
    });
  const asked = [];
  const total = QUERY_RATE * steadySeconds() * paths.length;
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / QUERY_RATE;
    const early = due - performance.now();
    if (early > 0) await sleep(early);
    asked.push(ask(measured[n % measured.length], due));
  }
  await Promise.all(asked);
  agent.destroy();
  const results = [];
  for (const { path, latencies, answered, non2xx, errors } of measured) {
    const { p50, p99 } = latencies.percentiles();
    const steady = { path, ratePerSecond: QUERY_RATE, p50Ms: p50, p99Ms: p99 };
    results.push(await withThroughput(env, { ...steady, non2xx, answered, errors }));
  }
  return results;
}

/**
 * `path` asked as the log stood at `knownAt` (a log sequence); `path` itself without one.
 * @param {string} path
 * @param {number | undefined} knownAt
 */
function withKnownAt(path, knownAt) {
  if (knownAt === undefined) return path;
  return `${path}${path.includes('?') ? '&' : '?'}knownAt=${knownAt}`;
}

/**
 * A timeline page 200 pages deep, reached by following nextCursor; with `knownAt`, the cursors
 * are those of the timeline as the log stood then.
 * @param {Environment} env
 * @param {number} [knownAt]
 */
async function deepCursorPath(env, knownAt) {
  const asked = knownAt === undefined ? {} : { knownAt: String(knownAt) };
  /** @type {string | undefined} */
  let cursor;
  for (let page = 0; page < 40; page++) {
    const { nextCursor } = await dataOf(
      env.projector.GET('/v1/timeline', { params: { query: { limit: 250, cursor, ...asked } } }),
    );
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return withKnownAt(
    `/v1/timeline?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    knownAt,
  );
}

/**
 * The queries the bench times, in order; with `knownAt`, the same queries asked as the log
 * stood at that sequence.
 * @param {Environment} env
 * @param {number} [knownAt]
 * @returns {Promise<string[]>}
 */
async function queryPaths(env, knownAt) {
  const asked = (/** @type {string} */ path) => withKnownAt(path, knownAt);
  return [
    asked('/v1/timeline?limit=50'),
    asked('/v1/timeline?limit=50&actor=actor-number-7&topic=topic-3'),
    asked('/v1/timeline?limit=50&from=2025-06-01&to=2025-06-30&order=desc'),
    await deepCursorPath(env, knownAt),
    asked('/v1/timeline?limit=50&q=development%204711'),
    asked('/v1/actors/actor-number-7/positions'),
    asked('/v1/actors/actor-number-7/positions?asOf=2025-06-30&topic=topic-3'),
    asked('/v1/topics/topic-3/positions'),
    asked('/v1/actors?sort=activity&limit=50'),
  ];
}

/**
 * A timed query as a row of the bench's table.
 * @param {Awaited<ReturnType<typeof queryLatency>>} q
 */
function queryRow(q) {
  return [`GET ${q.path}`, latencyFigure(q), throughputDetail(q)];
}

/** @param {Awaited<ReturnType<typeof queryLatency>>} q */
function latencyFigure(q) {
  return q.answered > 0 ? `p50 ${q.p50Ms} ms, p99 ${q.p99Ms} ms` : 'no 2xx answer';
}

/**
 * The steady rate, the most 16 connections got, and the answers that were not 2xx.
 * @param {Awaited<ReturnType<typeof queryLatency>>} q
 */
function throughputDetail(q) {
  const failures = [
    q.non2xx > 0 ? `, ${q.non2xx} non-2xx` : '',
    q.errors > 0 ? `, ${q.errors} errors or timeouts` : '',
  ].join('');
  return `at ${q.ratePerSecond} req/s; at most ${q.maxRequestsPerSecond} req/s (16 connections, p99 ${q.saturatedP99Ms} ms)${failures}`;
}

/**
 * The bench's table: name, figure, detail, in columns.
 * @param {string[][]} rows
 */
function printRows(rows) {
  for (const [name, figure, detail] of rows)
    console.log(`${name.padEnd(75)} ${String(figure).padEnd(22)} ${detail}`);
}

/**
 * Starts the projector on the log ingest has written so far and times it until it is caught up,
 * from the moment it is ready.
 */
async function projectorCatchUp(env) {
  await env.startProjector();
  // Timed from readiness on, so that the process's start is not counted as applying.
  const started = Date.now();
  const [{ position: startedAt }] = await projections(env);
  let position = startedAt;
  await waitUntil(
    'the projector to catch up with the log',
    async () => {
      const status = await projections(env);
      position = status[0].position;
      return status.every((p) => p.lag === 0 && p.position > 0);
    },
    3600000,
  );
  const seconds = (Date.now() - started) / 1000;
  const events = position - startedAt;
  return {
    events: position,
    seconds: Number(seconds.toFixed(1)),
    eventsPerSecond: Math.round(events / seconds),
  };
}

/** Rebuilds every projection from the whole log while the system stays live. */
async function rebuild(env) {
  const { rebuildId } = await dataOf(
    env.projector.POST('/v1/projections/{name}/rebuild', { params: { path: { name: 'all' } } }),
  );
  const rebuildState = () =>
    dataOf(env.projector.GET('/v1/rebuilds/{rebuildId}', { params: { path: { rebuildId } } }));
  let state = await rebuildState();
  await waitUntil(
    'the rebuild',
    async () => {
      state = await rebuildState();
      return state.status !== 'running';
    },
    1800000,
  );
  if (state.status !== 'succeeded' || !state.finishedAt) {
    throw new Error(`rebuild failed: ${state.error}`);
  }
  const seconds = (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000;
  return {
    events: state.position,
    seconds: Number(seconds.toFixed(1)),
    eventsPerSecond: Math.round(state.position / seconds),
  };
}

module.exports = {
  SECONDS,
  QUERY_RATE,
  STANCES,
  development,
  runAutocannon,
  projections,
  projectorCaughtUp,
  batchIngest,
  projectorCatchUp,
  rebuild,
  queryLatency,
  interleavedLatency,
  withKnownAt,
  queryPaths,
  queryRow,
  latencyFigure,
  throughputDetail,
  printRows,
};
