// @ts-check
// Starts what a benchmark needs on its own: a nats-server on a free port with a fresh
// store, a fresh database, and the two services built from dist/, with typed clients of them.
const { spawn } = require('node:child_process');
const { mkdtempSync, readdirSync, rmSync, statSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { createIngestClient, createProjectorClient } = require('../scripts/typed-client');

const ROOT = path.join(__dirname, '..');
const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
/** BENCH_KEEP_DATABASE=1 leaves the read model behind, to look at its plans with EXPLAIN. */
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntil(what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function adminQuery(sql) {
  const client = new Client({ connectionString: `${PG_BASE}postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Reads peak resident memory of a process from /proc (Linux). */
function peakRssMiB(pid) {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** @param {string} directory */
function directoryBytes(directory) {
  let bytes = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    bytes += entry.isDirectory() ? directoryBytes(entryPath) : statSync(entryPath).size;
  }
  return bytes;
}

async function startEnvironment() {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'newsline-bench-nats-'));
  const natsPort = await freePort();
  const nats = spawn(
    NATS_SERVER,
    ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  await waitUntil(
    'nats-server',
    () =>
      new Promise((resolve) => {
        const socket = net.connect(natsPort, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
  );
  const database = `newsline_bench_${id}`;
  const env = {
    ...process.env,
    NATS_URL: `nats://127.0.0.1:${natsPort}`,
    DATABASE_URL: `${PG_BASE}${database}`,
    STREAM_NAME: 'BENCH',
    SUBJECT_PREFIX: 'bench',
    INGEST_PORT: String(await freePort()),
    PROJECTOR_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const services = {};
  let stopped = false;
  const start = (name) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, `dist/apps/${name}/apps/${name}/src/main.js`)],
      {
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    services[name] = child;
    return child;
  };
  const ingestUrl = `http://127.0.0.1:${env.INGEST_PORT}`;
  const projectorUrl = `http://127.0.0.1:${env.PROJECTOR_PORT}`;
  const ingest = createIngestClient({ baseUrl: ingestUrl });
  const projector = createProjectorClient({ baseUrl: projectorUrl });
  /**
   * @param {string} name
   * @param {() => Promise<{ response: Response }>} health GET /health of the service
   */
  const startService = async (name, health) => {
    start(name);
    await waitUntil(`${name} /health`, async () => (await health()).response.ok);
  };
  await startService('ingest', () => ingest.GET('/health'));
  return {
    /** The projector starts on demand, so that ingest can be measured on its own first. */
    startProjector: () => startService('projector', () => projector.GET('/health')),
    env,
    ingestUrl,
    projectorUrl,
    ingest,
    projector,
    natsUrl: env.NATS_URL,
    databaseUrl: env.DATABASE_URL,
    /** Bytes on disk: the log (the nats-server's store) and the read model's database. */
    async diskUsage() {
      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          'SELECT pg_database_size(current_database())::float8 AS bytes',
        );
        return { logBytes: directoryBytes(storeDir), readModelBytes: rows[0].bytes };
      } finally {
        await client.end();
      }
    },
    peakRss: () => ({
      ingest: peakRssMiB(services.ingest.pid),
      projector: services.projector ? peakRssMiB(services.projector.pid) : null,
    }),
    /** Stops everything once; a second call does nothing. */
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const child of Object.values(services)) child.kill('SIGTERM');
      await Promise.all(
        Object.values(services).map(
          (child) => new Promise((resolve) => child.once('exit', resolve)),
        ),
      );
      nats.kill('SIGTERM');
      await new Promise((resolve) => nats.once('exit', resolve));
      rmSync(storeDir, { recursive: true, force: true });
      if (KEEP_DATABASE) {
        console.error(`kept the read model for inspection: ${env.DATABASE_URL}`);
        return;
      }
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

module.exports = { startEnvironment, waitUntil };
