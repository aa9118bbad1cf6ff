import { hasRowsDatedInside, versionDate } from './versions-within-run';

describe('versions inside a run of recordings', () => {
  it('dates the first version to hold a row at the next multiple of the span', () => {
    expect([1, 63, 64, 65, 128, 129].map((sequence) => versionDate(sequence, 64))).toEqual([
      64, 64, 64, 128, 128, 192,
    ]);
  });

  it('finds rows dated inside a round only when a multiple of the span falls before its end', () => {
    const rows = (...sequences: number[]) => ({
      actors: sequences.map((sequence) => ({ sequence })),
      topics: [],
    });
    // A round of 60 to 64 ends at the multiple: its own row version is the round's.
    expect(hasRowsDatedInside(rows(60, 61, 64), 64, 64)).toBe(false);
    // A round of 60 to 70 has rows held by a version dated 64.
    expect(hasRowsDatedInside(rows(60, 70), 70, 64)).toBe(true);
    // A single recording past the multiple.
    expect(hasRowsDatedInside(rows(65), 65, 64)).toBe(false);
    expect(hasRowsDatedInside({ actors: [], topics: [{ sequence: 3 }] }, 9, 4)).toBe(true);
  });
});
