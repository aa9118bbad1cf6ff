import fc from 'fast-check';
import { isStorableText, newsEventRetracted } from '@app/contracts';
import {
  createTestDatabase,
  queryTimeline,
  recordedAt,
  useTestDatabase,
} from '@app/read-model/testing';
import { READ_MODEL_SCHEMA } from '../database/read-model-schema';
import { applyBatch } from '../projections/apply-batch';
import {
  DEVELOPMENT_VIEW_COLUMNS,
  DevelopmentViewRow,
  toDevelopmentView,
} from './development-view';
import { queryTimelineJson, TimelineQuery } from './query-timeline';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';
import { timelineProjection } from './timeline.projection';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

const december = (day: number) => `2025-12-${String(day).padStart(2, '0')}`;

/** Text that JSON escapes, or that looks like JSON's punctuation inside a string. */
const AWKWARD_TEXT = [
  'quotes " and \\" and a backslash \\ at the end \\',
  'separators inside text: {"a": 1, "b": [2, 3]}, ":" and ", "',
  'control characters: tab\t, newline\n, \r, \b, \f, \u0001, \u001f, DEL \u007f',
  'Переговоры в Женеве; emoji 😀; line separator \u2028 and \u2029; slash /',
];

describe('the timeline in SQL', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const next = random(7);
    const events = Array.from({ length: 60 }, (_, i) => {
      // Many developments a day, and some of several days that span the ranges asked for.
      const day = 1 + next(20);
      const days = next(4) === 0 ? 1 + next(6) : 0;
      return recordedAt(i + 1, {
        occurredOn: december(day),
        ...(days > 0 && { occurredUntil: december(Math.min(31, day + days)) }),
        title: `d${i} ${AWKWARD_TEXT[i % AWKWARD_TEXT.length]}`,
        ...(i % 3 === 0 && { body: AWKWARD_TEXT[(i + 1) % AWKWARD_TEXT.length] }),
        ...(i % 5 === 0 && {
          source: { name: 'Wire', url: 'https://example.org/a?b=c&d="e"' },
        }),
        topics: ['peace-plan'],
        actors: [{ name: 'Первый Актор', affiliation: 'some-party' }],
        statements: [{ actor: 'Первый Актор', topic: 'ceasefire', stance: 'support' }],
      });
    });
    const retractions = [3, 17, 40].map((index, i) => ({
      sequence: 61 + i,
      event: newsEventRetracted({
        developmentId: events[index].event.data.developmentId,
        reason: `retracted "${index}" \\ ${AWKWARD_TEXT[i]}`,
      }),
    }));
    await applyBatch(database.transactions, [timelineProjection], events);
    await applyBatch(database.transactions, [timelineProjection], retractions);
  });

  /** Every development in the table, as the filters and the order see it. */
  async function everyDevelopment() {
    return database.dataSource.query<
      Array<{ id: string; on: string; end: string; sequence: number; retracted: boolean }>
    >(
      `SELECT development_id AS id, occurred_on::text AS on, occurred_end::text AS end,
              sequence::int AS sequence, retracted IS NOT NULL AS retracted
         FROM ${READ_MODEL_SCHEMA}.developments`,
    );
  }

  /** Every page from the first, following nextCursor. */
  async function allPages(query: TimelineQuery) {
    const pages = [];
    let after: TimelineQuery['after'];
    do {
      const page = await queryTimeline(database.dataSource, { ...query, after });
      pages.push(page);
      after = page.nextCursor ? decodeTimelineCursor(page.nextCursor)! : undefined;
    } while (after);
    return pages;
  }

  it.each([
    ['2025-12-05', '2025-12-09'],
    ['2025-12-10', '2025-12-10'],
    ['2025-12-12', undefined],
    [undefined, '2025-12-06'],
    ['2025-12-22', '2025-12-30'],
    ['2025-11-01', '2025-11-30'],
    [undefined, undefined],
  ])(
    'pages the developments overlapping %s..%s in either order, across page boundaries',
    async (from, to) => {
      const every = await everyDevelopment();
      for (const includeRetracted of [false, true]) {
        const expected = every
          .filter((d) => (!from || d.end >= from) && (!to || d.on <= to))
          .filter((d) => includeRetracted || !d.retracted)
          .sort((a, b) => (a.on === b.on ? a.sequence - b.sequence : a.on < b.on ? -1 : 1))
          .map((d) => d.id);
        for (const order of ['asc', 'desc'] as const) {
          const pages = await allPages({ from, to, order, limit: 4, includeRetracted });
          const ids = pages.flatMap((page) => page.items.map((item) => item.developmentId));
          const want = order === 'asc' ? expected : [...expected].reverse();
          expect([from, to, order, includeRetracted, ids]).toEqual([
            from,
            to,
            order,
            includeRetracted,
            want,
          ]);
          expect(pages.length).toBe(Math.max(1, Math.ceil(want.length / 4)));
        }
      }
      // Some ranges here start inside developments of several days.
      if (from === '2025-12-05') {
        expect(every.some((d) => d.on < from && d.end >= from && !d.retracted)).toBe(true);
      }
    },
  );

  /** The page as it was put together before: every document parsed, then printed. */
  async function pageByParsing(query: TimelineQuery): Promise<string> {
    const rows = await database.dataSource.query<DevelopmentViewRow[]>(
      `SELECT ${DEVELOPMENT_VIEW_COLUMNS} FROM ${READ_MODEL_SCHEMA}.developments
        ${query.includeRetracted ? '' : 'WHERE retracted IS NULL'}
        ORDER BY occurred_on ${query.order}, sequence ${query.order} LIMIT $1`,
      [query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map(toDevelopmentView);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > query.limit && last
        ? encodeTimelineCursor({
            occurredOn: last.occurredOn,
            sequence: last.sequence,
            order: query.order,
          })
        : null;
    return JSON.stringify({ items, nextCursor });
  }

  it.each([
    { order: 'asc', limit: 100, includeRetracted: true },
    { order: 'desc', limit: 7, includeRetracted: false },
  ] as const)('sends byte for byte what printing the parsed page did (%o)', async (query) => {
    expect(await queryTimelineJson(database.dataSource, query)).toBe(await pageByParsing(query));
  });

  it.each(['asc', 'desc'] as const)(
    'finds the same pages of a search whether its matches are sorted or read in order (%s)',
    async (order) => {
      // fewMatches 1: the matches are more than few, and the timeline is walked in order.
      const pages = async (fewMatches?: number) => {
        const items: Array<{ title: string; body?: string; occurredOn: string; sequence: number }> =
          [];
        let cursor: string | null = null;
        do {
          const query: TimelineQuery = {
            order,
            limit: 4,
            text: 'separators',
            after: cursor ? (decodeTimelineCursor(cursor) ?? undefined) : undefined,
          };
          const page = JSON.parse(
            await queryTimelineJson(database.dataSource, query, { fewMatches }),
          ) as { items: typeof items; nextCursor: string | null };
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return items;
      };
      const sorted = await pages();
      // Stemmed: "separators" finds "separator" too.
      expect(sorted.length).toBeGreaterThan(8);
      expect(sorted.every((item) => `${item.title} ${item.body}`.includes('separator'))).toBe(true);
      const keys = sorted.map((item) => `${item.occurredOn} ${String(item.sequence).padStart(3)}`);
      const inOrder = [...keys].sort();
      expect(keys).toEqual(order === 'asc' ? inOrder : inOrder.reverse());
      expect(await pages(1)).toEqual(sorted);
    },
  );

  it('sends any text byte for byte as printing the parsed document did', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter(isStorableText);
    const developments = fc.sample(
      fc.record({ title: text, body: text, location: text, quote: text, name: text }),
      { numRuns: 200, seed: 11 },
    );
    const { dataSource: own, drop: dropOwn } = await createTestDatabase();
    try {
      await applyBatch(
        own,
        [timelineProjection],
        developments.map(({ title, body, location, quote, name }, i) =>
          recordedAt(i + 1, {
            occurredOn: '2025-12-01',
            title: `t${title}`,
            body,
            location,
            actors: [{ name: `n${name}` }],
            statements: [{ actor: `n${name}`, topic: 'ceasefire', stance: 'neutral', quote }],
          }),
        ),
      );
      const query = { order: 'asc', limit: 1000 } as const;
      const json = await queryTimelineJson(own, query);
      const rows = await own.query<DevelopmentViewRow[]>(
        `SELECT ${DEVELOPMENT_VIEW_COLUMNS} FROM ${READ_MODEL_SCHEMA}.developments
          ORDER BY occurred_on, sequence`,
      );
      expect(json).toBe(JSON.stringify({ items: rows.map(toDevelopmentView), nextCursor: null }));
      expect(rows).toHaveLength(developments.length);
    } finally {
      await dropOwn();
    }
  });
});
