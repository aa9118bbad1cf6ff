import { STANCES } from '@app/contracts';
import type { ActorPositions } from '@app/contracts';
import {
  createTestDatabase,
  queryActorPositions,
  readStatementRecords,
  recordedAt,
  useTestDatabase,
} from '@app/read-model/testing';
import { applyBatch } from '../projections/apply-batch';
import { positionOf, positionsByTopic } from './compute-positions';
import { positionsProjection } from './positions.projection';
import { queryActorPositionsJson, queryTopicPositions } from './query-positions';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: the low bits of this generator repeat with a short period.
    return Math.floor((state / 2147483648) * below);
  };
}

describe('positions in SQL against the position rules (compute-positions.ts)', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const next = random(42);
    const events = Array.from({ length: 400 }, (_, i) => {
      // Few days and few actors: many ties on a day, long and short runs of one stance.
      const day = String(1 + next(12)).padStart(2, '0');
      const statements = Array.from({ length: 1 + next(3) }, () => ({
        actor: `Actor ${next(9)}`,
        topic: next(4) === 0 ? 'other-topic' : 'the-topic',
        stance: STANCES[next(4)],
      }));
      return recordedAt(i + 1, { occurredOn: `2025-12-${day}`, title: `d${i}`, statements });
    });
    for (let start = 0; start < events.length; start += 37) {
      await applyBatch(
        database.transactions,
        [positionsProjection],
        events.slice(start, start + 37),
      );
    }
  });

  /** What the rules in compute-positions.ts say, from every statement on the topic. */
  async function expected(asOf?: string) {
    const statements = await readStatementRecords(database.dataSource, { topic: 'the-topic' });
    const byActor = new Map<string, typeof statements>();
    for (const statement of statements) {
      byActor.set(statement.actorId, [...(byActor.get(statement.actorId) ?? []), statement]);
    }
    return [...byActor]
      .map(([actorId, series]) => ({
        actorId,
        position: positionOf(series, { asOf, historyLimit: 0 }),
      }))
      .filter(({ position }) => position !== null)
      .map(({ actorId, position }) => ({
        actorId,
        stance: position!.stance,
        since: position!.since,
        developmentId: position!.developmentId,
      }))
      .sort((a, b) => (a.actorId < b.actorId ? -1 : 1));
  }

  it.each([undefined, '2025-12-01', '2025-12-04', '2025-12-07', '2025-12-11'])(
    'gives every actor the stance, since and development the rules give (asOf %s)',
    async (asOf) => {
      const answer = await queryTopicPositions(database.dataSource, 'the-topic', { asOf });
      const actual = answer
        .map((position) => ({
          actorId: position.actor.id,
          stance: position.stance,
          since: position.since,
          developmentId: position.developmentId,
        }))
        .sort((a, b) => (a.actorId < b.actorId ? -1 : 1));
      const rules = await expected(asOf);
      expect(actual).toEqual(rules);
      if (asOf === undefined) expect(actual.length).toBe(9);
    },
  );

  it.each([
    [undefined, undefined, 100],
    [undefined, 'the-topic', 3],
    ['2025-12-04', undefined, 1],
    ['2025-12-07', 'other-topic', 0],
    ['2025-12-11', undefined, 1000],
  ])(
    'gives every actor the positions and history the rules give (asOf %s, topic %s, historyLimit %s)',
    async (asOf, topic, historyLimit) => {
      for (let actor = 0; actor < 9; actor++) {
        const actorId = `actor-${actor}`;
        const answer = await queryActorPositions(database.dataSource, actorId, {
          asOf,
          topic,
          historyLimit,
        });
        const statements = await readStatementRecords(database.dataSource, { actorId, topic });
        const rules = positionsByTopic(statements, { asOf, historyLimit });
        expect([actorId, answer!.positions]).toEqual([actorId, rules]);
        if (asOf === undefined && topic === undefined) expect(rules.length).toBeGreaterThan(0);
      }
    },
  );

  it('has no positions for an actor before their first statement', async () => {
    const answer = await queryActorPositions(database.dataSource, 'actor-0', {
      asOf: '2025-11-30',
      historyLimit: 100,
    });
    expect(answer!.positions).toEqual([]);
  });

  /** The answer with its keys in the order the API has always printed them. */
  function inApiOrder({ actor, positions }: ActorPositions): ActorPositions {
    return {
      actor,
      positions: positions.map(({ topic, stance, since, quote, developmentId, history }) => ({
        topic,
        stance,
        since,
        quote,
        developmentId,
        history: history.map(({ occurredOn, stance, quote, summary, developmentId }) => ({
          occurredOn,
          stance,
          quote,
          summary,
          developmentId,
        })),
      })),
    };
  }

  it('sends the answer byte for byte as printing it parsed did, whatever the text', async () => {
    const { dataSource: own, drop: dropOwn } = await createTestDatabase();
    try {
      const awkward = [
        'quotes " and \\" and a backslash \\',
        'separators inside text: {"a": 1, "b": [2, 3]}, ":" and ", "',
        'control characters: tab\t, newline\n, \u0001, \u001f, DEL \u007f',
        'Переговоры; emoji 😀; line separator \u2028; slash /',
      ];
      await applyBatch(
        own,
        [positionsProjection],
        awkward.map((text, i) =>
          recordedAt(i + 1, {
            occurredOn: `2025-12-0${i + 1}`,
            title: `d${i}`,
            statements: [
              { actor: 'Актор', topic: 'b-topic', stance: STANCES[i], quote: text },
              { actor: 'Актор', topic: 'a-topic', stance: STANCES[i], summary: text },
            ],
          }),
        ),
      );
      for (const options of [{ historyLimit: 100 }, { historyLimit: 2, asOf: '2025-12-03' }]) {
        const json = (await queryActorPositionsJson(own, 'актор', options))!;
        expect(json).toBe(JSON.stringify(inApiOrder(JSON.parse(json) as ActorPositions)));
        expect((JSON.parse(json) as ActorPositions).positions.map((p) => p.topic)).toEqual([
          'a-topic',
          'b-topic',
        ]);
      }
    } finally {
      await dropOwn();
    }
  });

  it('prints the answers on generated statements in the order the API has always had', async () => {
    for (let actor = 0; actor < 9; actor++) {
      const json = (await queryActorPositionsJson(database.dataSource, `actor-${actor}`, {
        historyLimit: 5,
      }))!;
      expect(json).toBe(JSON.stringify(inApiOrder(JSON.parse(json) as ActorPositions)));
    }
  });
});
