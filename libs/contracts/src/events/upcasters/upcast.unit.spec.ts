import type { StoredEvent } from '../event-envelope';
import { NEWS_EVENT_RECORDED } from '../news-event-recorded';
import { upcast, UPCASTERS } from './index';
import { newsEventRecordedV1ToV2 } from './news-event-recorded.v1';
import { RECORDED_BY_UPCASTERS } from './recorded-by';
import { dataUpcaster, Upcaster } from './upcaster';

/** A fake upcaster that appends its step to `data.steps`, so the order it ran in shows. */
function step(type: string, fromVersion: number): Upcaster {
  return {
    type,
    fromVersion,
    up: (event) => {
      const { steps } = event.data as { steps: string[] };
      return { ...event, data: { steps: [...steps, `${type}@${fromVersion}`] } };
    },
  };
}

function stored(type: string, schemaVersion: number, data: unknown): StoredEvent {
  return {
    eventId: '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b',
    type,
    schemaVersion,
    recordedAt: '2025-12-16T08:00:00.000Z',
    correlationId: 'request-1',
    causationId: null,
    data,
  };
}

// Deliberately listed out of order: the chain follows versions, not the list.
const fakes = [step('Thing', 3), step('Thing', 1), step('Other', 1), step('Thing', 2)];

describe('upcast', () => {
  it('runs the chain in version order up to the newest version', () => {
    expect(upcast(stored('Thing', 1, { steps: [] }), fakes)).toEqual(
      stored('Thing', 4, { steps: ['Thing@1', 'Thing@2', 'Thing@3'] }),
    );
  });

  it('starts at the given version', () => {
    expect(upcast(stored('Thing', 3, { steps: [] }), fakes)).toEqual(
      stored('Thing', 4, { steps: ['Thing@3'] }),
    );
  });

  it('stops at the newest version: an event already there is returned as it is', () => {
    const event = stored('Thing', 4, { steps: [] });
    expect(upcast(event, fakes)).toBe(event);
  });

  it('stops where the chain has a gap', () => {
    const gap = [step('Thing', 1), step('Thing', 3)];
    expect(upcast(stored('Thing', 1, { steps: [] }), gap)).toEqual(
      stored('Thing', 2, { steps: ['Thing@1'] }),
    );
  });

  it("uses only the type's own upcasters", () => {
    expect(upcast(stored('Other', 1, { steps: [] }), fakes)).toEqual(
      stored('Other', 2, { steps: ['Other@1'] }),
    );
  });

  it('leaves an event of an unknown type untouched, at its version', () => {
    const event = stored('Unknown', 1, { steps: [] });
    expect(upcast(event, fakes)).toBe(event);
  });

  it('leaves a version newer than the chain knows untouched', () => {
    const event = stored('Thing', 7, { steps: [] });
    expect(upcast(event, fakes)).toBe(event);
  });

  it('lets upcasters change the envelope, and keeps its other fields', () => {
    const named: Upcaster = { type: 'Thing', fromVersion: 1, up: (e) => ({ ...e, by: 'x' }) };
    const event = { ...stored('Thing', 1, 1), extra: true };
    expect(upcast(event, [named])).toEqual({ ...event, schemaVersion: 2, by: 'x' });
  });

  it('does not mutate the stored event', () => {
    const event = stored('Thing', 1, { steps: [] });
    const before = structuredClone(event);
    upcast(event, fakes);
    expect(event).toEqual(before);
  });

  describe('dataUpcaster', () => {
    it('changes only the data', () => {
      const double = dataUpcaster('Thing', 1, (data) => (data as number) * 2);
      expect(double.up(stored('Thing', 1, 21))).toEqual(stored('Thing', 1, 42));
    });

    it('returns the event itself when the data stays the same', () => {
      const same = dataUpcaster('Thing', 1, (data) => data);
      const event = stored('Thing', 1, { a: 1 });
      expect(same.up(event)).toBe(event);
    });
  });

  describe('with the real upcasters (the default)', () => {
    it('holds the NewsEventRecorded 1 -> 2 upcaster and one recordedBy step per type', () => {
      expect(UPCASTERS).toContain(newsEventRecordedV1ToV2);
      for (const upcaster of RECORDED_BY_UPCASTERS) expect(UPCASTERS).toContain(upcaster);
    });

    it('holds one upcaster per type and version', () => {
      const steps = UPCASTERS.map((u) => `${u.type}@${u.fromVersion}`);
      expect(new Set(steps).size).toBe(steps.length);
    });

    it('brings NewsEventRecorded version 1 to version 3, through 2', () => {
      const data = { development: { occurredOn: '2025-12-14' } };
      expect(upcast(stored(NEWS_EVENT_RECORDED, 1, data))).toEqual({
        ...stored(NEWS_EVENT_RECORDED, 3, {
          development: { occurredOn: '2025-12-14', occurredUntil: '2025-12-14' },
        }),
        recordedBy: null,
      });
    });

    it('brings NewsEventRecorded version 2 to version 3 with recordedBy null', () => {
      const data = { development: { occurredOn: '2025-12-14' } };
      expect(upcast(stored(NEWS_EVENT_RECORDED, 2, data))).toEqual({
        ...stored(NEWS_EVENT_RECORDED, 3, data),
        recordedBy: null,
      });
    });

    it('leaves NewsEventRecorded version 3 as it is', () => {
      const event = { ...stored(NEWS_EVENT_RECORDED, 3, {}), recordedBy: 'alice' };
      expect(upcast(event)).toBe(event);
    });

    it.each(['NewsEventCorrected', 'NewsEventRetracted', 'ActorMerged', 'ActorUnmerged'])(
      'brings %s version 1 to version 2 with recordedBy null',
      (type) => {
        const event = stored(type, 1, { reason: 'x' });
        expect(upcast(event)).toEqual({ ...event, schemaVersion: 2, recordedBy: null });
      },
    );
  });
});
