import { aChange } from '../testing/position-change-fixture';
import { parseChangeEvent } from './change-event';

describe('parseChangeEvent', () => {
  it('reads a change message, Cyrillic and markup kept as text', () => {
    const change = aChange({
      sequence: 42,
      actor: { id: 'умєров', name: '<b>Умєров</b>' },
      before: { stance: 'support', since: '2025-12-14' },
      after: { stance: 'conditional', since: '2025-12-22' },
    });
    expect(parseChangeEvent(JSON.stringify(change))).toEqual(change);
  });

  it('reads a merge, which has no development, recorded while writes were open', () => {
    const merge = aChange({
      sequence: 43,
      eventType: 'ActorMerged',
      developmentId: null,
      recordedBy: null,
    });
    expect(parseChangeEvent(JSON.stringify(merge))).toEqual(merge);
  });

  const valid = aChange({ sequence: 1 });
  it.each([
    ['not JSON', 'not json'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a text sequence', JSON.stringify({ ...valid, sequence: '1' })],
    ['an unknown event', JSON.stringify({ ...valid, eventType: 'Unknown' })],
    ['no actor', JSON.stringify({ ...valid, actor: null })],
    ['an actor without id', JSON.stringify({ ...valid, actor: { name: 'x' } })],
    ['no topic', JSON.stringify({ ...valid, topic: '' })],
    ['an unknown stance', JSON.stringify({ ...valid, after: { stance: 'maybe', since: 'x' } })],
    ['a state without since', JSON.stringify({ ...valid, before: { stance: 'support' } })],
  ])('refuses %s', (_what, data) => {
    expect(parseChangeEvent(data)).toBeNull();
  });
});
