import { positionOf, positionsByTopic, StatementRecord } from './compute-positions';

let nextSequence = 1;
function statement(
  occurredOn: string,
  stance: string,
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
      stance: 'neutral',
      since: '2025-12-19',
      developmentId: statements[1].developmentId,
      quote: statements[1].quote,
    });
  });

  it('is never overridden by a development recorded late about an earlier date', () => {
    const newer = statement('2025-12-22', 'conditional', { sequence: 10 });
    const recordedLate = statement('2025-12-14', 'support', { sequence: 99 });
    expect(positionOf([newer, recordedLate], all)?.stance).toBe('conditional');
  });

  it('breaks a tie on the same day by the later-recorded development', () => {
    const first = statement('2025-12-19', 'support', { sequence: 5 });
    const later = statement('2025-12-19', 'oppose', { sequence: 6 });
    expect(positionOf([later, first], all)?.stance).toBe('oppose');
    expect(positionOf([first, later], all)?.stance).toBe('oppose');
  });

  it('breaks a tie within one development by the later statement', () => {
    const shared = { sequence: 7, developmentId: 'one' };
    const earlier = statement('2025-12-22', 'conditional', { ...shared, statementIndex: 0 });
    const later = statement('2025-12-22', 'support', { ...shared, statementIndex: 1 });
    expect(positionOf([later, earlier], all)?.stance).toBe('support');
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
});

describe('positionOf: asOf', () => {
  const statements = [
    statement('2025-12-02', 'support'),
    statement('2025-12-14', 'support'),
    statement('2025-12-22', 'conditional'),
  ];

  it('answers as if only statements up to that date existed, the date included', () => {
    expect(positionOf(statements, { ...all, asOf: '2025-12-21' })).toMatchObject({
      stance: 'support',
      since: '2025-12-02',
    });
    expect(positionOf(statements, { ...all, asOf: '2025-12-22' })?.stance).toBe('conditional');
  });

  it('has no position before the first statement', () => {
    expect(positionOf(statements, { ...all, asOf: '2025-12-01' })).toBeNull();
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
  });
});
