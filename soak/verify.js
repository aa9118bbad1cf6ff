// After the load: bring everything back, let the projectors catch up, then make the checks.
const path = require('node:path');
const { activeProjector, ROOT } = require('./services');
const { caughtUp, restoreAll } = require('./system');
const database = require('./database');
const { readLog, messageCount } = require('./stream-log');
const { everyAnswer } = require('./answers');
const { checkLog, checkRebuild, checkFollowers } = require('./checks');
const { sleep } = require('./waiting');

/** A check that could not be made counts as failed, with the reason. */
async function attempt(name, work) {
  try {
    return await work();
  } catch (error) {
    return { name, pass: false, figures: {}, problems: [error.message] };
  }
}

/** Every process healthy, running rebuilds finished, the whole log applied. */
async function settle({ system, chaos, log }) {
  log('restoring every process, waiting for rebuilds and for the projectors to catch up');
  const healthy = await attempt('every process healthy again after the load', async () => {
    await restoreAll(system);
    await chaos.rebuildsFinished();
    return {
      name: 'every process healthy again after the load',
      pass: true,
      figures: {},
      problems: [],
    };
  });
  const active = (await activeProjector(system.projectors)) ?? system.projectors[0];
  const name = 'projection checkpoints reach the last sequence of the log';
  const caught = await attempt(name, async () => {
    const { lastSequence } = await caughtUp(system, active);
    return { name, pass: true, figures: { lastSequence, projector: active.name }, problems: [] };
  });
  return { active, checks: [healthy, caught] };
}

/** Waits until each follower has the last applied development event, or gets nothing more. */
async function followersDone(followers, lastApplied) {
  const quietMs = 10000;
  const deadline = Date.now() + 60000;
  let received = followers.map((f) => f.sequences.length);
  let changedAt = Date.now();
  while (Date.now() < deadline && Date.now() - changedAt < quietMs) {
    if (followers.every((f) => f.lastId >= lastApplied)) return;
    await sleep(500);
    const now = followers.map((f) => f.sequences.length);
    if (now.some((count, i) => count !== received[i])) changedAt = Date.now();
    received = now;
  }
}

async function logCheck({ system, writeLog, log }) {
  log('check 1: the log against every answer');
  const { entries, lastSequence } = await readLog(
    await system.cluster.connection(),
    system.streamName,
  );
  const contracts = require(path.join(ROOT, 'dist/apps/ingest/libs/contracts/src/index.js'));
  const check = checkLog({
    entries,
    records: writeLog.records,
    contracts,
    prefix: system.subjectPrefix,
  });
  const deadLetters = await messageCount(
    await system.cluster.manager(),
    `${system.streamName}_DEAD_LETTERS`,
  );
  return { check, figures: { events: entries.length, lastSequence, deadLetters } };
}

async function rebuildCheck({ system, active, log }) {
  log('check 2: a third projector rebuilds the read models from the log into a new database');
  const rebuilt = await system.startRebuilt();
  try {
    await caughtUp(system, rebuilt);
    log(`comparing every answer of ${active.name} and ${rebuilt.name}`);
    const live = await everyAnswer(active.url);
    return checkRebuild({ live, rebuilt: await everyAnswer(rebuilt.url) });
  } finally {
    await rebuilt.process.terminate();
  }
}

/** The three checks, after `settle`. */
async function verify({ system, active, writeLog, followers, log }) {
  const appliedSequences = await database.developmentEventSequences(system.databaseName);
  await followersDone(followers, appliedSequences[appliedSequences.length - 1] ?? 0);
  await Promise.all(followers.map((follower) => follower.stop()));
  let logFigures = { events: null, lastSequence: null, deadLetters: null };
  const first = await attempt('log holds exactly the answered writes', async () => {
    const { check, figures } = await logCheck({ system, writeLog, log });
    logFigures = figures;
    return check;
  });
  const second = await attempt('read models equal a fresh rebuild', () =>
    rebuildCheck({ system, active, log }),
  );
  log('check 3: every follower against the applied development events');
  const third = checkFollowers({ followers, appliedSequences });
  return { checks: [first, second, third], log: logFigures };
}

module.exports = { settle, verify };
