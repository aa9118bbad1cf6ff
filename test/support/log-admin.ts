import { connect, NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, JetStreamManager } from '@nats-io/jetstream';

/** A separate NATS client for tests to look at, and clean up, the streams they created. */
export class LogAdmin {
  private constructor(
    private readonly connection: NatsConnection,
    readonly jsm: JetStreamManager,
  ) {}

  static async connect(servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222') {
    const connection = await connect({ servers });
    return new LogAdmin(connection, await jetstreamManager(connection));
  }

  async lastSequence(stream: string): Promise<number> {
    try {
      return (await this.jsm.streams.info(stream)).state.last_seq;
    } catch {
      return 0;
    }
  }

  async deleteStream(stream: string): Promise<void> {
    await this.jsm.streams.delete(stream).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
