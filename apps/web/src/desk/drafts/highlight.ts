/** A stretch of a text by UTF-16 offsets, `end` exclusive, as the drafts' evidence gives it. */
export interface TextRange {
  start: number;
  end: number;
}

/** A piece of the text, with the drafts whose evidence covers it and the unplaced passages it is in. */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Indexes of the drafts, ascending. */
  drafts: number[];
  /** Indexes of the unplaced passages, ascending. */
  unplaced: number[];
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The offset within the text, moved off the middle of a surrogate pair. */
function placeInText(text: string, offset: number): number {
  const within = Math.max(0, Math.min(Math.trunc(offset), text.length));
  if (
    within > 0 &&
    within < text.length &&
    isHighSurrogate(text.charCodeAt(within - 1)) &&
    isLowSurrogate(text.charCodeAt(within))
  ) {
    return within - 1;
  }
  return within;
}

/**
 * The ranges sorted, with those that overlap or touch joined into one. Empty and reversed
 * ranges are dropped; offsets outside [0, length] are brought inside.
 */
export function mergeRanges(ranges: readonly TextRange[], length = Infinity): TextRange[] {
  const within = ranges
    .filter((range) => Number.isFinite(range.start) && Number.isFinite(range.end))
    .map((range) => ({
      start: Math.max(0, Math.min(range.start, length)),
      end: Math.max(0, Math.min(range.end, length)),
    }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of within) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const sameList = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * The text cut wherever a draft's evidence or an unplaced passage begins or ends. Each piece
 * says which drafts' evidence covers it (`evidence[d]` is draft d's ranges, overlapping or
 * not) and which unplaced passages it is in. Joined in order, the pieces give the text back.
 */
export function highlightSegments(
  text: string,
  evidence: readonly (readonly TextRange[])[],
  unplaced: readonly TextRange[] = [],
): TextSegment[] {
  const place = (range: TextRange): TextRange => ({
    start: placeInText(text, range.start),
    end: placeInText(text, range.end),
  });
  const labelled = [
    ...evidence.flatMap((ranges, draft) =>
      mergeRanges(ranges.map(place), text.length).map((range) => ({ ...range, draft })),
    ),
    ...unplaced.flatMap((range, passage) => {
      const [within] = mergeRanges([place(range)], text.length);
      return within ? [{ ...within, passage }] : [];
    }),
  ];
  const cuts = [...new Set([0, text.length, ...labelled.flatMap((r) => [r.start, r.end])])].sort(
    (a, b) => a - b,
  );
  const segments: TextSegment[] = [];
  for (let at = 0; at + 1 < cuts.length; at += 1) {
    const start = cuts[at]!;
    const end = cuts[at + 1]!;
    const covering = labelled.filter((range) => range.start <= start && range.end >= end);
    const drafts = [...new Set(covering.flatMap((r) => ('draft' in r ? [r.draft] : [])))].sort(
      (a, b) => a - b,
    );
    const passages = [
      ...new Set(covering.flatMap((r) => ('passage' in r ? [r.passage] : []))),
    ].sort((a, b) => a - b);
    const last = segments[segments.length - 1];
    if (last && sameList(last.drafts, drafts) && sameList(last.unplaced, passages)) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), drafts, unplaced: passages });
    }
  }
  return segments;
}
