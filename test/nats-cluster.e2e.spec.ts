import { developmentIdFor } from '@app/contracts';
import { NatsCluster } from './support/nats-cluster';
import { isolatedConfig, NewslineUnderTest } from './support/newsline-under-test';
import { waitFor } from './support/wait-for';

interface Answer {
  key: string;
  status: number;
  /** A 503 that says the development may or may not have been stored. */
  outcomeUnknown: boolean;
  milliseconds: number;
  afterKill: boolean;
}

describe('on a three-node NATS cluster, with the stream at three replicas', () => {
  let cluster: NatsCluster;
  let system: NewslineUnderTest;

  beforeAll(async () => {
    cluster = await NatsCluster.start(3);
    system = await NewslineUnderTest.start(
      isolatedConfig({ NATS_URL: cluster.url, STREAM_REPLICAS: '3' }),
    );
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
    await cluster?.remove();
  });

  it('places the log on all three nodes', async () => {
    const placement = await waitFor('three current replicas', async () => {
      const current = await cluster.streamPlacement(system.config.STREAM_NAME);
      return current.replicas.length === 2 && current.replicas.every((r) => r.current)
        ? current
        : undefined;
    });
    expect(cluster.nodes.map((node) => node.name)).toContain(placement.leader);
  });

  it('loses no acknowledged development when the stream leader is killed, and the node rejoins', async () => {
    const answers: Answer[] = [];
    let killedAt = 0;
    let stop = false;
    const post = async (key: string) => {
      const started = Date.now();
      const response = await system.post(
        '/v1/developments',
        { occurredOn: '2025-12-22', title: `Failover ${key}` },
        { 'idempotency-key': key },
      );
      const body = (await response.json()) as { message?: string };
      answers.push({
        key,
        status: response.status,
        outcomeUnknown: response.status === 503 && /may or may not/.test(body.message ?? ''),
        milliseconds: Date.now() - started,
        afterKill: killedAt > 0 && started >= killedAt,
      });
    };
    const posters = Array.from({ length: 4 }, async (_, poster) => {
      for (let n = 0; !stop; n++) await post(`failover-${poster}-${n}`);
    });

    await waitFor('posts before the failure', () => (answers.length >= 40 ? true : undefined));
    const { leader } = await cluster.streamPlacement(system.config.STREAM_NAME);
    killedAt = Date.now();
    await cluster.node(leader).server.stop('SIGKILL');
    await waitFor(
      'posts during and after the election',
      () => (answers.filter((answer) => answer.afterKill).length >= 200 ? true : undefined),
      { timeoutMs: 60_000 },
    );
    stop = true;
    await Promise.all(posters);

    // Only 202 (stored) or 503 (not stored), never a hang past the request timeout.
    expect(
      [...new Set(answers.map((answer) => answer.status))].filter((s) => s !== 202 && s !== 503),
    ).toEqual([]);
    expect(Math.max(...answers.map((answer) => answer.milliseconds))).toBeLessThan(30_000);
    // Once a new leader is elected, ingest records again: the last posts are all stored.
    const afterKill = answers.filter((answer) => answer.afterKill);
    expect(afterKill.slice(-20).map((answer) => answer.status)).toEqual(Array(20).fill(202));

    // The log holds exactly the acknowledged developments, once each.
    const messages = await system.log.messages(system.config.STREAM_NAME);
    const stored = messages.map((message) => message.subject.split('.').pop()!);
    expect(new Set(stored).size).toBe(stored.length);
    const accepted = answers.filter((answer) => answer.status === 202);
    expect(new Set(stored)).toEqual(
      new Set(accepted.map((answer) => developmentIdFor(answer.key))),
    );

    // The projector's consumer is recreated once the cluster has settled: each try that meets
    // the election times out after the client's request timeout, so allow for several.
    await system.caughtUp({ timeoutMs: 90_000 });
    const projections = await system.getJson('/v1/projections');
    expect(projections.map((p: { position: number }) => p.position)).toEqual([
      stored.length,
      stored.length,
    ]);

    // The killed node comes back and catches up as a replica.
    await cluster.node(leader).server.start();
    await waitFor(
      `${leader} to rejoin the stream`,
      async () => {
        const placement = await cluster.streamPlacement(system.config.STREAM_NAME);
        const members = [{ name: placement.leader, current: true }, ...placement.replicas];
        const rejoined = members.find((member) => member.name === leader);
        return rejoined?.current && members.every((member) => member.current) ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }, 240_000);
});
