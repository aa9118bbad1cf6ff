import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsServerProcess } from './nats-server-process';
import { freePort } from './projector-process';
import { waitFor } from './wait-for';

/**
 * A JetStream cluster of real nats-server processes on loopback: each node its own client
 * port, cluster port and store directory, routes to the others.
 */
export class NatsCluster {
  private constructor(readonly nodes: Array<{ name: string; server: NatsServerProcess }>) {}

  static async start(size = 3): Promise<NatsCluster> {
    const clusterName = `newsline-test-${randomBytes(3).toString('hex')}`;
    const ports = await Promise.all(
      Array.from({ length: size }, async () => ({
        client: await freePort(),
        cluster: await freePort(),
      })),
    );
    const nodes = ports.map((port, index) => {
      const routes = ports
        .filter((other) => other !== port)
        .map((other) => `nats://127.0.0.1:${other.cluster}`)
        .join(',');
      const name = `${clusterName}-n${index + 1}`;
      const server = new NatsServerProcess(port.client, [
        '--server_name',
        name,
        '--cluster_name',
        clusterName,
        '--cluster',
        `nats://127.0.0.1:${port.cluster}`,
        '--routes',
        routes,
      ]);
      return { name, server };
    });
    const cluster = new NatsCluster(nodes);
    await Promise.all(nodes.map((node) => node.server.start()));
    await cluster.jetStreamReady();
    return cluster;
  }

  /** Every node, comma-separated, as NATS_URL takes them. */
  get url(): string {
    return this.nodes.map((node) => node.server.url).join(',');
  }

  node(name: string) {
    const node = this.nodes.find((candidate) => candidate.name === name);
    if (!node) throw new Error(`no node ${name} in ${this.nodes.map((n) => n.name).join(', ')}`);
    return node;
  }

  /** The node leading the stream, and the nodes replicating it, as the cluster reports them. */
  async streamPlacement(
    stream: string,
  ): Promise<{ leader: string; replicas: Array<{ name: string; current: boolean }> }> {
    return this.withManager(async (jsm) => {
      const info = await jsm.streams.info(stream);
      return {
        leader: info.cluster?.leader ?? '',
        replicas: (info.cluster?.replicas ?? []).map((replica) => ({
          name: replica.name,
          current: replica.current,
        })),
      };
    });
  }

  async remove(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.server.remove()));
  }

  /** Waits until the cluster has elected its JetStream meta leader and answers API calls. */
  private jetStreamReady(): Promise<true> {
    return waitFor(
      'the JetStream cluster to form',
      () =>
        this.withManager(async (jsm) => {
          const info = await jsm.getAccountInfo();
          return info ? true : undefined;
        }),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }

  private async withManager<T>(
    work: (jsm: Awaited<ReturnType<typeof jetstreamManager>>) => Promise<T>,
  ): Promise<T> {
    const connection = await connect({ servers: this.url.split(','), timeout: 2000 });
    try {
      return await work(await jetstreamManager(connection));
    } finally {
      await connection.close();
    }
  }
}
