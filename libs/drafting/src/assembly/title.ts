import { TextSpan } from '../text';
import { withoutDates } from './framing';

export const TITLE_LENGTH = 120;

const TRAILING = /[\s.,;:–—-]+$/u;

/**
 * A short title from the event's main sentence: the sentence without the dates that name
 * the event's day, at most TITLE_LENGTH characters, cut at a dash or semicolon between
 * clauses when one is far enough in, else at a word (with an ellipsis), and begun with a
 * capital.
 */
export function buildTitle(
  text: string,
  sentence: TextSpan,
  dates: readonly TextSpan[] = [],
): string {
  let title = tidy(withoutDates(text, sentence, dates));
  if (title === '') title = tidy(text.slice(sentence.start, sentence.end));
  return capitalise(shorten(title, TITLE_LENGTH));
}

function tidy(value: string): string {
  return value.replace(/\s+/gu, ' ').trim().replace(TRAILING, '');
}

function shorten(title: string, max: number): string {
  const chars = Array.from(title);
  if (chars.length <= max) return title;
  const head = chars.slice(0, max).join('');
  let clauseEnd = -1;
  for (const match of head.matchAll(/\s[–—]\s|;\s/gu)) {
    if (Array.from(head.slice(0, match.index)).length >= max / 2) clauseEnd = match.index;
  }
  if (clauseEnd > 0) return head.slice(0, clauseEnd).replace(TRAILING, '');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(TRAILING, '')}…`;
}

function capitalise(title: string): string {
  return title.replace(
    /^([^\p{L}\p{N}]*)(\p{Ll})/u,
    (_, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
}
