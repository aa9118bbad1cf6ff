// A three-node NATS JetStream cluster on loopback: each node its own client port, cluster port
// and store directory (kept across restarts, as a real node's disk would be).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { connect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');
const { ManagedProcess, freePort } = require('./processes');
const { waitUntil } = require('./waiting');

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

class NatsCluster {
  constructor(nodes) {
    this.nodes = nodes;
    this.admin = undefined;
  }

  /** Starts `size` nodes under `workDir` and waits until JetStream answers. */
  static async start({ size = 3, workDir, logDir, id }) {
    const clusterName = `newsline-soak-${id}`;
    const ports = [];
    for (let i = 0; i < size; i++) {
      ports.push({ client: await freePort(), cluster: await freePort() });
    }
    const nodes = ports.map((port, index) => {
      const name = `nats-${index + 1}`;
      const storeDir = path.join(workDir, name);
      fs.mkdirSync(storeDir, { recursive: true });
      const routes = ports
        .filter((other) => other !== port)
        .map((other) => `nats://127.0.0.1:${other.cluster}`)
        .join(',');
      const server = new ManagedProcess(
        name,
        NATS_SERVER,
        [
          ...['-a', '127.0.0.1', '-p', String(port.client), '-js', '-sd', storeDir],
          ...['--server_name', name, '--cluster_name', clusterName],
          ...['--cluster', `nats://127.0.0.1:${port.cluster}`, '--routes', routes],
        ],
        { logFile: path.join(logDir, `${name}.log`) },
      );
      return { name, port: port.client, server };
    });
    const cluster = new NatsCluster(nodes);
    await Promise.all(nodes.map((node) => cluster.startNode(node.name)));
    await waitUntil('the JetStream cluster to form', () => cluster.accountInfo(), {
      timeoutMs: 60000,
      intervalMs: 250,
    });
    return cluster;
  }

  /** Every node, comma-separated, as NATS_URL takes them. */
  get url() {
    return this.nodes.map((node) => `nats://127.0.0.1:${node.port}`).join(',');
  }

  node(name) {
    const node = this.nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`no NATS node named ${name}`);
    return node;
  }

  async startNode(name) {
    const node = this.node(name);
    node.server.start();
    await waitUntil(`${name} to listen`, () => listening(node.port), { timeoutMs: 20000 });
  }

  killNode(name) {
    return this.node(name).server.stop('SIGKILL');
  }

  /** A JetStream manager on a connection of the soak's own, reconnecting across node kills. */
  async manager() {
    if (!this.admin) {
      const connection = await connect({
        servers: this.url.split(','),
        name: 'newsline-soak',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
      });
      this.admin = { connection, jsm: await jetstreamManager(connection, { timeout: 5000 }) };
    }
    return this.admin.jsm;
  }

  /** The soak's own NATS connection (for reading the log). */
  async connection() {
    await this.manager();
    return this.admin.connection;
  }

  async accountInfo() {
    return (await this.manager()).getAccountInfo();
  }

  /** The node leading `stream`, and its replicas with whether they are current. */
  async placement(stream) {
    const info = await (await this.manager()).streams.info(stream);
    return {
      leader: info.cluster?.leader ?? null,
      replicas: (info.cluster?.replicas ?? []).map(({ name, current }) => ({ name, current })),
      lastSequence: info.state.last_seq,
    };
  }

  /** Waits until `stream` has a leader and every other node is a current replica. */
  async waitForStream(stream, timeoutMs = 60000) {
    const size = this.nodes.length;
    await waitUntil(
      `${stream} to have a leader and ${size - 1} current replicas`,
      async () => {
        const { leader, replicas } = await this.placement(stream);
        return leader && replicas.length === size - 1 && replicas.every((r) => r.current);
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  async deleteStreams(names) {
    const jsm = await this.manager();
    for (const name of names) await jsm.streams.delete(name).catch(() => undefined);
  }

  residentMiB() {
    return Object.fromEntries(this.nodes.map((node) => [node.name, node.server.residentMiB()]));
  }

  async stop() {
    await this.admin?.connection.close().catch(() => undefined);
    this.admin = undefined;
    await Promise.all(this.nodes.map((node) => node.server.terminate(3000)));
  }
}

module.exports = { NatsCluster };
