import { canonicalActors, changedCanonicals } from './canonical-actors';

describe('canonicalActors', () => {
  it('follows chains of merges to where they end', () => {
    const canonical = canonicalActors([
      { actorId: 'a', into: 'b', sequence: 1 },
      { actorId: 'b', into: 'c', sequence: 2 },
      { actorId: 'd', into: 'c', sequence: 3 },
    ]);
    expect(Object.fromEntries(canonical)).toEqual({ a: 'c', b: 'c', d: 'c' });
  });

  it('sets aside the latest merge of a cycle, whatever order the merges are listed in', () => {
    const edges = [
      { actorId: 'a', into: 'b', sequence: 5 },
      { actorId: 'b', into: 'c', sequence: 9 },
      { actorId: 'c', into: 'a', sequence: 7 },
      { actorId: 'x', into: 'a', sequence: 1 },
    ];
    const expected = { a: 'b', b: 'b', c: 'b', x: 'b' };
    expect(Object.fromEntries(canonicalActors(edges))).toEqual(expected);
    expect(Object.fromEntries(canonicalActors([...edges].reverse()))).toEqual(expected);
  });
});

describe('changedCanonicals', () => {
  it('lists the actors whose canonical actor changed, with both', () => {
    const before = new Map([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const after = new Map([
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(changedCanonicals(before, after)).toEqual([
      { actorId: 'a', from: 'b', to: 'a' },
      { actorId: 'e', from: 'e', to: 'f' },
    ]);
  });
});
