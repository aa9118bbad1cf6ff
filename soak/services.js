// The built services (dist/) as processes of their own: ingest and projector, each on its own
// port, all against the soak's stream and database.
const path = require('node:path');
const { ManagedProcess, freePort } = require('./processes');
const { waitUntil } = require('./waiting');

const { AbortSignal } = globalThis;

const ROOT = path.join(__dirname, '..');
const ENTRY_POINTS = {
  ingest: path.join(ROOT, 'dist/apps/ingest/apps/ingest/src/main.js'),
  projector: path.join(ROOT, 'dist/apps/projector/apps/projector/src/main.js'),
};
const PORT_VARIABLE = { ingest: 'INGEST_PORT', projector: 'PROJECTOR_PORT' };

class Service {
  constructor(name, kind, port, env, logDir) {
    this.name = name;
    this.kind = kind;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.process = new ManagedProcess(name, process.execPath, [ENTRY_POINTS[kind]], {
      env: { ...env, [PORT_VARIABLE[kind]]: String(port) },
      logFile: path.join(logDir, `${name}.log`),
    });
  }

  static async create(name, kind, env, logDir) {
    return new Service(name, kind, await freePort(), env, logDir);
  }

  get pid() {
    return this.process.pid;
  }

  get isRunning() {
    return this.process.isRunning;
  }

  async start(timeoutMs = 60000) {
    this.process.start();
    await this.waitHealthy(timeoutMs);
  }

  kill() {
    return this.process.stop('SIGKILL');
  }

  /** GET /health answers 200: its dependencies (NATS, and PostgreSQL for a projector) answer. */
  async waitHealthy(timeoutMs = 60000) {
    await waitUntil(
      `${this.name} to be healthy`,
      async () => {
        if (!this.process.isRunning) throw new Error(`${this.name} exited`);
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(3000) });
        await response.arrayBuffer();
        return response.ok;
      },
      { timeoutMs, intervalMs: 250 },
    );
  }
}

/** The configuration every service of the soak shares (the contract of libs/config). */
function serviceEnvironment({ natsUrl, databaseUrl, streamName, subjectPrefix, tokens }) {
  return {
    ...process.env,
    NATS_URL: natsUrl,
    DATABASE_URL: databaseUrl,
    STREAM_NAME: streamName,
    SUBJECT_PREFIX: subjectPrefix,
    STREAM_REPLICAS: '3',
    INGEST_TOKEN: tokens.ingest,
    ADMIN_TOKEN: tokens.admin,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'warn',
  };
}

/**
 * The projector applying events: `activeInstance` of GET /v1/projections names the process
 * (`host:pid`) holding the lease, whichever projector is asked.
 */
async function activeProjector(projectors) {
  for (const projector of projectors.filter((candidate) => candidate.isRunning)) {
    try {
      const response = await fetch(`${projector.url}/v1/projections`, {
        signal: AbortSignal.timeout(3000),
      });
      if (!response.ok) continue;
      const [status] = await response.json();
      const pid = Number(status?.activeInstance?.split(':').pop());
      const active = projectors.find((candidate) => candidate.pid === pid);
      if (active) return active;
    } catch {
      // ask the other one
    }
  }
  return null;
}

module.exports = { Service, serviceEnvironment, activeProjector, ROOT };
