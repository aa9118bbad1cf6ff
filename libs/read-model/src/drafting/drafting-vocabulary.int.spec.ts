import { PROJECTIONS } from '../projections/all-projections';
import { actorMerged, newsEventRetracted } from '@app/contracts';
import { recordedAt, useTestDatabase } from '@app/read-model/testing';
import { applyBatch } from '../projections/apply-batch';
import type { ProjectedEvent } from '../projections/projection';
import { queryDraftingVocabulary } from './drafting-vocabulary';

/** The development recordedAt(4, ...) records. */
const RETRACTED = '00000000-0000-5000-8000-000000000004';

const merged = (sequence: number, actorId: string, into: string): ProjectedEvent => ({
  sequence,
  event: actorMerged(
    { actorId, into, reason: null },
    { now: () => new Date(Date.UTC(2025, 11, 20, 0, 0, sequence)) },
  ),
});

describe('the vocabulary drafts resolve names against', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const events: ProjectedEvent[] = [
      recordedAt(1, {
        occurredOn: '2025-12-02',
        title: 'Zelensky in Ireland',
        topics: ['peace-plan'],
        actors: [
          { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
          { id: 'russia', name: 'Russia' },
        ],
      }),
      recordedAt(2, {
        occurredOn: '2025-12-05',
        title: 'Зеленський про план',
        topics: ['peace-plan', 'security-guarantees'],
        actors: [{ name: 'Володимир Зеленський' }, { id: 'usa', name: 'United States' }],
      }),
      recordedAt(3, {
        occurredOn: '2025-12-06',
        title: 'Talks with Kremlin',
        actors: [{ name: 'the Kremlin' }, { id: 'usa', name: 'USA' }],
      }),
      recordedAt(4, {
        occurredOn: '2025-12-07',
        title: 'Retracted later',
        topics: ['sanctions'],
        actors: [{ name: 'Nobody Real' }],
      }),
      merged(5, 'володимир-зеленський', 'volodymyr-zelensky'),
      merged(6, 'the-kremlin', 'russia'),
      merged(7, 'moscow', 'russia'),
      // A merge into an actor no development has named yet.
      merged(8, 'kyiv', 'ukraine'),
      {
        sequence: 9,
        event: newsEventRetracted(
          { developmentId: RETRACTED, reason: 'false' },
          { now: () => new Date(Date.UTC(2025, 11, 21)) },
        ),
      },
    ];
    await applyBatch(database.transactions, PROJECTIONS, events);
  });

  it('lists canonical actors with the names developments gave them and the ids merged into them', async () => {
    const { actors } = await queryDraftingVocabulary(database.dataSource);
    const byId = new Map(actors.map((actor) => [actor.id, actor]));
    expect(byId.get('volodymyr-zelensky')).toEqual({
      id: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      aliases: ['Володимир Зеленський', 'володимир-зеленський'],
      affiliation: 'ukraine',
    });
    expect(byId.get('russia')).toEqual({
      id: 'russia',
      name: 'Russia',
      aliases: ['moscow', 'the Kremlin', 'the-kremlin'],
      affiliation: null,
    });
    // The latest name is the actor's name; the earlier ones are aliases.
    expect(byId.get('usa')).toMatchObject({ name: 'USA', aliases: ['United States'] });
    expect(byId.get('ukraine')).toEqual({
      id: 'ukraine',
      name: 'ukraine',
      aliases: ['kyiv'],
      affiliation: null,
    });
    expect(byId.has('nobody-real')).toBe(false);
    // Merged actors appear only as aliases of the actor they were merged into.
    for (const mergedId of ['володимир-зеленський', 'the-kremlin', 'moscow', 'kyiv']) {
      expect(byId.has(mergedId)).toBe(false);
    }
  });

  it('lists the topics in use, most developments first, not those of retracted ones', async () => {
    const { topics } = await queryDraftingVocabulary(database.dataSource);
    expect(topics).toEqual(['peace-plan', 'security-guarantees']);
  });
});
