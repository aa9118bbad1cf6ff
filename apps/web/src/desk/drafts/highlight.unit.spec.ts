import { highlightSegments, mergeRanges } from './highlight';

describe('mergeRanges', () => {
  it('sorts, and joins ranges that overlap or touch', () => {
    expect(
      mergeRanges([
        { start: 30, end: 40 },
        { start: 0, end: 5 },
        { start: 3, end: 8 },
        { start: 8, end: 10 },
        { start: 35, end: 38 },
      ]),
    ).toEqual([
      { start: 0, end: 10 },
      { start: 30, end: 40 },
    ]);
  });

  it('drops empty and reversed ranges, and keeps the rest within the text', () => {
    expect(
      mergeRanges(
        [
          { start: 4, end: 4 },
          { start: 9, end: 2 },
          { start: -3, end: 2 },
          { start: 18, end: 99 },
          { start: 25, end: 30 },
        ],
        20,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 18, end: 20 },
    ]);
  });

  it('leaves the ranges it was given alone', () => {
    const ranges = [
      { start: 0, end: 5 },
      { start: 2, end: 9 },
    ];
    mergeRanges(ranges);
    expect(ranges).toEqual([
      { start: 0, end: 5 },
      { start: 2, end: 9 },
    ]);
  });
});

describe('highlightSegments', () => {
  const text = 'On Monday Kallas met Sybiha in Brussels. Nothing else.';
  const join = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');

  it('cuts the text where evidence begins and ends, and gives it back whole', () => {
    const segments = highlightSegments(text, [
      [
        { start: 3, end: 9 },
        { start: 10, end: 16 },
      ],
    ]);
    expect(segments.map(({ text: piece, drafts }) => [piece, drafts])).toEqual([
      ['On ', []],
      ['Monday', [0]],
      [' ', []],
      ['Kallas', [0]],
      [' met Sybiha in Brussels. Nothing else.', []],
    ]);
    expect(join(segments)).toBe(text);
  });

  it('says which drafts cover each piece where their evidence overlaps', () => {
    const segments = highlightSegments(text, [[{ start: 0, end: 16 }], [{ start: 10, end: 27 }]]);
    expect(segments.map(({ text: piece, drafts }) => [piece, drafts])).toEqual([
      ['On Monday ', [0]],
      ['Kallas', [0, 1]],
      [' met Sybiha', [1]],
      [' in Brussels. Nothing else.', []],
    ]);
  });

  it('joins the overlapping evidence of one draft into one highlight', () => {
    const segments = highlightSegments(text, [
      [
        { start: 10, end: 16 },
        { start: 3, end: 12 },
        { start: 16, end: 20 },
      ],
    ]);
    expect(segments.filter((segment) => segment.drafts.length > 0)).toEqual([
      { start: 3, end: 20, text: 'Monday Kallas met', drafts: [0], unplaced: [] },
    ]);
  });

  it('marks the unplaced passages apart from the evidence', () => {
    const segments = highlightSegments(text, [[{ start: 3, end: 9 }]], [{ start: 41, end: 54 }]);
    expect(segments.at(-1)).toEqual({
      start: 41,
      end: 54,
      text: 'Nothing else.',
      drafts: [],
      unplaced: [0],
    });
    expect(join(segments)).toBe(text);
  });

  it('gives one plain piece for a text without evidence, and none for an empty one', () => {
    expect(highlightSegments(text, [])).toEqual([
      { start: 0, end: text.length, text, drafts: [], unplaced: [] },
    ]);
    expect(highlightSegments('', [[{ start: 0, end: 3 }]])).toEqual([]);
  });

  it('ignores offsets beyond the text', () => {
    const segments = highlightSegments('Kyiv', [[{ start: 2, end: 400 }]]);
    expect(segments.map((segment) => segment.text)).toEqual(['Ky', 'iv']);
  });

  it('never cuts a character outside the basic plane in two', () => {
    const flagged = 'Talks 🇺🇦 resumed';
    // The flag is two surrogate pairs, from 6 to 10: 7 is inside the first one.
    const segments = highlightSegments(flagged, [[{ start: 7, end: 10 }]]);
    expect(segments.map((segment) => segment.text)).toEqual(['Talks ', '🇺🇦', ' resumed']);
  });
});
