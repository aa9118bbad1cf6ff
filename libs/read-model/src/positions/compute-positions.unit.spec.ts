import type { Stance } from '@app/contracts';
import { positionOf, positionsByTopic, StatementRecord } from './compute-positions';

let nextSequence = 1;
function statement(
  occurredOn: string,
  stance: Stance,
  overrides: Partial<StatementRecord> = {},
): StatementRecord {
  const sequence = overrides.sequence ?? nextSequence++;
  return {
    developmentId: `development-${sequence}`,
    statementIndex: 0,
    topic: 'peace-plan',
    stance,
    quote: `quote ${sequence}`,
    summary: null,
    occurredOn,
    sequence,
    ...overrides,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [
      item,
      ...rest,
    ]),
  );
}

const all = { historyLimit: 100 };

describe('positionOf: the current stance', () => {
  it('is the stance of the statement with the latest occurredOn', () => {
    const statements = [
      statement('2025-12-02', 'support'),
      statement('2025-12-19', 'neutral'),
      statement('2025-12-10', 'oppose'),
    ];
    expect(positionOf(statements, all)).toMatchObject({
      topic: 'peace-plan',
      stance: 'neutral',
      since: '2025-12-19',
      developmentId: statements[1].developmentId,
      quote: statements[1].quote,
    });
  });

  it('takes quote and developmentId from the current statement, even when its quote is null', () => {
    const statements = [
      statement('2025-12-02', 'support', { quote: 'earlier words', developmentId: 'a' }),
      statement('2025-12-09', 'support', { quote: null, developmentId: 'b' }),
    ];
    expect(positionOf(statements, all)).toMatchObject({
      stance: 'support',
      since: '2025-12-02',
      quote: null,
      developmentId: 'b',
    });
  });

  it('is never overridden by a development recorded late about an earlier date', () => {
    const newer = statement('2025-12-22', 'conditional', { sequence: 10 });
    const recordedLate = statement('2025-12-14', 'support', { sequence: 99 });
    expect(positionOf([newer, recordedLate], all)).toMatchObject({
      stance: 'conditional',
      since: '2025-12-22',
      developmentId: newer.developmentId,
      quote: newer.quote,
    });
    expect(positionOf([recordedLate, newer], all)?.stance).toBe('conditional');
  });

  it('places a late-recorded statement at its date, where it can break a run', () => {
    const statements = [
      statement('2025-12-01', 'support', { sequence: 1 }),
      statement('2025-12-10', 'support', { sequence: 2 }),
      statement('2025-12-05', 'oppose', { sequence: 9 }),
    ];
    const position = positionOf(statements, all);
    expect(position).toMatchObject({ stance: 'support', since: '2025-12-10' });
    expect(position?.history.map((entry) => entry.occurredOn)).toEqual([
      '2025-12-01',
      '2025-12-05',
      '2025-12-10',
    ]);
  });

  it('breaks a tie on the same day by the later-recorded development', () => {
    const first = statement('2025-12-19', 'support', { sequence: 5 });
    const later = statement('2025-12-19', 'oppose', { sequence: 6 });
    expect(positionOf([later, first], all)).toMatchObject({
      stance: 'oppose',
      developmentId: later.developmentId,
      quote: later.quote,
    });
    expect(positionOf([first, later], all)?.stance).toBe('oppose');
  });

  it('breaks a tie within one development by the later statement', () => {
    const shared = { sequence: 7, developmentId: 'one' };
    const earlier = statement('2025-12-22', 'conditional', { ...shared, statementIndex: 0 });
    const later = statement('2025-12-22', 'support', { ...shared, statementIndex: 1 });
    expect(positionOf([later, earlier], all)?.stance).toBe('support');
    expect(positionOf([earlier, later], all)?.stance).toBe('support');
  });

  it('breaks a tie by sequence before statementIndex', () => {
    const olderDevelopment = statement('2025-12-22', 'oppose', { sequence: 3, statementIndex: 4 });
    const newerDevelopment = statement('2025-12-22', 'neutral', { sequence: 4, statementIndex: 0 });
    expect(positionOf([newerDevelopment, olderDevelopment], all)?.stance).toBe('neutral');
    expect(positionOf([olderDevelopment, newerDevelopment], all)?.stance).toBe('neutral');
  });

  it('gives the same answer for every order of arrival', () => {
    const statements = [
      statement('2025-12-02', 'support', { sequence: 3 }),
      statement('2025-12-06', 'support', { sequence: 1 }),
      statement('2025-12-14', 'oppose', { sequence: 5 }),
      statement('2025-12-14', 'conditional', { sequence: 4 }),
      statement('2025-12-22', 'oppose', { sequence: 2 }),
    ];
    const expected = positionOf(statements, all);
    expect(expected).toMatchObject({ stance: 'oppose', since: '2025-12-14' });
    for (const order of permutations(statements)) {
      expect(positionOf(order, all)).toEqual(expected);
    }
  });

  it('gives the same answer for every order when ties need both sequence and statementIndex', () => {
    const shared = { sequence: 20, developmentId: 'shared' };
    const statements = [
      statement('2025-12-19', 'neutral', { ...shared, statementIndex: 1 }),
      statement('2025-12-19', 'oppose', { ...shared, statementIndex: 0 }),
      statement('2025-12-19', 'support', { sequence: 8 }),
      statement('2025-12-02', 'neutral', { sequence: 30 }),
      statement('2025-12-20', 'neutral', { sequence: 2 }),
    ];
    const expected = positionOf(statements, all);
    // Story order: 02 neutral, 19 support (8), 19 oppose (20/0), 19 neutral (20/1), 20 neutral.
    expect(expected).toMatchObject({ stance: 'neutral', since: '2025-12-19' });
    expect(expected?.history.map((entry) => entry.stance)).toEqual([
      'neutral',
      'support',
      'oppose',
      'neutral',
      'neutral',
    ]);
    const asOf = { historyLimit: 3, asOf: '2025-12-19' };
    const expectedAsOf = positionOf(statements, asOf);
    expect(expectedAsOf).toMatchObject({ stance: 'neutral', since: '2025-12-19' });
    expect(expectedAsOf?.history.map((entry) => entry.stance)).toEqual([
      'support',
      'oppose',
      'neutral',
    ]);
    for (const order of permutations(statements)) {
      expect(positionOf(order, all)).toEqual(expected);
      expect(positionOf(order, asOf)).toEqual(expectedAsOf);
    }
  });

  it('leaves its input as it was', () => {
    const statements = [statement('2025-12-09', 'oppose'), statement('2025-12-01', 'support')];
    const copy = statements.map((entry) => ({ ...entry }));
    positionOf(statements, { ...all, asOf: '2025-12-05' });
    positionOf(statements, all);
    positionsByTopic(statements, all);
    expect(statements).toEqual(copy);
  });
});

describe('positionOf: since', () => {
  it('is the start of the unbroken run of the current stance', () => {
    const statements = [
      statement('2025-12-01', 'support'),
      statement('2025-12-02', 'support'),
      statement('2025-12-03', 'oppose'),
      statement('2025-12-04', 'oppose'),
    ];
    expect(positionOf(statements, all)).toMatchObject({ stance: 'oppose', since: '2025-12-03' });
  });

  it('restarts when a stance changes and changes back', () => {
    const statements = [
      statement('2025-12-01', 'support'),
      statement('2025-12-02', 'oppose'),
      statement('2025-12-03', 'support'),
    ];
    expect(positionOf(statements, all)).toMatchObject({ stance: 'support', since: '2025-12-03' });
  });

  it('is the first statement when the stance never changed', () => {
    const statements = [statement('2025-12-05', 'neutral'), statement('2025-12-09', 'neutral')];
    expect(positionOf(statements, all)?.since).toBe('2025-12-05');
  });

  it('follows the tie order within a day', () => {
    const changedOnTheLastDay = [
      statement('2025-12-01', 'oppose', { sequence: 1 }),
      statement('2025-12-02', 'oppose', { sequence: 2 }),
      statement('2025-12-02', 'support', { sequence: 3 }),
    ];
    expect(positionOf(changedOnTheLastDay, all)).toMatchObject({
      stance: 'support',
      since: '2025-12-02',
    });
    const opposeRunAcrossDays = [
      statement('2025-12-01', 'oppose', { sequence: 11 }),
      statement('2025-12-02', 'support', { sequence: 10 }),
      statement('2025-12-02', 'oppose', { sequence: 12 }),
      statement('2025-12-03', 'oppose', { sequence: 13 }),
    ];
    expect(positionOf(opposeRunAcrossDays, all)).toMatchObject({
      stance: 'oppose',
      since: '2025-12-02',
    });
  });

  it('is counted within the statements up to asOf', () => {
    const statements = [
      statement('2025-12-01', 'support'),
      statement('2025-12-02', 'oppose'),
      statement('2025-12-03', 'support'),
    ];
    expect(positionOf(statements, { ...all, asOf: '2025-12-01' })).toMatchObject({
      stance: 'support',
      since: '2025-12-01',
    });
    expect(positionOf(statements, { ...all, asOf: '2025-12-02' })).toMatchObject({
      stance: 'oppose',
      since: '2025-12-02',
    });
    expect(positionOf(statements, { ...all, asOf: '2025-12-31' })).toMatchObject({
      stance: 'support',
      since: '2025-12-03',
    });
  });
});

describe('positionOf: asOf', () => {
  const statements = [
    statement('2025-12-02', 'support', { quote: 'first' }),
    statement('2025-12-14', 'support', { quote: 'second' }),
    statement('2025-12-22', 'conditional', { quote: 'third' }),
  ];

  it('answers as if only statements up to that date existed, the date included', () => {
    expect(positionOf(statements, { ...all, asOf: '2025-12-21' })).toMatchObject({
      stance: 'support',
      since: '2025-12-02',
      quote: 'second',
      developmentId: statements[1].developmentId,
    });
    expect(positionOf(statements, { ...all, asOf: '2025-12-22' })).toMatchObject({
      stance: 'conditional',
      since: '2025-12-22',
      quote: 'third',
      developmentId: statements[2].developmentId,
    });
    expect(positionOf(statements, { ...all, asOf: '2025-12-02' })).toMatchObject({
      stance: 'support',
      since: '2025-12-02',
      quote: 'first',
    });
  });

  it('is the same as giving only the statements up to that date', () => {
    for (const asOf of ['2025-12-02', '2025-12-13', '2025-12-14', '2025-12-22', '2026-01-01']) {
      const upTo = statements.filter((entry) => entry.occurredOn <= asOf);
      expect(positionOf(statements, { ...all, asOf })).toEqual(positionOf(upTo, all));
    }
  });

  it('has no position before the first statement', () => {
    expect(positionOf(statements, { ...all, asOf: '2025-12-01' })).toBeNull();
    expect(positionOf(statements, { ...all, asOf: '1900-01-01' })).toBeNull();
    expect(positionOf([], all)).toBeNull();
  });

  it('leaves later statements out of the history', () => {
    const position = positionOf(statements, { ...all, asOf: '2025-12-14' });
    expect(position?.history.map((entry) => entry.occurredOn)).toEqual([
      '2025-12-02',
      '2025-12-14',
    ]);
  });
});

describe('positionOf: history', () => {
  it('holds the latest historyLimit statements in occurredOn order', () => {
    const statements = [
      statement('2025-12-04', 'oppose'),
      statement('2025-12-01', 'support'),
      statement('2025-12-03', 'support'),
      statement('2025-12-02', 'neutral'),
    ];
    const position = positionOf(statements, { historyLimit: 3 });
    expect(position?.history.map((entry) => [entry.occurredOn, entry.stance])).toEqual([
      ['2025-12-02', 'neutral'],
      ['2025-12-03', 'support'],
      ['2025-12-04', 'oppose'],
    ]);
    expect(position?.history[2]).toEqual({
      occurredOn: '2025-12-04',
      stance: 'oppose',
      quote: statements[0].quote,
      summary: null,
      developmentId: statements[0].developmentId,
    });
  });

  it('holds every statement when there are fewer than historyLimit, and only the current at 1', () => {
    const statements = [
      statement('2025-12-03', 'support', { summary: 'third' }),
      statement('2025-12-01', 'oppose', { summary: 'first' }),
      statement('2025-12-02', 'oppose', { summary: 'second' }),
    ];
    expect(positionOf(statements, all)?.history.map((entry) => entry.summary)).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(positionOf(statements, { historyLimit: 3 })?.history).toHaveLength(3);
    expect(positionOf(statements, { historyLimit: 1 })?.history).toEqual([
      {
        occurredOn: '2025-12-03',
        stance: 'support',
        quote: statements[0].quote,
        summary: 'third',
        developmentId: statements[0].developmentId,
      },
    ]);
  });

  it('orders statements of the same day as the tie rule does, and the last entry is current', () => {
    const statements = [
      statement('2025-12-05', 'oppose', { sequence: 42, developmentId: 'late' }),
      statement('2025-12-05', 'support', { sequence: 41, developmentId: 'x', statementIndex: 1 }),
      statement('2025-12-05', 'neutral', { sequence: 41, developmentId: 'x', statementIndex: 0 }),
    ];
    const position = positionOf(statements, all);
    expect(position?.history.map((entry) => entry.stance)).toEqual([
      'neutral',
      'support',
      'oppose',
    ]);
    expect(position?.history[position.history.length - 1]).toMatchObject({
      stance: position?.stance,
      developmentId: position?.developmentId,
      quote: position?.quote,
    });
  });
});

describe('positionsByTopic', () => {
  it('gives one position per topic, ordered by topic, leaving out topics with none by asOf', () => {
    const statements = [
      statement('2025-12-20', 'oppose', { topic: 'trilateral-talks' }),
      statement('2025-12-02', 'support', { topic: 'peace-plan' }),
      statement('2025-12-09', 'conditional', { topic: 'ceasefire' }),
    ];
    expect(positionsByTopic(statements, all).map((p) => [p.topic, p.stance])).toEqual([
      ['ceasefire', 'conditional'],
      ['peace-plan', 'support'],
      ['trilateral-talks', 'oppose'],
    ]);
    expect(
      positionsByTopic(statements, { ...all, asOf: '2025-12-10' }).map((p) => p.topic),
    ).toEqual(['ceasefire', 'peace-plan']);
    expect(positionsByTopic(statements, { ...all, asOf: '2025-12-01' })).toEqual([]);
    expect(positionsByTopic([], all)).toEqual([]);
  });

  it('groups the statements of each topic apart from the others', () => {
    const statements = [
      statement('2025-12-01', 'support', { topic: 'peace-plan' }),
      statement('2025-12-02', 'oppose', { topic: 'ceasefire' }),
      statement('2025-12-03', 'support', { topic: 'peace-plan' }),
      statement('2025-12-04', 'support', { topic: 'ceasefire' }),
      statement('2025-12-05', 'oppose', { topic: 'peace-plan' }),
    ];
    const positions = positionsByTopic(statements, all);
    expect(positions).toEqual([
      positionOf(
        statements.filter((entry) => entry.topic === 'ceasefire'),
        all,
      ),
      positionOf(
        statements.filter((entry) => entry.topic === 'peace-plan'),
        all,
      ),
    ]);
    expect(positions.map((p) => [p.topic, p.stance, p.since, p.history.length])).toEqual([
      ['ceasefire', 'support', '2025-12-04', 2],
      ['peace-plan', 'oppose', '2025-12-05', 3],
    ]);
    expect(
      positionsByTopic(statements, { ...all, asOf: '2025-12-03' }).map((p) => [
        p.topic,
        p.stance,
        p.since,
      ]),
    ).toEqual([
      ['ceasefire', 'oppose', '2025-12-02'],
      ['peace-plan', 'support', '2025-12-01'],
    ]);
  });

  it('gives the same positions for every order of arrival', () => {
    const statements = [
      statement('2025-12-14', 'support', { topic: 'western-pressure', sequence: 3 }),
      statement('2025-12-02', 'support', { topic: 'peace-plan', sequence: 5 }),
      statement('2025-12-22', 'conditional', { topic: 'peace-plan', sequence: 1 }),
      statement('2025-12-22', 'neutral', { topic: 'peace-plan', sequence: 2 }),
      statement('2025-12-06', 'oppose', { topic: 'ceasefire', sequence: 4 }),
    ];
    const expected = positionsByTopic(statements, all);
    expect(expected.map((p) => [p.topic, p.stance, p.since])).toEqual([
      ['ceasefire', 'oppose', '2025-12-06'],
      ['peace-plan', 'neutral', '2025-12-22'],
      ['western-pressure', 'support', '2025-12-14'],
    ]);
    const asOf = { ...all, asOf: '2025-12-10' };
    const expectedAsOf = positionsByTopic(statements, asOf);
    expect(expectedAsOf.map((p) => [p.topic, p.stance])).toEqual([
      ['ceasefire', 'oppose'],
      ['peace-plan', 'support'],
    ]);
    for (const order of permutations(statements)) {
      expect(positionsByTopic(order, all)).toEqual(expected);
      expect(positionsByTopic(order, asOf)).toEqual(expectedAsOf);
    }
  });
});
