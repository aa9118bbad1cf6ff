import { NewslineUnderTest } from './support/newsline-under-test';
import { sampleDevelopments } from './support/sample';

interface BatchAnswer {
  accepted: number;
  duplicates: number;
  invalid: number;
  results: Array<{
    index: number;
    line?: number;
    status: string;
    developmentId?: string;
    eventId?: string;
    sequence?: number;
    details?: Array<{ path: string; message: string }>;
  }>;
}

describe('POST /v1/developments/batch', () => {
  let system: NewslineUnderTest;

  beforeAll(async () => {
    system = await NewslineUnderTest.start();
  });

  afterAll(() => system?.stop());

  const postNdjson = (lines: string[]) =>
    fetch(`${system.ingestUrl}/v1/developments/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: lines.join('\n') + '\n',
    });

  it('records valid items, reports invalid ones by index, and answers duplicates in input order', async () => {
    const [first, second, third] = sampleDevelopments();
    const alone = await system.post('/v1/developments', first);
    expect(alone.status).toBe(202);
    const original = (await alone.json()) as {
      developmentId: string;
      eventId: string;
      sequence: number;
    };

    const response = await system.post('/v1/developments/batch', [
      second,
      { ...third, occurredOn: '2025-02-30', extra: true },
      first,
      { idempotencyKey: 'batch-key-1', development: third },
      { idempotencyKey: 'bad key', development: third },
      second,
    ]);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer).toMatchObject({ accepted: 2, duplicates: 2, invalid: 2 });
    expect(answer.results.map((result) => [result.index, result.status])).toEqual([
      [0, 'accepted'],
      [1, 'invalid'],
      [2, 'duplicate'],
      [3, 'accepted'],
      [4, 'invalid'],
      [5, 'duplicate'],
    ]);
    expect(answer.results[1].details!.map((detail) => detail.path).sort()).toEqual(
      ['extra', 'occurredOn'].sort(),
    );
    expect(answer.results[4].details).toEqual([
      { path: 'idempotencyKey', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
    // The same ids as a post of the item alone: the earlier post's, and one another post gets.
    expect(answer.results[2]).toMatchObject({
      developmentId: original.developmentId,
      eventId: original.eventId,
      sequence: original.sequence,
    });
    expect(answer.results[5]).toMatchObject({
      developmentId: answer.results[0].developmentId,
      sequence: answer.results[0].sequence,
    });
    const keyed = await system.post('/v1/developments', third, {
      'idempotency-key': 'batch-key-1',
    });
    expect(keyed.status).toBe(200);
    expect(await keyed.json()).toMatchObject({
      developmentId: answer.results[3].developmentId,
      duplicate: true,
    });

    // The log holds exactly the three developments recorded.
    expect(await system.lastSequence()).toBe(3);
    await system.caughtUp();
    const timeline = await system.getJson('/v1/timeline');
    expect(timeline.items.map((item: { title: string }) => item.title).sort()).toEqual(
      [first.title, second.title, third.title].sort(),
    );
  });

  it('takes NDJSON, and a broken line in the middle spoils only that item', async () => {
    const developments = sampleDevelopments().slice(3, 6);
    const lines = [
      JSON.stringify(developments[0]),
      '{"occurredOn": "2025-12-01", "title": ',
      '',
      JSON.stringify(developments[1]),
      JSON.stringify({ idempotencyKey: 'ndjson-1', development: developments[2] }),
    ];
    const response = await postNdjson(lines);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer).toMatchObject({ accepted: 3, duplicates: 0, invalid: 1 });
    expect(answer.results.map((result) => [result.index, result.line, result.status])).toEqual([
      [0, 1, 'accepted'],
      [1, 2, 'invalid'],
      [2, 4, 'accepted'],
      [3, 5, 'accepted'],
    ]);
    expect(answer.results[1].details![0].message).toMatch(/^line 2 is not valid JSON/);

    // Sending the same file again records nothing twice.
    const again = (await (await postNdjson(lines)).json()) as BatchAnswer;
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, invalid: 1 });
    expect(again.results.map((result) => result.developmentId)).toEqual(
      answer.results.map((result) => result.developmentId),
    );
  });

  it('refuses an empty batch, a batch of more than 1,000 items, and a body that is not a list', async () => {
    const empty = await system.post('/v1/developments/batch', []);
    expect(empty.status).toBe(400);
    const tooMany = await system.post(
      '/v1/developments/batch',
      Array.from({ length: 1001 }, (_, i) => ({ occurredOn: '2025-12-01', title: `t${i}` })),
    );
    expect(tooMany.status).toBe(400);
    expect(
      ((await tooMany.json()) as { details: Array<{ message: string }> }).details[0].message,
    ).toMatch(/at most 1000/);
    const object = await system.post('/v1/developments/batch', {
      occurredOn: '2025-12-01',
      title: 't',
    });
    expect(object.status).toBe(400);
    expect(((await object.json()) as { error: string }).error).toBe('validation_failed');
  });

  it('takes bodies up to 10 MiB, answers 413 above, and keeps NDJSON off the single-item endpoint', async () => {
    const body = 'x'.repeat(19_000);
    const big = Array.from({ length: 500 }, (_, i) => ({
      occurredOn: '2025-12-01',
      title: `big ${i}`,
      body,
    }));
    const accepted = await system.post('/v1/developments/batch', big);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as BatchAnswer).accepted).toBe(500);
    const tooBig = await system.post('/v1/developments/batch', [
      ...big,
      ...big.map((item) => ({ ...item, title: `${item.title} again` })),
    ]);
    expect(tooBig.status).toBe(413);
    const ndjsonAlone = await fetch(`${system.ingestUrl}/v1/developments`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: JSON.stringify(sampleDevelopments()[0]),
    });
    expect(ndjsonAlone.status).toBe(415);
  });
});
