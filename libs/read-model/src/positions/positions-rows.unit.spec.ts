import {
  Development,
  developmentIdFor,
  newsEventCorrected,
  newsEventRecorded,
  newsEventRetracted,
  normalizeDevelopment,
} from '@app/contracts';
import { developmentChanges } from '../projections/development-changes';
import type { ProjectedEvent } from '../projections/projection';
import {
  CountedDevelopment,
  developmentActorRows,
  developmentTopicRows,
  positionChanges,
  statementRows,
} from './positions-rows';

function context(sequence: number) {
  return {
    now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, sequence)),
    newId: () => `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  };
}

const berlin = normalizeDevelopment({
  occurredOn: '2025-12-14',
  occurredUntil: '2025-12-15',
  title: 'Berlin talks',
  topics: ['peace-plan'],
  actors: [
    { name: 'Volodymyr Zelensky', affiliation: 'ukraine' },
    { id: 'usa', name: 'USA' },
  ],
  statements: [
    { actor: 'usa', topic: 'peace-plan', stance: 'support', quote: 'Productive' },
    { actor: 'Rustem Umerov', topic: 'security-guarantees', stance: 'conditional' },
  ],
});

const corrected = normalizeDevelopment({
  occurredOn: '2025-12-14',
  title: 'Berlin talks, corrected',
  statements: [{ actor: 'Keir Starmer', topic: 'sanctions', stance: 'oppose', summary: 'No' }],
});

function recorded(sequence: number, key: string, development: Development = berlin) {
  const data = { developmentId: developmentIdFor(key), idempotencyKey: key, development };
  return { sequence, event: newsEventRecorded(data, context(sequence)) } satisfies ProjectedEvent;
}

function correction(sequence: number, key: string, development: Development = corrected) {
  const data = { developmentId: developmentIdFor(key), revision: 2, changed: [], development };
  return { sequence, event: newsEventCorrected(data, context(sequence)) } satisfies ProjectedEvent;
}

function retraction(sequence: number, key: string) {
  const data = { developmentId: developmentIdFor(key), reason: 'duplicate' };
  return { sequence, event: newsEventRetracted(data, context(sequence)) } satisfies ProjectedEvent;
}

const of = (events: ProjectedEvent[]) => positionChanges(developmentChanges(events));

const a = developmentIdFor('a');
const b = developmentIdFor('b');

describe('positionChanges', () => {
  it('counts a development recorded in the batch and replaces nothing', () => {
    expect(of([recorded(3, 'a')])).toEqual({
      replaced: [],
      counted: [{ developmentId: a, development: berlin, sequence: 3 }],
    });
  });

  it('lets a retracted development count for nothing and replaces its earlier rows', () => {
    expect(of([retraction(8, 'a')])).toEqual({ replaced: [a], counted: [] });
  });

  it('replaces and counts a development corrected after an earlier batch, at the correction’s sequence', () => {
    expect(of([correction(8, 'a')])).toEqual({
      replaced: [a],
      counted: [{ developmentId: a, development: corrected, sequence: 8 }],
    });
  });

  it('neither replaces nor counts a development recorded, then retracted in the same batch', () => {
    expect(of([recorded(3, 'a'), retraction(4, 'a')])).toEqual({ replaced: [], counted: [] });
  });

  it('counts a development recorded, then corrected in the same batch once, as corrected', () => {
    expect(of([recorded(3, 'a'), correction(5, 'a')])).toEqual({
      replaced: [],
      counted: [{ developmentId: a, development: corrected, sequence: 5 }],
    });
  });

  it('does not count a development corrected, then retracted in the same batch', () => {
    expect(of([correction(5, 'a'), retraction(6, 'a')])).toEqual({ replaced: [a], counted: [] });
  });

  it('handles several developments of one batch independently', () => {
    expect(of([recorded(9, 'b'), correction(10, 'a'), retraction(11, 'b')])).toEqual({
      replaced: [a],
      counted: [{ developmentId: a, development: corrected, sequence: 10 }],
    });
    expect(of([recorded(9, 'b'), retraction(11, 'a')]).counted.map((c) => c.developmentId)).toEqual(
      [b],
    );
  });
});

describe('rows of counted developments', () => {
  const counted: CountedDevelopment[] = [
    { developmentId: a, development: berlin, sequence: 3 },
    { developmentId: b, development: corrected, sequence: 8 },
  ];

  it('makes one topic row per topic, with the development’s period and the sequence it holds from', () => {
    expect(developmentTopicRows(counted)).toEqual([
      {
        development_id: a,
        topic: 'peace-plan',
        occurred_on: '2025-12-14',
        occurred_end: '2025-12-15',
        sequence: 3,
      },
      {
        development_id: a,
        topic: 'security-guarantees',
        occurred_on: '2025-12-14',
        occurred_end: '2025-12-15',
        sequence: 3,
      },
      {
        development_id: b,
        topic: 'sanctions',
        occurred_on: '2025-12-14',
        occurred_end: '2025-12-14',
        sequence: 8,
      },
    ]);
  });

  it('makes one statement row per statement, indexed, with null for a missing quote or summary', () => {
    expect(statementRows(counted)).toEqual([
      {
        development_id: a,
        statement_index: 0,
        actor_id: 'usa',
        topic: 'peace-plan',
        stance: 'support',
        quote: 'Productive',
        summary: null,
        occurred_on: '2025-12-14',
        sequence: 3,
      },
      {
        development_id: a,
        statement_index: 1,
        actor_id: 'rustem-umerov',
        topic: 'security-guarantees',
        stance: 'conditional',
        quote: null,
        summary: null,
        occurred_on: '2025-12-14',
        sequence: 3,
      },
      {
        development_id: b,
        statement_index: 0,
        actor_id: 'keir-starmer',
        topic: 'sanctions',
        stance: 'oppose',
        quote: null,
        summary: 'No',
        occurred_on: '2025-12-14',
        sequence: 8,
      },
    ]);
  });

  it('makes one actor row per actor, including those statements added', () => {
    expect(developmentActorRows(counted)).toEqual([
      {
        development_id: a,
        actor_id: 'volodymyr-zelensky',
        name: 'Volodymyr Zelensky',
        affiliation: 'ukraine',
        occurred_on: '2025-12-14',
        sequence: 3,
      },
      {
        development_id: a,
        actor_id: 'usa',
        name: 'USA',
        affiliation: null,
        occurred_on: '2025-12-14',
        sequence: 3,
      },
      {
        development_id: a,
        actor_id: 'rustem-umerov',
        name: 'Rustem Umerov',
        affiliation: null,
        occurred_on: '2025-12-14',
        sequence: 3,
      },
      {
        development_id: b,
        actor_id: 'keir-starmer',
        name: 'Keir Starmer',
        affiliation: null,
        occurred_on: '2025-12-14',
        sequence: 8,
      },
    ]);
  });

  it('makes no rows of nothing counted', () => {
    expect(developmentTopicRows([])).toEqual([]);
    expect(statementRows([])).toEqual([]);
    expect(developmentActorRows([])).toEqual([]);
  });
});
