import type { StoredEvent } from '../event-envelope';
import {
  actorMergedV1ToV2,
  actorUnmergedV1ToV2,
  newsEventCorrectedV1ToV2,
  newsEventRecordedV2ToV3,
  newsEventRetractedV1ToV2,
  RECORDED_BY_UPCASTERS,
} from './recorded-by';

function stored(type: string, schemaVersion: number, extra: Record<string, unknown> = {}) {
  return {
    eventId: '0b9f4c7e-8d1a-4f5e-9c3b-2a1d0e9f8c7b',
    type,
    schemaVersion,
    recordedAt: '2025-12-16T08:00:00.000Z',
    correlationId: 'request-1',
    causationId: null,
    data: { developmentId: '23ce752c-aae0-5ea1-8b14-7e756275337b' },
    ...extra,
  } satisfies StoredEvent;
}

describe('the recordedBy upcasters', () => {
  it.each([
    ['NewsEventRecorded', 2, newsEventRecordedV2ToV3],
    ['NewsEventCorrected', 1, newsEventCorrectedV1ToV2],
    ['NewsEventRetracted', 1, newsEventRetractedV1ToV2],
    ['ActorMerged', 1, actorMergedV1ToV2],
    ['ActorUnmerged', 1, actorUnmergedV1ToV2],
  ])('upcast %s from version %i', (type, fromVersion, upcaster) => {
    expect(upcaster).toMatchObject({ type, fromVersion });
    expect(RECORDED_BY_UPCASTERS).toContain(upcaster);
  });

  it('are one per event type', () => {
    const types = RECORDED_BY_UPCASTERS.map((upcaster) => upcaster.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('add recordedBy: null and change nothing else', () => {
    const event = stored('NewsEventCorrected', 1);
    expect(newsEventCorrectedV1ToV2.up(event)).toEqual({ ...event, recordedBy: null });
  });

  it('make a name an old writer put in the envelope null: old versions know no recorder', () => {
    const event = stored('ActorMerged', 1, { recordedBy: 'mallory' });
    expect(actorMergedV1ToV2.up(event)).toEqual({ ...event, recordedBy: null });
  });

  it('do not mutate their input', () => {
    const event = stored('NewsEventRecorded', 2);
    const before = structuredClone(event);
    const upcasted = newsEventRecordedV2ToV3.up(event);
    expect(event).toEqual(before);
    expect(event).not.toHaveProperty('recordedBy');
    expect(upcasted).not.toBe(event);
    expect(upcasted.data).toBe(event.data);
  });
});
