import { NEWS_EVENT_RECORDED } from '../news-event-recorded';
import { upcast, UPCASTERS } from './index';
import { newsEventRecordedV1ToV2 } from './news-event-recorded.v1';
import { Upcaster } from './upcaster';

/** A fake upcaster that appends its step to `data.steps`, so the order it ran in shows. */
function step(type: string, fromVersion: number): Upcaster {
  return {
    type,
    fromVersion,
    up: (data) => {
      const { steps } = data as { steps: string[] };
      return { steps: [...steps, `${type}@${fromVersion}`] };
    },
  };
}

// Deliberately listed out of order: the chain follows versions, not the list.
const fakes = [step('Thing', 3), step('Thing', 1), step('Other', 1), step('Thing', 2)];

describe('upcast', () => {
  it('runs the chain in version order up to the newest version', () => {
    expect(upcast('Thing', 1, { steps: [] }, fakes)).toEqual({
      version: 4,
      data: { steps: ['Thing@1', 'Thing@2', 'Thing@3'] },
    });
  });

  it('starts at the given version', () => {
    expect(upcast('Thing', 3, { steps: [] }, fakes)).toEqual({
      version: 4,
      data: { steps: ['Thing@3'] },
    });
  });

  it('stops at the newest version: data already there is returned as it is', () => {
    const data = { steps: [] };
    const result = upcast('Thing', 4, data, fakes);
    expect(result).toEqual({ version: 4, data: { steps: [] } });
    expect(result.data).toBe(data);
  });

  it('stops where the chain has a gap', () => {
    const gap = [step('Thing', 1), step('Thing', 3)];
    expect(upcast('Thing', 1, { steps: [] }, gap)).toEqual({
      version: 2,
      data: { steps: ['Thing@1'] },
    });
  });

  it("uses only the type's own upcasters", () => {
    expect(upcast('Other', 1, { steps: [] }, fakes)).toEqual({
      version: 2,
      data: { steps: ['Other@1'] },
    });
  });

  it('leaves data of an unknown type untouched, at its version', () => {
    const data = { steps: [] };
    const result = upcast('Unknown', 1, data, fakes);
    expect(result).toEqual({ version: 1, data });
    expect(result.data).toBe(data);
  });

  it('leaves a version newer than the chain knows untouched', () => {
    const data = { steps: [] };
    expect(upcast('Thing', 7, data, fakes)).toEqual({ version: 7, data });
  });

  describe('with the real upcasters (the default)', () => {
    it('holds the NewsEventRecorded 1 -> 2 upcaster', () => {
      expect(UPCASTERS).toContain(newsEventRecordedV1ToV2);
    });

    it('brings NewsEventRecorded version 1 to version 2', () => {
      const data = { development: { occurredOn: '2025-12-14' } };
      expect(upcast(NEWS_EVENT_RECORDED, 1, data)).toEqual({
        version: 2,
        data: { development: { occurredOn: '2025-12-14', occurredUntil: '2025-12-14' } },
      });
    });

    it('leaves NewsEventRecorded version 2 as it is', () => {
      const data = { development: { occurredOn: '2025-12-14' } };
      expect(upcast(NEWS_EVENT_RECORDED, 2, data)).toEqual({ version: 2, data });
    });
  });
});
