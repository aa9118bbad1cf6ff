import { AppConfig } from '@app/config';
import { dropDatabase } from '@app/read-model';
import { IngestProcess } from './support/ingest-process';
import { LogAdmin } from './support/log-admin';
import { isolatedConfig } from './support/newsline-under-test';
import { ensureBuilt, freePort } from './support/service-process';
import { waitFor } from './support/wait-for';

const SINGLE_CLIENTS = 12;
const BATCH_CLIENTS = 2;
/** Large enough that a batch is being recorded whenever the signal comes. */
const BATCH_ITEMS = 500;

/** A write as its client knows it: one keyed development, or a batch of keyed items. */
interface Write {
  kind: 'single' | 'batch';
  keys: string[];
  /** Unset when the connection failed before a whole answer came. */
  answer?: Answer;
}

interface Answer {
  status: number;
  body: any;
  receivedAt: number;
}

/** Where an event is in the log: what a 2xx answer must name. */
interface Stored {
  eventId: string;
  sequence: number;
}

function development(key: string) {
  return { occurredOn: '2025-12-22', title: `Written under ${key}` };
}

/** Sends a write, or sends it again: the same keys and the same bodies. */
async function send(ingestUrl: string, write: Write): Promise<Answer | undefined> {
  const [path, headers, body] =
    write.kind === 'single'
      ? ['/v1/developments', { 'idempotency-key': write.keys[0] }, development(write.keys[0])]
      : [
          '/v1/developments/batch',
          {},
          write.keys.map((key) => ({ idempotencyKey: key, development: development(key) })),
        ];
  try {
    const response = await fetch(`${ingestUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json(), receivedAt: Date.now() };
  } catch {
    // Refused, or cut before the whole answer: the client cannot tell what happened.
    return undefined;
  }
}

const succeeded = (write: Write) =>
  write.answer !== undefined && write.answer.status >= 200 && write.answer.status < 300;

/** What the 2xx answers said was stored, by idempotency key. */
function acknowledged(writes: Write[]): Map<string, Stored> {
  const stored = new Map<string, Stored>();
  for (const write of writes.filter(succeeded)) {
    const items: Array<{ status?: string; eventId: string; sequence: number }> =
      write.kind === 'single' ? [write.answer!.body] : write.answer!.body.results;
    items.forEach(({ status, eventId, sequence }, index) => {
      if (status === undefined || status === 'accepted' || status === 'duplicate') {
        stored.set(write.keys[index], { eventId, sequence });
      }
    });
  }
  return stored;
}

/** `key eventId sequence` lines, to compare what was said with what is stored. */
function lines(stored: Map<string, Stored>): string[] {
  return [...stored].map(([key, { eventId, sequence }]) => `${key} ${eventId} ${sequence}`);
}

/** The entries of `said` that `stored` does not hold exactly so. */
function notStoredAsSaid(said: Map<string, Stored>, stored: Map<string, Stored>): string[] {
  const storedLines = new Set(lines(stored));
  return lines(said).filter((line) => !storedLines.has(line));
}

/** Clients posting without pause; each stops at its first write that gets no 2xx. */
class WriteLoad {
  readonly writes: Write[] = [];
  private counter = 0;
  private readonly clients: Array<Promise<void>>;

  constructor(
    private readonly ingestUrl: string,
    private readonly keyPrefix: string,
  ) {
    this.clients = [
      ...Array.from({ length: SINGLE_CLIENTS }, () => this.client('single', 1)),
      ...Array.from({ length: BATCH_CLIENTS }, () => this.client('batch', BATCH_ITEMS)),
    ];
  }

  /** Resolves once a good part of the load has been answered 2xx, batches included. */
  underWay(): Promise<true> {
    return waitFor('writes to be under way', () => {
      const answered = this.writes.filter(succeeded);
      const batches = answered.filter((write) => write.kind === 'batch').length;
      return answered.length >= 200 && batches >= 2 ? true : undefined;
    });
  }

  /** Resolves once every client has stopped. */
  async finished(): Promise<void> {
    await Promise.all(this.clients);
  }

  private async client(kind: Write['kind'], size: number): Promise<void> {
    for (;;) {
      const write: Write = {
        kind,
        keys: Array.from({ length: size }, () => `${this.keyPrefix}-${this.counter++}`),
      };
      this.writes.push(write);
      write.answer = await send(this.ingestUrl, write);
      if (!succeeded(write)) return;
    }
  }
}

describe('ingest stopped with writes in flight', () => {
  let log: LogAdmin;
  let config: AppConfig;
  let ingest: IngestProcess;

  /** Every event in the log, by the idempotency key it was recorded under, in log order. */
  const storedByKey = async (): Promise<Map<string, Stored[]>> => {
    const byKey = new Map<string, Stored[]>();
    for (const message of await log.messages(config.STREAM_NAME)) {
      const event = message.json<{ eventId: string; data: { idempotencyKey: string } }>();
      const stored = byKey.get(event.data.idempotencyKey) ?? [];
      stored.push({ eventId: event.eventId, sequence: message.seq });
      byKey.set(event.data.idempotencyKey, stored);
    }
    return byKey;
  };

  /** The log by key, after checking that no key was recorded twice. */
  const storedOnce = async (): Promise<Map<string, Stored>> => {
    const byKey = await storedByKey();
    const recordedTwice = [...byKey].filter(([, stored]) => stored.length > 1);
    expect(recordedTwice).toEqual([]);
    return new Map([...byKey].map(([key, [stored]]) => [key, stored]));
  };

  beforeAll(async () => {
    ensureBuilt();
    log = await LogAdmin.connect();
  }, 120_000);

  beforeEach(async () => {
    config = isolatedConfig();
    ingest = new IngestProcess(config, await freePort());
    await ingest.start();
  });

  afterEach(async () => {
    await ingest?.kill();
    await log.deleteStream(config.STREAM_NAME);
    await dropDatabase(config.DATABASE_URL);
  });

  afterAll(() => log?.close());

  it('on SIGTERM finishes what it took, answers it, and exits 0', async () => {
    const load = new WriteLoad(ingest.url, 'terminated');
    await load.underWay();
    const signalledAt = Date.now();
    let exitCode: number | null | undefined;
    void ingest.kill('SIGTERM').then((code) => (exitCode = code));
    // The client keeps its connections open: they must not hold the exit until their
    // keep-alive timeout (72 s) runs out.
    await waitFor('ingest to exit after SIGTERM', () => exitCode);
    await load.finished();

    expect(exitCode).toBe(0);
    // The signal came with writes in flight.
    const answeredAfterSignal = load.writes.filter(
      (write) => succeeded(write) && write.answer!.receivedAt > signalledAt,
    );
    expect(answeredAfterSignal.length).toBeGreaterThan(0);
    // A batch answered 2xx recorded every item.
    const incompleteBatches = load.writes
      .filter((write) => write.kind === 'batch' && succeeded(write))
      .filter((write) => write.answer!.body.accepted !== write.keys.length);
    expect(incompleteBatches.map((write) => write.answer!.body)).toEqual([]);
    // Every write answered 2xx is in the log as answered, and nothing else is: a write it
    // had taken was finished and answered, never left half-done.
    const told = acknowledged(load.writes);
    const stored = await storedOnce();
    expect(notStoredAsSaid(told, stored)).toEqual([]);
    expect([...stored.keys()].filter((key) => !told.has(key))).toEqual([]);
  });

  it('after kill -9, retries with the same keys record each write exactly once', async () => {
    const load = new WriteLoad(ingest.url, 'killed');
    await load.underWay();
    expect(await ingest.kill('SIGKILL')).toBeNull();
    await load.finished();

    const unanswered = load.writes.filter((write) => write.answer === undefined);
    const refused = load.writes.filter((write) => write.answer && !succeeded(write));
    expect(refused.map((write) => write.answer)).toEqual([]);
    expect(unanswered.length).toBeGreaterThan(0);
    // Every write answered 2xx is in the log as answered; anything else there was unanswered.
    const told = acknowledged(load.writes);
    const stored = await storedOnce();
    const unansweredKeys = new Set(unanswered.flatMap((write) => write.keys));
    expect(notStoredAsSaid(told, stored)).toEqual([]);
    expect([...stored.keys()].filter((key) => !told.has(key) && !unansweredKeys.has(key))).toEqual(
      [],
    );

    await ingest.start();
    const retries = await Promise.all(unanswered.map((write) => send(ingest.url, write)));
    // A key the log already held answers 200 duplicate, any other 202 (a batch: 200 per item).
    const statuses = (write: Write, answer: Answer | undefined) =>
      write.kind === 'single'
        ? [`${write.keys[0]} ${answer?.status}`]
        : write.keys.map(
            (key, index) => `${key} ${answer?.status} ${answer?.body.results?.[index]?.status}`,
          );
    const expected = (write: Write) =>
      write.kind === 'single'
        ? [`${write.keys[0]} ${stored.has(write.keys[0]) ? 200 : 202}`]
        : write.keys.map((key) => `${key} 200 ${stored.has(key) ? 'duplicate' : 'accepted'}`);
    expect(unanswered.flatMap((write, index) => statuses(write, retries[index]))).toEqual(
      unanswered.flatMap(expected),
    );

    // Each write is in the log once, as its last answer said.
    const converged = await storedOnce();
    const retried = unanswered.map((write, index) => ({ ...write, answer: retries[index] }));
    const answered = acknowledged([...load.writes, ...retried]);
    expect(load.writes.flatMap((write) => write.keys).filter((key) => !answered.has(key))).toEqual(
      [],
    );
    expect(notStoredAsSaid(answered, converged)).toEqual([]);
    expect(converged.size).toBe(answered.size);
  });
});
