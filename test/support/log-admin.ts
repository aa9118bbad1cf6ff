import { connect, headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  JetStreamManager,
  StoredMsg,
} from '@nats-io/jetstream';

/** A separate NATS client for tests to look at, and clean up, the streams they created. */
export class LogAdmin {
  private constructor(
    private readonly connection: NatsConnection,
    readonly jsm: JetStreamManager,
  ) {}

  static async connect(servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222') {
    const connection = await connect({
      servers: servers.split(',').map((server) => server.trim()),
    });
    return new LogAdmin(connection, await jetstreamManager(connection));
  }

  /** The stream's last sequence; 0 when it does not exist. Any other failure is an error. */
  async lastSequence(stream: string): Promise<number> {
    try {
      return (await this.jsm.streams.info(stream)).state.last_seq;
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) {
        return 0;
      }
      throw error;
    }
  }

  /** Appends bytes straight to the log, as a writer other than ingest could. */
  async publish(
    subject: string,
    payload: Uint8Array | string,
    headers: Record<string, string> = {},
  ) {
    const h = natsHeaders();
    for (const [name, value] of Object.entries(headers)) h.set(name, value);
    const data = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
    return jetstream(this.connection).publish(subject, data, { headers: h });
  }

  /** Every message of a stream, in order. */
  async messages(stream: string): Promise<StoredMsg[]> {
    const last = await this.lastSequence(stream);
    const messages: StoredMsg[] = [];
    for (let seq = 1; seq <= last; seq++) {
      const message = await this.jsm.streams.getMessage(stream, { seq });
      if (message) messages.push(message);
    }
    return messages;
  }

  async deleteStream(stream: string): Promise<void> {
    await this.jsm.streams.delete(stream).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
