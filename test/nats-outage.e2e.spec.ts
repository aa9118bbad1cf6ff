import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { developmentIdFor } from '@app/contracts';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { NatsServerProcess } from './support/nats-server-process';
import { freePort } from './support/projector-process';
import { waitFor } from './support/wait-for';

describe('ingest while NATS goes down and comes back', () => {
  let nats: NatsServerProcess;
  let system: NewslineUnderTest;

  beforeAll(async () => {
    nats = new NatsServerProcess(await freePort());
    await nats.start();
    system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ NATS_URL: nats.url, PUBLISH_TIMEOUT_MS: '2000' }),
    );
    await waitFor('ingest to be healthy', async () =>
      (await fetch(`${system.ingestUrl}/health`)).ok ? true : undefined,
    );
  });

  afterAll(async () => {
    await system?.stop();
    await nats?.remove();
  });

  it('answers 202 (stored) or 503, and a 503 records nothing unless it says the outcome is unknown', async () => {
    const results: Array<{ key: string; status: number; outcomeUnknown: boolean }> = [];
    const count = (status: number) => results.filter((result) => result.status === status).length;
    let stop = false;
    let index = 0;
    const post = (key: string) =>
      system.post(
        '/v1/developments',
        { occurredOn: '2025-12-20', title: `Development ${key}` },
        { 'idempotency-key': key },
      );
    const poster = async () => {
      while (!stop) {
        const key = `outage-${index++}`;
        const response = await post(key);
        const body = (await response.json()) as { message?: string };
        const outcomeUnknown = response.status === 503 && /may or may not/.test(body.message ?? '');
        results.push({ key, status: response.status, outcomeUnknown });
        if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const posters = Array.from({ length: 8 }, poster);

    await waitFor('some developments recorded', () => (count(202) > 100 ? true : undefined));
    await nats.stop('SIGKILL');
    await waitFor('ingest to refuse writes', () => (count(503) > 20 ? true : undefined));
    await nats.start();
    const acceptedBefore = count(202);
    await waitFor('ingest to record again', () =>
      count(202) > acceptedBefore + 100 ? true : undefined,
    );
    stop = true;
    await Promise.all(posters);

    expect([...new Set(results.map((result) => result.status))].sort()).toEqual([202, 503]);
    const nc = await connect({ servers: nats.url });
    let stored: Set<string>;
    try {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.streams.info(system.config.STREAM_NAME, { subjects_filter: '>' });
      stored = new Set(
        Object.keys(info.state.subjects ?? {}).map((subject) => subject.split('.').pop()!),
      );
    } finally {
      await nc.close();
    }
    for (const { key, status, outcomeUnknown } of results) {
      const isStored = stored.has(developmentIdFor(key));
      if (status === 202) expect([key, isStored]).toEqual([key, true]);
      if (status === 503 && !outcomeUnknown) expect([key, isStored]).toEqual([key, false]);
    }
    // A 503 whose outcome was unknown is settled by retrying with the same key.
    for (const { key } of results.filter((result) => result.outcomeUnknown)) {
      const retry = await post(key);
      expect(retry.status).toBe(stored.has(developmentIdFor(key)) ? 200 : 202);
    }
  });
});

describe('NATS credentials from the environment', () => {
  let nats: NatsServerProcess;

  beforeAll(async () => {
    nats = new NatsServerProcess(await freePort(), ['--user', 'newsline', '--pass', 's3cret']);
    await nats.start();
  });

  afterAll(() => nats?.remove());

  it.each([
    ['the right password', 's3cret', 202],
    ['a wrong password', 'guess', 503],
  ])('records with %s, and only then', async (_, password, status) => {
    const system = await NewslineUnderTest.startIngestOnly(
      isolatedConfig({ NATS_URL: nats.url, NATS_USER: 'newsline', NATS_PASSWORD: password }),
    );
    try {
      if (status === 202) {
        await waitFor('ingest to connect', async () =>
          (await fetch(`${system.ingestUrl}/health`)).ok ? true : undefined,
        );
      }
      const response = await system.post('/v1/developments', {
        occurredOn: '2025-12-19',
        title: `Posted with ${password}`,
      });
      expect(response.status).toBe(status);
    } finally {
      await system.stop();
    }
  });
});
