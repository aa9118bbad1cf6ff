import { aChange } from '../testing/position-change-fixture';
import {
  arrivedText,
  changeEventLabel,
  changeSentence,
  stateText,
  timeOfDay,
  transitionText,
} from './change-text';

describe('what a change says', () => {
  it('says a stance that moved, and since when the new one holds', () => {
    const change = aChange({
      sequence: 13,
      eventType: 'NewsEventCorrected',
      before: { stance: 'conditional', since: '2025-12-22' },
      after: { stance: 'oppose', since: '2025-12-22' },
    });
    expect(changeSentence(change)).toBe(
      'Rustem Umerov on peace-plan: conditional → oppose (since 22 Dec 2025)',
    );
  });

  it('says a position that began', () => {
    expect(transitionText(aChange({ sequence: 1 }))).toBe(
      'no position → support (since 14 Dec 2025)',
    );
  });

  it('says a position that ended, with the day it had held since', () => {
    const retracted = aChange({
      sequence: 20,
      eventType: 'NewsEventRetracted',
      before: { stance: 'support', since: '2025-12-14' },
      after: null,
    });
    expect(transitionText(retracted)).toBe('support (since 14 Dec 2025) → no position');
  });

  it('names the states and the events', () => {
    expect(stateText(null)).toBe('no position');
    expect(stateText({ stance: 'neutral', since: '2025-12-19' })).toBe('neutral');
    expect(changeEventLabel('NewsEventRecorded')).toBe('New development');
    expect(changeEventLabel('NewsEventCorrected')).toBe('Correction');
    expect(changeEventLabel('ActorMerged')).toBe('Merge');
    expect(changeEventLabel('SomethingNew')).toBe('SomethingNew');
  });

  it('gives the time of day of the recording', () => {
    expect(timeOfDay('2026-12-07T10:02:30.000Z', 'UTC')).toBe('10:02');
    expect(timeOfDay('2026-12-07T10:02:30.000Z', 'Europe/Kyiv')).toBe('12:02');
  });

  it('announces changes that arrive', () => {
    const first = aChange({ sequence: 30 });
    const second = aChange({ sequence: 31, topic: 'ceasefire', actor: { id: 'usa', name: 'USA' } });
    expect(arrivedText([])).toBe('');
    expect(arrivedText([first])).toBe(
      'New change: Rustem Umerov on peace-plan: no position → support (since 14 Dec 2025)',
    );
    expect(arrivedText([first, second])).toBe(
      '2 new changes, the last: USA on ceasefire: no position → support (since 14 Dec 2025)',
    );
  });
});
