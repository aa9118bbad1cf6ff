import { ActorIdentityState } from './actor-identity-state';
import { decideMerge, decideUnmerge } from './decide-merge';

const free = (actorId: string, lastSequence = 0): ActorIdentityState => ({
  actorId,
  merge: null,
  lastSequence,
});
const merged = (actorId: string, into: string, sequence: number): ActorIdentityState => ({
  actorId,
  merge: { into, eventId: `event-${sequence}`, sequence },
  lastSequence: sequence,
});

describe('decideMerge', () => {
  it('merges an actor into a canonical actor, with the reason', () => {
    expect(decideMerge(free('zelenskyy'), ['zelensky'], 'spelling')).toEqual({
      refused: null,
      data: { actorId: 'zelenskyy', into: 'zelensky', reason: 'spelling' },
    });
  });

  it('answers a repeat with the merge already made', () => {
    expect(decideMerge(merged('zelenskyy', 'zelensky', 7), ['zelensky'], null)).toEqual({
      refused: null,
      duplicate: { eventId: 'event-7', sequence: 7 },
    });
  });

  it('names the canonical actor when `into` is itself merged', () => {
    const decision = decideMerge(free('zelenskiy'), ['zelenskyy', 'zelensky'], null);
    expect(decision).toMatchObject({
      refused: 'merge_conflict',
      details: [{ path: 'into', canonical: 'zelensky' }],
    });
  });

  it('refuses a merge that would close a cycle, and one of an actor merged elsewhere', () => {
    expect(decideMerge(free('zelensky'), ['zelenskyy', 'zelensky'], null)).toMatchObject({
      refused: 'merge_conflict',
      message: expect.stringContaining('cycle'),
    });
    expect(decideMerge(merged('zelenskyy', 'zelensky', 3), ['someone'], null)).toMatchObject({
      refused: 'merge_conflict',
      details: [{ path: 'actorId', canonical: 'zelensky' }],
    });
  });
});

describe('decideUnmerge', () => {
  it('undoes a merge, and refuses an actor that is not merged', () => {
    expect(decideUnmerge(merged('zelenskyy', 'zelensky', 3))).toEqual({
      refused: null,
      data: { actorId: 'zelenskyy', from: 'zelensky' },
    });
    expect(decideUnmerge(free('zelenskyy', 4))).toMatchObject({ refused: 'not_merged' });
  });
});
