import {
  developmentIdFor,
  DevelopmentInput,
  NewsEvent,
  newsEventRecorded,
  normalizeDevelopment,
} from '@app/contracts';
import type { ProjectedEvent } from '../projections/projection';
import { developmentEventRows, recordedDevelopmentRows } from './timeline-rows';

let ids = 0;

function recorded(sequence: number, input: DevelopmentInput, key = `key-${sequence}`) {
  const event = newsEventRecorded(
    {
      developmentId: developmentIdFor(key),
      idempotencyKey: key,
      development: normalizeDevelopment(input),
    },
    {
      now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, sequence)),
      newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    },
  );
  return { sequence, event } satisfies ProjectedEvent;
}

const single = recorded(5, {
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  topics: ['peace-plan'],
  actors: [{ id: 'usa', name: 'United States' }, { name: 'Volodymyr Zelensky' }],
  statements: [{ actor: 'Rustem Umerov', topic: 'security-guarantees', stance: 'support' }],
});

const range = recorded(9, {
  occurredOn: '2025-12-19',
  occurredUntil: '2025-12-20',
  title: 'New rounds of negotiations',
});

describe('recordedDevelopmentRows', () => {
  it('makes one row of a recorded development', () => {
    expect(recordedDevelopmentRows([single])).toEqual([
      {
        development_id: single.event.data.developmentId,
        sequence: 5,
        occurred_on: '2025-12-14',
        occurred_end: '2025-12-14',
        recorded_at: '2025-12-16T08:00:05.000Z',
        topics: ['peace-plan', 'security-guarantees'],
        actor_ids: ['usa', 'volodymyr-zelensky', 'rustem-umerov'],
        document: single.event.data.development,
      },
    ]);
  });

  it('ends a single-day development on occurredOn', () => {
    expect(recordedDevelopmentRows([single])[0].occurred_end).toBe('2025-12-14');
  });

  it('ends a date range on occurredUntil', () => {
    const [row] = recordedDevelopmentRows([range]);
    expect(row.occurred_on).toBe('2025-12-19');
    expect(row.occurred_end).toBe('2025-12-20');
  });

  it('lists the ids of all actors, including those added by statements', () => {
    expect(recordedDevelopmentRows([single])[0].actor_ids).toContain('rustem-umerov');
  });

  it('gives an empty actor list to a development without actors', () => {
    expect(recordedDevelopmentRows([range])[0].actor_ids).toEqual([]);
  });

  it('keeps the order of the events and their log sequences', () => {
    expect(recordedDevelopmentRows([range, single]).map((row) => row.sequence)).toEqual([9, 5]);
  });

  it('makes no rows of no events', () => {
    expect(recordedDevelopmentRows([])).toEqual([]);
  });

  it('ignores events of other types', () => {
    const other = {
      sequence: 11,
      event: { ...single.event, type: 'NewsEventRetracted' } as unknown as NewsEvent,
    };
    expect(recordedDevelopmentRows([single, other]).map((row) => row.sequence)).toEqual([5]);
  });
});

describe('developmentEventRows', () => {
  it('makes one history row per event', () => {
    expect(developmentEventRows([single, range])).toEqual([
      {
        sequence: 5,
        development_id: single.event.data.developmentId,
        type: 'NewsEventRecorded',
        event_id: single.event.eventId,
        recorded_at: single.event.recordedAt,
      },
      {
        sequence: 9,
        development_id: range.event.data.developmentId,
        type: 'NewsEventRecorded',
        event_id: range.event.eventId,
        recorded_at: range.event.recordedAt,
      },
    ]);
  });
});
