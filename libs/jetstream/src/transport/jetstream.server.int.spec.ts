import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NatsConnection } from '../connection';
import { DEAD_LETTER_HEADERS, DeadLetterQueue } from '../dead-letters';
import { ConsumerState } from './consumer-state';
import { JetStreamServer } from './jetstream.server';
import { ReceivedMessage } from './received-message';

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('JetStreamServer against the real NATS server', () => {
  const id = randomBytes(4).toString('hex');
  const streamName = `INT_${id}`;
  const prefix = `int_${id}`;
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  let connection: NatsConnection;
  let deadLetters: DeadLetterQueue;
  let server: JetStreamServer;
  let errors: jest.SpyInstance;
  const batches: number[][] = [];

  beforeAll(async () => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    connection = new NatsConnection(
      {
        servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
        name: `int-${id}`,
        stream: { streamName, subjectPrefix: prefix, replicas: 1 },
      },
      quiet,
    );
    connection.start();
    await connection.ready();
    deadLetters = new DeadLetterQueue(connection, prefix);
    server = new JetStreamServer({
      connection,
      durableName: 'int',
      filterSubject: `${prefix}.>`,
      subjectPrefix: prefix,
      maxBatch: 10,
      resumeAfter: () => Promise.resolve(0),
      setAside: (letter) => deadLetters.add(letter),
      state: new ConsumerState(),
    });
    server.addHandler(
      'dev.>',
      (messages: ReceivedMessage[]) => {
        batches.push(messages.map((message) => message.sequence));
        return Promise.resolve();
      },
      true,
    );
  });

  afterAll(async () => {
    await server?.close();
    const jsm = connection.jetStreamManager();
    for (const stream of [streamName, deadLetters.streamName]) {
      await jsm.streams.delete(stream).catch(() => undefined);
    }
    await connection.close();
    errors.mockRestore();
  });

  it('hands matched messages to their handler in log order, dead-letters the rest, acknowledges all', async () => {
    const js = connection.jetStream();
    for (const subject of ['dev.a', 'dev.b', 'other.c', 'dev.d']) {
      await js.publish(`${prefix}.${subject}`, new TextEncoder().encode('{}'));
    }
    server.listen(() => undefined);

    const jsm = connection.jetStreamManager();
    const ackFloor = await until('every message to be acknowledged', async () => {
      const info = await jsm.consumers.info(streamName, 'int').catch(() => undefined);
      return info && info.ack_floor.stream_seq === 4 ? info.ack_floor.stream_seq : undefined;
    });
    expect(ackFloor).toBe(4);
    expect(batches.flat()).toEqual([1, 2, 4]);
    // A batch goes to one handler: none spans the stray message in the middle.
    expect(batches.filter((batch) => batch[0] < 3 && batch[batch.length - 1] > 3)).toEqual([]);

    expect(await deadLetters.sequences()).toEqual(new Set([3]));
    const letter = await jsm.streams.getMessage(deadLetters.streamName, {
      last_by_subj: `${prefix}-dead-letters.3`,
    });
    expect(letter?.header.get(DEAD_LETTER_HEADERS.reason)).toBe(
      `no handler for subject ${prefix}.other.c`,
    );
    expect(letter?.header.get(DEAD_LETTER_HEADERS.subject)).toBe(`${prefix}.other.c`);
    expect(errors).toHaveBeenCalledWith(
      `consumer int: no handler for subject ${prefix}.other.c (sequence 3); ` +
        'setting it aside as a dead letter',
    );
  });
});
