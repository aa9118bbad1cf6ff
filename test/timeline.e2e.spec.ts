import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments, shuffled } from './support/sample';

interface Item {
  developmentId: string;
  occurredOn: string;
  occurredUntil?: string;
  title: string;
  sequence: number;
  actors: Array<{ id: string }>;
  topics: string[];
}

describe('the write-to-read path: POST a development, read it in the timeline', () => {
  let system: NewslineUnderTest;
  const posted: Array<{ body: Record<string, any>; developmentId: string; sequence: number }> = [];

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
    for (const body of shuffled(sampleDevelopments())) {
      const response = await system.post('/v1/developments', body);
      expect(response.status).toBe(202);
      const { developmentId, sequence } = (await response.json()) as Record<string, any>;
      posted.push({ body, developmentId, sequence });
    }
    await system.caughtUp();
  });

  afterAll(() => system?.stop());

  const timeline = async (query = ''): Promise<Item[]> =>
    (await system.getJson<{ items: Item[] }>(`/v1/timeline?limit=500${query}`)).items;

  it('orders by occurredOn, then by the sequence at which each was first recorded', async () => {
    const expected = [...posted]
      .sort((a, b) =>
        a.body.occurredOn === b.body.occurredOn
          ? a.sequence - b.sequence
          : a.body.occurredOn < b.body.occurredOn
            ? -1
            : 1,
      )
      .map((entry) => entry.developmentId);
    expect((await timeline()).map((item) => item.developmentId)).toEqual(expected);
    expect((await timeline('&order=desc')).map((item) => item.developmentId)).toEqual(
      [...expected].reverse(),
    );
  });

  it('answers a development exactly as sent, with ids filled in and its history', async () => {
    const { body, developmentId, sequence } = posted[0];
    const development = await system.getJson(`/v1/developments/${developmentId}`);
    expect(development).toMatchObject({
      developmentId,
      title: body.title,
      body: body.body,
      occurredOn: body.occurredOn,
      revision: 1,
      sequence,
      lastSequence: sequence,
    });
    expect(development.history).toEqual([
      expect.objectContaining({ type: 'NewsEventRecorded', sequence }),
    ]);
  });

  it('filters by a date window that overlaps [occurredOn, occurredUntil]', async () => {
    const items = await timeline('&from=2025-12-15&to=2025-12-19');
    expect(items.map((item) => item.occurredOn)).toEqual([
      '2025-12-14', // 14-15 December overlaps the window
      '2025-12-18',
      '2025-12-19',
      '2025-12-19',
    ]);
    expect(await timeline('&from=2025-12-23')).toEqual([]);
  });

  it('filters by actor and by topic, repeatable as "any of"', async () => {
    const byPistorius = await timeline('&actor=boris-pistorius');
    expect(byPistorius.map((item) => item.title)).toEqual([
      'Pistorius: Moscow is not willing to stop the war',
    ]);
    const zelenskyOrPutin = await timeline('&actor=volodymyr-zelensky&actor=vladimir-putin');
    for (const item of zelenskyOrPutin) {
      expect(item.actors.map((actor) => actor.id)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(volodymyr-zelensky|vladimir-putin)$/)]),
      );
    }
    const expectedCount = sampleDevelopments().filter((d) =>
      d.actors?.some((a: { id: string }) =>
        ['volodymyr-zelensky', 'vladimir-putin'].includes(a.id),
      ),
    ).length;
    expect(zelenskyOrPutin).toHaveLength(expectedCount);

    const trilateral = await timeline('&topic=trilateral-talks');
    expect(trilateral.map((item) => item.occurredUntil)).toEqual(['2025-12-20']);
    const combined = await timeline('&topic=ceasefire&actor=usa&from=2025-12-20');
    expect(combined).toHaveLength(1);
  });

  it('pages with a cursor: every development exactly once, in order, ending with null', async () => {
    for (const order of ['asc', 'desc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/v1/timeline?limit=5&order=${order}${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Item[]; nextCursor: string | null } = await system.getJson(query);
        seen.push(...page.items.map((item) => item.developmentId));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      const all = (await timeline(`&order=${order}`)).map((item) => item.developmentId);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(posted.length);
      expect(pages).toBe(Math.ceil(posted.length / 5));
    }
  });

  it('exposes Prometheus metrics on both services', async () => {
    const ingest = await (await fetch(`${system.ingestUrl}/metrics`)).text();
    expect(ingest).toContain(
      `newsline_ingest_developments_total{outcome="accepted",service="ingest"} ${posted.length}`,
    );
    expect(ingest).toMatch(/newsline_ingest_publish_seconds_count\{service="ingest"\} \d+/);
    const projector = await (await system.get('/metrics')).text();
    expect(projector).toContain(
      'newsline_projection_lag{projection="timeline",service="projector"} 0',
    );
    expect(projector).toContain(
      `newsline_projection_position{projection="positions",service="projector"} ${await system.lastSequence()}`,
    );
    expect(projector).toMatch(/newsline_projector_batch_events_sum\{service="projector"\} (\d+)/);
    expect(projector).toContain('newsline_process_resident_memory_bytes');
  });

  it('rejects bad query parameters with 400 naming each one', async () => {
    const response = await system.get(
      '/v1/timeline?from=2025-02-30&order=sideways&limit=501&cursor=bogus&actors=x',
    );
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: string; details: Array<{ path: string }> };
    expect(error.error).toBe('invalid_query');
    expect(error.details.map((detail) => detail.path).sort()).toEqual(
      ['actors', 'cursor', 'from', 'limit', 'order'].sort(),
    );
  });

  it('answers 404 for an unknown development and 400 for a malformed id', async () => {
    expect((await system.get('/v1/developments/6f1d3c8e-2b7a-5e4f-9a0c-4d5e6f7a8b9c')).status).toBe(
      404,
    );
    expect((await system.get('/v1/developments/not-a-uuid')).status).toBe(400);
  });

  it('reports the projections live at the head of the log, and both services healthy', async () => {
    const head = await system.lastSequence();
    expect(await system.getJson('/v1/projections')).toEqual(
      ['timeline', 'positions'].map((name) =>
        expect.objectContaining({
          name,
          status: 'live',
          position: head,
          head,
          lag: 0,
          rebuild: null,
        }),
      ),
    );
    expect((await system.get('/health')).status).toBe(200);
    expect((await fetch(`${system.ingestUrl}/health`)).status).toBe(200);
  });
});
