import { actorMerged, newsEventRetracted } from '@app/contracts';
import { recordedAt } from '@app/read-model/testing';
import type { ProjectedEvent } from './projection';
import { rounds } from './rounds';

const recorded = (sequence: number, key = sequence) =>
  recordedAt(
    sequence,
    { occurredOn: '2025-12-02', title: `Development ${key}` },
    `00000000-0000-5000-8000-${String(key).padStart(12, '0')}`,
  );
const retracted = (sequence: number, key: number): ProjectedEvent => ({
  sequence,
  event: newsEventRetracted({
    developmentId: `00000000-0000-5000-8000-${String(key).padStart(12, '0')}`,
    reason: 'denied',
  }),
});
const merged = (sequence: number): ProjectedEvent => ({
  sequence,
  event: actorMerged({ actorId: 'zelensky', into: 'volodymyr-zelensky', reason: null }),
});
const sequencesOf = (cut: ProjectedEvent[][]) => cut.map((round) => round.map((e) => e.sequence));

describe('rounds', () => {
  it('keeps a run of recordings together and puts every other event alone, in log order', () => {
    const events = [recorded(1), recorded(2), retracted(3, 1), recorded(4), merged(5), recorded(6)];
    expect(sequencesOf(rounds(events))).toEqual([[1, 2], [3], [4], [5], [6]]);
  });

  it('starts a new run when a development is recorded again', () => {
    expect(sequencesOf(rounds([recorded(1, 7), recorded(2, 8), recorded(3, 7)]))).toEqual([
      [1, 2],
      [3],
    ]);
  });

  it('has no rounds for no events', () => {
    expect(rounds([])).toEqual([]);
  });
});
