// Everything the soak runs against: a 3-node NATS cluster, a fresh database, a stream of its
// own, two ingests and two projectors; and what is asked of them as a whole.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { NatsCluster } = require('./cluster');
const { Service, serviceEnvironment, activeProjector } = require('./services');
const database = require('./database');
const { waitUntil } = require('./waiting');

const { AbortSignal } = globalThis;

const CATCH_UP_TIMEOUT_MS = 10 * 60 * 1000;
const RECOVERY_TIMEOUT_MS = 120000;

/** Starts it all; `onCleanUp(name, step)` is given every step that undoes a part of it. */
async function startSystem({ runId, logDir, onCleanUp, log }) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsline-soak-'));
  const removeWorkDir = () => fs.rmSync(workDir, { recursive: true, force: true });
  onCleanUp('remove the NATS directories', removeWorkDir);
  // Even when the soak is stopped too abruptly to clean up properly.
  process.on('exit', removeWorkDir);
  log('starting a 3-node NATS cluster');
  const cluster = await NatsCluster.start({ workDir, logDir, id: runId });
  onCleanUp('stop the NATS cluster', () => cluster.stop());
  const databaseName = `newsline_soak_${runId}`;
  const rebuiltName = `${databaseName}_rebuilt`;
  onCleanUp('drop the databases', async () => {
    await database.dropDatabase(databaseName);
    await database.dropDatabase(rebuiltName);
  });
  await database.createDatabase(databaseName);
  const streamName = `SOAK_${runId}`;
  onCleanUp('delete the streams', () =>
    cluster.deleteStreams([streamName, `${streamName}_DEAD_LETTERS`]),
  );
  const tokens = {
    ingest: crypto.randomBytes(12).toString('hex'),
    admin: crypto.randomBytes(12).toString('hex'),
  };
  const env = serviceEnvironment({
    natsUrl: cluster.url,
    databaseUrl: database.databaseUrl(databaseName),
    streamName,
    subjectPrefix: `soak_${runId}`,
    tokens,
  });
  const services = [];
  onCleanUp('stop the services', () => Promise.all(services.map((s) => s.process.terminate())));
  const start = async (name, kind, environment = env) => {
    const service = await Service.create(name, kind, environment, logDir);
    services.push(service);
    await service.start();
    return service;
  };
  log('starting ingest-1 and ingest-2, then projector-a and projector-b');
  const ingests = [await start('ingest-1', 'ingest'), await start('ingest-2', 'ingest')];
  await cluster.waitForStream(streamName);
  const projectors = [
    await start('projector-a', 'projector'),
    await start('projector-b', 'projector'),
  ];
  const rebuiltEnv = {
    ...env,
    DATABASE_URL: database.databaseUrl(rebuiltName),
    PROJECTOR_DURABLE: `soak_rebuilt_${runId}`,
  };
  return {
    cluster,
    ingests,
    projectors,
    streamName,
    subjectPrefix: env.SUBJECT_PREFIX,
    databaseName,
    tokens,
    /** A third projector on a new database, the same log: a fresh rebuild to compare with. */
    startRebuilt: () => start('projector-rebuilt', 'projector', rebuiltEnv),
  };
}

function residentMemory(system) {
  const services = [...system.ingests, ...system.projectors];
  return {
    ...Object.fromEntries(services.map((s) => [s.name, s.process.residentMiB()])),
    ...system.cluster.residentMiB(),
    soak: Math.round(process.memoryUsage.rss() / 2 ** 20),
  };
}

async function projectionStatus(projector) {
  const response = await fetch(`${projector.url}/v1/projections`, {
    signal: AbortSignal.timeout(3000),
  });
  if (!response.ok) throw new Error(`GET /v1/projections: ${response.status}`);
  return response.json();
}

/** The log's last sequence and the active projector's position, as far as they answer. */
async function progress(system) {
  const [head, active] = await Promise.all([
    system.cluster.placement(system.streamName).then(
      (placement) => placement.lastSequence,
      () => null,
    ),
    activeProjector(system.projectors),
  ]);
  const status = active ? await projectionStatus(active).catch(() => null) : null;
  return { head, position: status ? Math.min(...status.map((p) => p.position)) : null };
}

/** Waits until `projector` has applied the whole log in every projection. */
function caughtUp(system, projector) {
  return waitUntil(
    `${projector.name} to apply the whole log`,
    async () => {
      const { lastSequence } = await system.cluster.placement(system.streamName);
      const status = await projectionStatus(projector);
      const done = status.every((p) => p.position === lastSequence && p.lag === 0);
      return done ? { lastSequence, deadLetters: status[0]?.deadLetters ?? 0 } : null;
    },
    { timeoutMs: CATCH_UP_TIMEOUT_MS, intervalMs: 500 },
  );
}

/** Every NATS node and service running and healthy again, the stream on three current nodes. */
async function restoreAll(system) {
  for (const node of system.cluster.nodes) {
    if (!node.server.isRunning) await system.cluster.startNode(node.name);
  }
  await system.cluster.waitForStream(system.streamName, RECOVERY_TIMEOUT_MS);
  for (const service of [...system.ingests, ...system.projectors]) {
    if (service.isRunning) await service.waitHealthy(RECOVERY_TIMEOUT_MS);
    else await service.start(RECOVERY_TIMEOUT_MS);
  }
}

module.exports = { startSystem, residentMemory, progress, caughtUp, restoreAll };
