// Chaos at random intervals: kill -9 and restart an ingest, the active projector, the NATS
// node leading the stream or another one; end the projectors' PostgreSQL connections; start a
// rebuild. One action at a time; each kind comes up once per round, in a seeded order.
const { activeProjector } = require('./services');
const { terminateConnections } = require('./database');
const { sleep, waitUntil } = require('./waiting');

const { AbortSignal } = globalThis;
const { clearTimeout } = require('node:timers');

const KINDS = [
  'kill-ingest',
  'kill-active-projector',
  'kill-nats-leader',
  'kill-nats-replica',
  'terminate-pg-connections',
  'rebuild',
];
const RECOVERY_TIMEOUT_MS = 120000;
const REBUILD_TIMEOUT_MS = 10 * 60 * 1000;

class Chaos {
  constructor({ random, cluster, ingests, projectors, streamName, databaseName, adminToken }) {
    Object.assign(this, { random, cluster, ingests, projectors, streamName, databaseName });
    this.adminToken = adminToken;
    this.actions = [];
    this.rebuilds = [];
    this.deck = [];
    this.stopped = false;
    this.wakeUp = () => {};
    this.loop = undefined;
    this.startedAt = 0;
  }

  /** Starts acting, a random pause of about `meanGapMs` before each action. */
  start(meanGapMs, onAction = () => {}) {
    this.startedAt = Date.now();
    this.loop = this.run(meanGapMs, onAction);
  }

  /** Starts no more actions and waits until the current one has recovered. */
  async stop() {
    this.stopped = true;
    this.wakeUp();
    await this.loop;
  }

  /** Waits until every rebuild started has finished (or was lost with its process). */
  async rebuildsFinished() {
    await Promise.all(this.rebuilds.map((rebuild) => rebuild.finished));
  }

  async run(meanGapMs, onAction) {
    while (!this.stopped) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, meanGapMs * this.random.between(0.5, 1.5));
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopped) return;
      if (this.deck.length === 0) this.deck = this.random.shuffled(KINDS);
      const action = await this.act(this.deck.shift());
      this.actions.push(action);
      onAction(action);
    }
  }

  async act(kind) {
    const started = Date.now();
    const action = { kind, at: Math.round((started - this.startedAt) / 100) / 10, ok: true };
    try {
      Object.assign(action, await this[camelCase(kind)]());
    } catch (error) {
      action.ok = false;
      action.error = error.message;
    }
    action.ms = Date.now() - started;
    return action;
  }

  /** A short random pause between a kill and the restart. */
  pause() {
    return sleep(this.random.between(500, 3000));
  }

  async killIngest() {
    const running = this.ingests.filter((ingest) => ingest.isRunning);
    const ingest = this.random.pick(running.length > 0 ? running : this.ingests);
    await ingest.kill();
    await this.pause();
    const restarted = Date.now();
    await ingest.start(RECOVERY_TIMEOUT_MS);
    return { target: ingest.name, healthyAfterMs: Date.now() - restarted };
  }

  async killActiveProjector() {
    const active = await activeProjector(this.projectors);
    if (!active) return { target: null, ok: false, error: 'no projector holds the lease' };
    const killedAt = Date.now();
    await active.kill();
    const standby = this.projectors.find((projector) => projector !== active);
    const takeover = waitUntil(
      'the standby to take the lease',
      async () => (await activeProjector([standby])) === standby,
      { timeoutMs: RECOVERY_TIMEOUT_MS, intervalMs: 100 },
    ).then(
      () => Date.now() - killedAt,
      () => null,
    );
    await this.pause();
    await active.start(RECOVERY_TIMEOUT_MS);
    return { target: active.name, takeoverMs: await takeover };
  }

  async killNatsLeader() {
    const { leader } = await this.cluster.placement(this.streamName);
    if (!leader) throw new Error('the stream has no leader');
    return this.killNatsNode(leader);
  }

  async killNatsReplica() {
    const { leader } = await this.cluster.placement(this.streamName);
    const others = this.cluster.nodes.filter((node) => node.name !== leader);
    return this.killNatsNode(this.random.pick(others).name);
  }

  async killNatsNode(name) {
    await this.cluster.killNode(name);
    await this.pause();
    const restarted = Date.now();
    await this.cluster.startNode(name);
    await this.cluster.waitForStream(this.streamName, RECOVERY_TIMEOUT_MS);
    return { target: name, currentAfterMs: Date.now() - restarted };
  }

  async terminatePgConnections() {
    const terminated = await terminateConnections(this.databaseName);
    return { target: this.databaseName, terminated };
  }

  async rebuild() {
    const running = this.projectors.filter((projector) => projector.isRunning);
    const projector = this.random.pick(running);
    const response = await fetch(`${projector.url}/v1/projections/all/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.adminToken}` },
      signal: AbortSignal.timeout(10000),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 202) {
      return { target: projector.name, ok: response.status === 409, status: response.status };
    }
    const rebuild = { rebuildId: body.rebuildId, projector: projector.name, status: 'running' };
    rebuild.finished = this.follow(rebuild, projector, projector.pid);
    this.rebuilds.push(rebuild);
    return { target: projector.name, rebuildId: body.rebuildId };
  }

  /** Polls the rebuild until it ends; it is lost if its process dies first. */
  async follow(rebuild, projector, pid) {
    const deadline = Date.now() + REBUILD_TIMEOUT_MS;
    while (rebuild.status === 'running') {
      await sleep(1000);
      if (Date.now() > deadline) {
        rebuild.status = 'timed out';
        break;
      }
      if (projector.pid !== pid) {
        rebuild.status = 'lost';
        break;
      }
      try {
        const response = await fetch(`${projector.url}/v1/rebuilds/${rebuild.rebuildId}`, {
          signal: AbortSignal.timeout(5000),
        });
        if (response.ok) Object.assign(rebuild, pick(await response.json()));
        else await response.arrayBuffer();
      } catch {
        // asked again in a second, or found lost
      }
    }
  }
}

function pick({ status, position, eventsPerSecond, error }) {
  return { status, position, eventsPerSecond, error };
}

function camelCase(kind) {
  return kind.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
}

module.exports = { Chaos, KINDS };
