import { randomBytes } from 'node:crypto';
import { connect, NatsConnection } from '@nats-io/transport-node';
import {
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  JetStreamManager,
  StorageType,
} from '@nats-io/jetstream';
import { ensureLogStream } from './ensure-log-stream';

describe('ensureLogStream against the real NATS server', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  const streams: string[] = [];
  const options = () => {
    const id = randomBytes(4).toString('hex');
    streams.push(`INT_${id}`);
    return { streamName: `INT_${id}`, subjectPrefix: `int_${id}`, replicas: 1 };
  };

  beforeAll(async () => {
    connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    jsm = await jetstreamManager(connection);
  });

  afterAll(async () => {
    for (const stream of streams) await jsm.streams.delete(stream).catch(() => undefined);
    await connection.close();
  });

  it('creates the log with the guarantees it needs, and a second call is harmless', async () => {
    const spec = options();
    const first = await ensureLogStream(jsm, spec);
    expect(first.created).toBe(true);
    expect(first.info.config).toMatchObject({
      subjects: [`${spec.subjectPrefix}.>`],
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      deny_delete: true,
      deny_purge: true,
      max_age: 0,
      num_replicas: 1,
    });
    expect(first.info.config.duplicate_window).toBeGreaterThan(0);

    const second = await ensureLogStream(jsm, spec);
    expect(second).toMatchObject({ created: false, weaknesses: [] });
  });

  it('refuses to purge or delete messages of the log', async () => {
    const spec = options();
    await ensureLogStream(jsm, spec);
    const ack = await jetstream(connection).publish(`${spec.subjectPrefix}.dev.x`, 'event');
    await expect(jsm.streams.purge(spec.streamName)).rejects.toThrow();
    await expect(jsm.streams.deleteMessage(spec.streamName, ack.seq)).rejects.toThrow();
    expect((await jsm.streams.info(spec.streamName)).state.messages).toBe(1);
  });

  it('leaves a weaker existing stream alone and lists every weakness', async () => {
    const spec = options();
    await jsm.streams.add({
      name: spec.streamName,
      subjects: [`${spec.subjectPrefix}.>`],
      storage: StorageType.Memory,
      max_age: 60 * 1e9,
      discard: DiscardPolicy.Old,
    });
    const ensured = await ensureLogStream(jsm, spec);
    expect(ensured.created).toBe(false);
    expect(ensured.weaknesses.join('\n')).toEqual(
      expect.stringMatching(
        /storage[\s\S]*max_age[\s\S]*discard[\s\S]*deny_delete[\s\S]*deny_purge/,
      ),
    );
    expect(ensured.info.config.storage).toBe(StorageType.Memory);
  });
});
