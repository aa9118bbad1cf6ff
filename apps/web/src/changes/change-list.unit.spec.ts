import { aChange } from '../testing/position-change-fixture';
import { changeKey, dayOf, groupByDay, mergeChanges } from './change-list';

describe('mergeChanges', () => {
  const one = aChange({ sequence: 1 });
  const twoA = aChange({ sequence: 2, topic: 'peace-plan' });
  const twoB = aChange({ sequence: 2, topic: 'western-pressure' });
  const three = aChange({ sequence: 3 });

  it('appends in log order and keeps the changes of one event in their order', () => {
    expect(mergeChanges([one], [twoA, twoB, three])).toEqual([one, twoA, twoB, three]);
  });

  it('places a change that arrives late where its sequence puts it', () => {
    expect(mergeChanges([one, three], [twoA])).toEqual([one, twoA, three]);
  });

  it('keeps a change once, however often it comes', () => {
    const again = aChange({ sequence: 2, topic: 'peace-plan' });
    expect(mergeChanges([one, twoA], [again, twoB, one])).toEqual([one, twoA, twoB]);
    expect(mergeChanges([one], [twoB, twoB])).toEqual([one, twoB]);
  });

  it('tells apart the actors and topics one event moved', () => {
    const other = aChange({ sequence: 2, actor: { id: 'usa', name: 'USA' } });
    expect(new Set([twoA, twoB, other].map(changeKey)).size).toBe(3);
  });
});

describe('groupByDay', () => {
  it('groups by the day of recording in the given time zone, in the order given', () => {
    const late = aChange({ sequence: 1, recordedAt: '2026-12-06T22:30:00.000Z' });
    const morning = aChange({ sequence: 2, recordedAt: '2026-12-07T08:00:00.000Z' });
    const evening = aChange({ sequence: 3, recordedAt: '2026-12-07T20:00:00.000Z' });
    expect(groupByDay([late, morning, evening], 'UTC')).toEqual([
      { day: '2026-12-06', changes: [late] },
      { day: '2026-12-07', changes: [morning, evening] },
    ]);
    // 00:30 on 7 December in Kyiv.
    expect(groupByDay([late, morning, evening], 'Europe/Kyiv')).toEqual([
      { day: '2026-12-07', changes: [late, morning, evening] },
    ]);
    expect(groupByDay([], 'UTC')).toEqual([]);
  });

  it('reads days as YYYY-MM-DD', () => {
    expect(dayOf('2026-01-05T12:00:00Z', 'UTC')).toBe('2026-01-05');
    expect(dayOf('2026-01-05T23:00:00Z', 'Asia/Tokyo')).toBe('2026-01-06');
  });
});
