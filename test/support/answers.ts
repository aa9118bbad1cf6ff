import { NewslineUnderTest } from './newsline-under-test';

/** A generated development about its own actor and topic, after every sample date. */
export function generated(index: number, batch: string) {
  return {
    occurredOn: `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}`,
    title: `Generated development ${batch}-${index}`,
    body: `Delegation ${index} met in round ${index % 7}.`,
    topics: [`${batch}-topic-${index % 5}`],
    actors: [{ name: `${batch} Actor ${index % 11}`, affiliation: 'generated' }],
    statements: [
      {
        actor: `${batch} Actor ${index % 11}`,
        topic: `${batch}-topic-${index % 5}`,
        stance: ['support', 'oppose', 'conditional', 'neutral'][index % 4],
        quote: `Quote ${index}`,
      },
    ],
  };
}

/** Every query answer the read models give, by path: what must survive a rebuild. */
export async function everyAnswer(system: NewslineUnderTest): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const read = async (path: string) => (answers[path] = await system.getJson(path));
  const timeline = (await read('/v1/timeline?limit=500&includeRetracted=true')) as {
    items: Array<{ developmentId: string }>;
  };
  await read('/v1/timeline?limit=500');
  for (const { developmentId } of timeline.items) await read(`/v1/developments/${developmentId}`);
  const actors = (await read('/v1/actors?limit=500')) as { items: Array<{ id: string }> };
  await read('/v1/actors?limit=500&sort=activity');
  for (const { id } of actors.items) {
    await read(`/v1/actors/${encodeURIComponent(id)}`);
    await read(`/v1/actors/${encodeURIComponent(id)}/positions`);
    await read(`/v1/actors/${encodeURIComponent(id)}/positions?asOf=2025-12-15`);
  }
  const topics = (await read('/v1/topics?limit=500')) as { items: Array<{ topic: string }> };
  for (const { topic } of topics.items) await read(`/v1/topics/${topic}/positions`);
  return answers;
}
