// npm run soak: SOAK_MINUTES of steady load and chaos against a 3-node NATS cluster, two
// ingests and two projectors, then checks that nothing was lost, duplicated or misapplied.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { startSystem } = require('./system');
const { Figures } = require('./figures');
const { WriteLog } = require('./write-log');
const { Load } = require('./load');
const { Queries } = require('./queries');
const { Follower } = require('./followers');
const { Chaos, KINDS } = require('./chaos');
const { Monitor } = require('./monitor');
const { settle, verify } = require('./verify');
const { plotSvg } = require('./plot');
const { finalReport, writeResults } = require('./report');
const { seededRandom, newSeed } = require('./random');
const { sleep } = require('./waiting');

const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const SEED = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : newSeed();
const WRITE_RATE = Number(process.env.SOAK_WRITE_RATE ?? 25);
const QUERY_RATE = Number(process.env.SOAK_QUERY_RATE ?? 4);
const REPORT_SECONDS = Number(process.env.SOAK_REPORT_SECONDS ?? 10);
/**
 * Mean pause between chaos actions: a fifteenth of the run, so that a 1-minute run usually
 * gets every kind (each round of six holds each once), and one every 30 s in a long run.
 */
const CHAOS_SECONDS = Number(
  process.env.SOAK_CHAOS_SECONDS ?? Math.min(30, Math.max(2, (MINUTES * 60) / 15)),
);

const RESULTS_DIR = path.join(__dirname, 'results');
const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
const FILES = {
  results: path.join(RESULTS_DIR, `soak-${STAMP}.json`),
  plot: path.resolve(process.env.SOAK_PLOT ?? path.join(RESULTS_DIR, `soak-${STAMP}.svg`)),
  writes: path.join(RESULTS_DIR, `soak-${STAMP}.writes.ndjson`),
  logs: path.join(RESULTS_DIR, `soak-${STAMP}-logs`),
};

function log(message) {
  console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
}

/** Clean-up steps, run last first, once, however the soak ends. */
const cleanups = [];
let cleaning;
let interrupted = false;

function onCleanUp(name, step) {
  cleanups.push({ name, step });
}

function cleanUp() {
  cleaning ??= (async () => {
    for (const { name, step } of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`clean-up: cannot ${name}: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) {
      console.error(`${signal} again: exiting at once; child processes are killed`);
      process.exit(130);
    }
    interrupted = true;
    console.error(`\n${signal}: stopping and cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function validateSettings() {
  const positive = {
    SOAK_MINUTES: MINUTES,
    SOAK_WRITE_RATE: WRITE_RATE,
    SOAK_QUERY_RATE: QUERY_RATE,
    SOAK_REPORT_SECONDS: REPORT_SECONDS,
    SOAK_CHAOS_SECONDS: CHAOS_SECONDS,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!(value > 0)) throw new Error(`${name} must be a positive number`);
  }
  if (!Number.isInteger(SEED) || SEED < 0 || SEED >= 2 ** 32) {
    throw new Error('SOAK_SEED must be an integer from 0 to 4294967295');
  }
}

function startWorkload({ system, runId, random, figures, writeLog }) {
  const [a, b] = system.projectors;
  const followers = [
    new Follower('follower-1', a, random.fork()),
    new Follower('follower-2', a, random.fork()),
    new Follower('follower-3', b, random.fork()),
    new Follower('follower-4', b, random.fork()),
  ];
  const load = new Load({
    ingests: system.ingests,
    token: system.tokens.ingest,
    random: random.fork(),
    runId,
    ratePerSecond: WRITE_RATE,
    figures,
    writeLog,
  });
  const queries = new Queries({
    projectors: system.projectors,
    random: random.fork(),
    ratePerSecond: QUERY_RATE,
    figures,
  });
  const chaos = new Chaos({
    random: random.fork(),
    cluster: system.cluster,
    ingests: system.ingests,
    projectors: system.projectors,
    streamName: system.streamName,
    databaseName: system.databaseName,
    adminToken: system.tokens.admin,
  });
  return { followers, load, queries, chaos };
}

function summarizeChaos(chaos) {
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, { count: 0, failed: 0 }]));
  for (const action of chaos.actions) {
    byKind[action.kind].count++;
    if (!action.ok) byKind[action.kind].failed++;
  }
  const rebuilds = chaos.rebuilds.map(({ finished: _finished, ...rebuild }) => rebuild);
  return { byKind, actions: chaos.actions, rebuilds };
}

function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

function results({ runId, startedAt, writeLog, workload, figures, checks, logFigures }) {
  const { queries, chaos, followers } = workload;
  const attempts = writeLog.records.flatMap((record) => record.attempts);
  return {
    runId,
    seed: SEED,
    minutes: MINUTES,
    settings: { writeRate: WRITE_RATE, queryRate: QUERY_RATE, chaosSeconds: CHAOS_SECONDS },
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    writes: {
      ...writeLog.summary(),
      outcomes: countBy(writeLog.records, (record) => record.outcome),
      attempts: countBy(attempts, (a) => a.status ?? a.error),
    },
    queries: { byProjector: queries.counts },
    chaos: summarizeChaos(chaos),
    log: logFigures,
    followers: followers.map((f) => ({
      name: f.name,
      projector: f.projector.name,
      startedAfter: f.startedAfter,
      received: f.sequences.length,
      connections: f.connections,
      failedConnections: f.disconnects.length - (f.connections - 1),
    })),
    latency: figures.totals(),
    perMinute: figures.perMinute(),
    intervals: figures.intervals,
    checks,
    files: FILES,
  };
}

async function main() {
  validateSettings();
  const runId = crypto.randomBytes(4).toString('hex');
  const random = seededRandom(SEED);
  const startedAt = Date.now();
  log(
    `soak ${runId}: seed ${SEED} (SOAK_SEED=${SEED} repeats it), ${MINUTES} min, ${WRITE_RATE} writes/s, ${QUERY_RATE} queries/s, chaos every ~${CHAOS_SECONDS} s`,
  );
  fs.mkdirSync(FILES.logs, { recursive: true });
  const system = await startSystem({ runId, logDir: FILES.logs, onCleanUp, log });
  const figures = new Figures();
  const writeLog = new WriteLog(FILES.writes);
  onCleanUp('close the record of writes', () => writeLog.close());
  const workload = startWorkload({ system, runId, random, figures, writeLog });
  const { followers, load, queries, chaos } = workload;
  await Promise.all(followers.map((follower) => follower.start()));
  onCleanUp('stop the followers', () => Promise.all(followers.map((f) => f.stop())));
  const monitor = new Monitor({
    system,
    figures,
    writeLog,
    followers,
    intervalSeconds: REPORT_SECONDS,
  });
  onCleanUp('stop monitoring', () => monitor.stopSampling());
  monitor.start();

  log('load and chaos start');
  load.start();
  queries.start();
  chaos.start(CHAOS_SECONDS * 1000, (action) => monitor.chaosAction(action));
  await sleep(MINUTES * 60 * 1000);
  log('load stops; waiting for the writes in flight and the current chaos action');
  await Promise.all([load.stop(), queries.stop(), chaos.stop()]);
  await monitor.stopReporting();

  const settled = await settle({ system, chaos, log });
  monitor.stopSampling();
  const verified = await verify({ system, active: settled.active, writeLog, followers, log });
  const checks = [...settled.checks, ...verified.checks];
  const outcome = results({
    runId,
    startedAt,
    writeLog,
    workload,
    figures,
    checks,
    logFigures: verified.log,
  });
  writeResults(FILES.results, outcome);
  fs.mkdirSync(path.dirname(FILES.plot), { recursive: true });
  fs.writeFileSync(
    FILES.plot,
    plotSvg({
      title: `newsline soak ${runId}, seed ${SEED}, ${MINUTES} min`,
      intervals: figures.intervals,
      actions: chaos.actions,
    }),
  );
  console.log(finalReport(outcome));
  return checks.every((check) => check.pass) ? 0 : 1;
}

function exit(code) {
  return cleanUp().finally(() => process.exit(interrupted ? 130 : code));
}

main().then(exit, (error) => {
  console.error(interrupted ? `stopped: ${error.message}` : error);
  return exit(1);
});
