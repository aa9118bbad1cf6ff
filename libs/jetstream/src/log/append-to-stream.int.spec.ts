import { randomBytes, randomUUID } from 'node:crypto';
import { jetstreamManager, JetStreamManager, StorageType } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { LogUnavailableError } from '../connection';
import { appendToStream, AppendOptions } from './append-to-stream';
import { StreamPublisher } from './stream-publisher';

describe('appendToStream through StreamPublisher, against the real NATS server', () => {
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let publisher: StreamPublisher;
  const id = randomBytes(4).toString('hex');
  const stream = `APPEND_${id}`;
  const prefix = `append_${id}`;
  const options = (overrides: Partial<AppendOptions> = {}): AppendOptions => ({
    messageId: randomUUID(),
    expectedLastSubjectSequence: 0,
    headers: { 'Newsline-Event-Type': 'Test' },
    timeoutMs: 2000,
    ...overrides,
  });
  const payload = (text: string) => new TextEncoder().encode(text);

  beforeAll(async () => {
    connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    jsm = await jetstreamManager(connection);
    await jsm.streams.add({
      name: stream,
      subjects: [`${prefix}.>`],
      storage: StorageType.File,
    });
    publisher = new StreamPublisher(connection);
  });

  afterAll(async () => {
    await jsm.streams.delete(stream).catch(() => undefined);
    await connection.close();
  });

  it('stores the message with its headers and answers with its sequence', async () => {
    const subject = `${prefix}.stored`;
    const messageId = randomUUID();
    const result = await appendToStream(
      publisher,
      subject,
      payload('{"a":1}'),
      options({ messageId }),
    );
    expect(result).toMatchObject({ appended: true, duplicate: false });
    const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
    expect(stored?.seq).toBe(result.appended && result.sequence);
    expect(stored?.string()).toBe('{"a":1}');
    expect(stored?.header.get('Nats-Msg-Id')).toBe(messageId);
    expect(stored?.header.get('Newsline-Event-Type')).toBe('Test');
  });

  it('answers many concurrent appends each with its own sequence', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        appendToStream(publisher, `${prefix}.many.${n}`, payload(String(n)), options()),
      ),
    );
    const sequences = results.map((result) => (result.appended ? result.sequence : -1));
    expect(new Set(sequences).size).toBe(200);
    for (const [n, sequence] of sequences.entries()) {
      const stored = await jsm.streams.getMessage(stream, { seq: sequence });
      expect(stored?.string()).toBe(String(n));
    }
  });

  it('stores a message id once: the second send is a duplicate with the same sequence', async () => {
    const subject = `${prefix}.twice`;
    const messageId = randomUUID();
    const first = await appendToStream(publisher, subject, payload('x'), options({ messageId }));
    const second = await appendToStream(publisher, subject, payload('x'), options({ messageId }));
    expect(second).toEqual({
      appended: true,
      duplicate: true,
      sequence: first.appended && first.sequence,
    });
  });

  it('refuses an append whose expected subject sequence is stale', async () => {
    const subject = `${prefix}.taken`;
    await appendToStream(publisher, subject, payload('first'), options());
    const result = await appendToStream(publisher, subject, payload('second'), options());
    expect(result).toEqual({ appended: false, reason: 'wrong_expected_sequence' });
  });

  it('says no stream listens when none takes the subject, and nothing may be stored', async () => {
    const error = await appendToStream(publisher, `unheard_${id}.x`, payload('x'), options()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LogUnavailableError);
    expect(error).toMatchObject({
      message: 'no stream is listening on that subject',
      outcomeUnknown: false,
    });
  });

  it('says the outcome is unknown when no acknowledgement comes in time', async () => {
    const silent = connection.subscribe(`silent_${id}.>`);
    try {
      const error = await appendToStream(
        publisher,
        `silent_${id}.x`,
        payload('x'),
        options({ timeoutMs: 200 }),
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: 'the log did not acknowledge in time',
        outcomeUnknown: true,
      });
    } finally {
      silent.unsubscribe();
    }
  });
});
