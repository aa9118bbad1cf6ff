import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
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
      isolatedConfig({ NATS_URL: nats.url, PUBLISH_TIMEOUT_MS: '1000' }),
    );
    await waitFor('ingest to be healthy', async () =>
      (await fetch(`${system.ingestUrl}/health`)).ok ? true : undefined,
    );
  });

  afterAll(async () => {
    await system?.stop();
    await nats?.remove();
  });

  it('answers only 202 (stored) or 503 (not stored), and the log holds exactly the 202s', async () => {
    const outcomes = new Map<string, number>();
    let stop = false;
    let index = 0;
    const poster = async () => {
      while (!stop) {
        const key = `outage-${index++}`;
        const response = await system.post(
          '/v1/developments',
          { occurredOn: '2025-12-20', title: `Development ${key}` },
          { 'idempotency-key': key },
        );
        outcomes.set(key, response.status);
        if (response.status === 202) {
          const { developmentId } = (await response.json()) as { developmentId: string };
          outcomes.set(developmentId, 202);
        } else {
          await response.arrayBuffer();
          if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const posters = Array.from({ length: 8 }, poster);

    await waitFor('some developments recorded', () =>
      [...outcomes.values()].filter((status) => status === 202).length > 100 ? true : undefined,
    );
    await nats.stop('SIGKILL');
    await waitFor('ingest to refuse writes', () =>
      [...outcomes.values()].filter((status) => status === 503).length > 20 ? true : undefined,
    );
    await nats.start();
    const acceptedBefore = [...outcomes.values()].filter((status) => status === 202).length;
    await waitFor('ingest to record again', () =>
      [...outcomes.values()].filter((status) => status === 202).length > acceptedBefore + 100
        ? true
        : undefined,
    );
    stop = true;
    await Promise.all(posters);

    const statuses = new Set([...outcomes.values()]);
    expect([...statuses].sort()).toEqual([202, 503]);

    const accepted = new Set(
      [...outcomes.entries()]
        .filter(([key, status]) => status === 202 && !key.startsWith('outage-'))
        .map(([developmentId]) => developmentId),
    );
    const nc = await connect({ servers: nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      const info = await jsm.streams.info(system.config.STREAM_NAME, { subjects_filter: '>' });
      const stored = new Set(
        Object.keys(info.state.subjects ?? {}).map((subject) => subject.split('.').pop()!),
      );
      expect(stored.size).toBe(accepted.size);
      expect([...stored].filter((id) => !accepted.has(id))).toEqual([]);
    } finally {
      await nc.close();
    }
  });
});
