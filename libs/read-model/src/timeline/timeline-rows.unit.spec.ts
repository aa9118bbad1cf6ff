import {
  Development,
  developmentIdFor,
  LoggedEvent,
  DevelopmentInput,
  newsEventCorrected,
  newsEventRecorded,
  newsEventRetracted,
  normalizeDevelopment,
} from '@app/contracts';
import { developmentChanges } from '../projections/development-changes';
import type { ProjectedEvent } from '../projections/projection';
import { developmentEventRows, developmentUpdateRows, newDevelopmentRows } from './timeline-rows';

function context(sequence: number, recordedBy: string | null = null) {
  return {
    now: () => new Date(Date.UTC(2025, 11, 16, 8, 0, sequence)),
    newId: () => `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    recordedBy,
  };
}

function recorded(sequence: number, input: DevelopmentInput, key = `key-${sequence}`) {
  const data = {
    developmentId: developmentIdFor(key),
    idempotencyKey: key,
    development: normalizeDevelopment(input),
  };
  return { sequence, event: newsEventRecorded(data, context(sequence)) } satisfies ProjectedEvent;
}

function corrected(
  sequence: number,
  of: LoggedEvent,
  revision: number,
  development: Development,
  recordedBy: string | null = null,
) {
  const data = { developmentId: of.event.data.developmentId, revision, changed: [], development };
  const event = newsEventCorrected(data, context(sequence, recordedBy));
  return { sequence, event } satisfies ProjectedEvent;
}

function retracted(sequence: number, of: LoggedEvent, reason = 'duplicate') {
  const data = { developmentId: of.event.data.developmentId, reason };
  return { sequence, event: newsEventRetracted(data, context(sequence)) } satisfies ProjectedEvent;
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

const moved = normalizeDevelopment({
  occurredOn: '2025-12-21',
  occurredUntil: '2025-12-22',
  title: 'New rounds of negotiations, moved',
  actors: [{ name: 'Keir Starmer' }],
  topics: ['sanctions'],
});

const newRows = (events: ProjectedEvent[]) => newDevelopmentRows(developmentChanges(events));
const updateRows = (events: ProjectedEvent[]) => developmentUpdateRows(developmentChanges(events));

describe('newDevelopmentRows', () => {
  it('makes one row of a recorded development', () => {
    expect(newRows([single])).toEqual([
      {
        development_id: single.event.data.developmentId,
        sequence: 5,
        last_sequence: 5,
        revision: 1,
        recorded_at: '2025-12-16T08:00:05.000Z',
        retracted: null,
        occurred_on: '2025-12-14',
        occurred_end: '2025-12-14',
        topics: ['peace-plan', 'security-guarantees'],
        actor_ids: ['usa', 'volodymyr-zelensky', 'rustem-umerov'],
        document: single.event.data.development,
      },
    ]);
  });

  it('ends a single-day development on occurredOn', () => {
    expect(newRows([single])[0].occurred_end).toBe('2025-12-14');
  });

  it('ends a date range on occurredUntil', () => {
    const [row] = newRows([range]);
    expect(row.occurred_on).toBe('2025-12-19');
    expect(row.occurred_end).toBe('2025-12-20');
  });

  it('lists the ids of all actors, including those added by statements', () => {
    expect(newRows([single])[0].actor_ids).toContain('rustem-umerov');
  });

  it('gives an empty actor list to a development without actors', () => {
    expect(newRows([range])[0].actor_ids).toEqual([]);
  });

  it('keeps the order of the developments and their log sequences', () => {
    expect(newRows([range, single]).map((row) => row.sequence)).toEqual([9, 5]);
  });

  it('makes no rows of no changes', () => {
    expect(newDevelopmentRows([])).toEqual([]);
  });

  it('writes a development corrected in the same batch as the correction leaves it', () => {
    const [row] = newRows([range, corrected(11, range, 2, moved)]);
    expect(row).toMatchObject({
      sequence: 9,
      last_sequence: 11,
      revision: 2,
      recorded_at: '2025-12-16T08:00:09.000Z',
      occurred_on: '2025-12-21',
      occurred_end: '2025-12-22',
      topics: ['sanctions'],
      actor_ids: ['keir-starmer'],
      document: moved,
    });
  });

  it('writes a development retracted in the same batch as retracted', () => {
    const [row] = newRows([single, retracted(6, single, 'reported twice')]);
    expect(row.retracted).toEqual({ reason: 'reported twice', sequence: 6 });
    expect(row.last_sequence).toBe(6);
    expect(row.document).toEqual(single.event.data.development);
  });

  it('makes no row of a development recorded in an earlier batch', () => {
    expect(newRows([corrected(11, range, 2, moved), retracted(12, single)])).toEqual([]);
  });
});

describe('developmentUpdateRows', () => {
  it('updates the content and the revision of a development recorded earlier', () => {
    const events = [
      corrected(11, range, 2, normalizeDevelopment({ occurredOn: '2025-12-19', title: 'x' })),
      corrected(12, range, 3, moved),
    ];
    expect(updateRows(events)).toEqual([
      {
        development_id: range.event.data.developmentId,
        last_sequence: 12,
        revision: 3,
        retracted: null,
        occurred_on: '2025-12-21',
        occurred_end: '2025-12-22',
        topics: ['sanctions'],
        actor_ids: ['keir-starmer'],
        document: moved,
      },
    ]);
  });

  it('leaves the content alone (null columns) when the batch only retracts', () => {
    expect(updateRows([retracted(13, single, 'withdrawn')])).toEqual([
      {
        development_id: single.event.data.developmentId,
        last_sequence: 13,
        revision: null,
        retracted: { reason: 'withdrawn', sequence: 13 },
        occurred_on: null,
        occurred_end: null,
        topics: null,
        actor_ids: null,
        document: null,
      },
    ]);
  });

  it('makes no update of a development recorded in the same batch', () => {
    expect(updateRows([range, corrected(11, range, 2, moved), retracted(12, range)])).toEqual([]);
  });

  it('splits a mixed batch: the new development is created, the earlier one updated', () => {
    const events = [single, corrected(11, range, 2, moved)];
    expect(newRows(events).map((row) => row.development_id)).toEqual([
      single.event.data.developmentId,
    ]);
    expect(updateRows(events).map((row) => row.development_id)).toEqual([
      range.event.data.developmentId,
    ]);
  });
});

describe('developmentEventRows', () => {
  it('makes one history row per event, of every type, in order, with who recorded it', () => {
    const correction = corrected(11, range, 2, moved, 'alice');
    const retraction = retracted(12, range);
    expect(developmentEventRows([single, range, correction, retraction])).toEqual([
      {
        sequence: 5,
        development_id: single.event.data.developmentId,
        type: 'NewsEventRecorded',
        event_id: single.event.eventId,
        recorded_at: single.event.recordedAt,
        recorded_by: null,
      },
      {
        sequence: 9,
        development_id: range.event.data.developmentId,
        type: 'NewsEventRecorded',
        event_id: range.event.eventId,
        recorded_at: range.event.recordedAt,
        recorded_by: null,
      },
      {
        sequence: 11,
        development_id: range.event.data.developmentId,
        type: 'NewsEventCorrected',
        event_id: correction.event.eventId,
        recorded_at: '2025-12-16T08:00:11.000Z',
        recorded_by: 'alice',
      },
      {
        sequence: 12,
        development_id: range.event.data.developmentId,
        type: 'NewsEventRetracted',
        event_id: retraction.event.eventId,
        recorded_at: '2025-12-16T08:00:12.000Z',
        recorded_by: null,
      },
    ]);
  });

  it('makes no rows of no events', () => {
    expect(developmentEventRows([])).toEqual([]);
  });
});
