import { TextSpan } from '../text';

/**
 * The place named right after the date that frames the event: "December 14–15 in Berlin",
 * "On the same day in Moscow". Latin script only: Ukrainian and Russian give the place in
 * the locative case ("у Берліні"), which is not its name.
 */
const PLACE_AFTER_DATE =
  /^,?\s+(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’-]*){0,3})/u;

export interface Place extends TextSpan {
  name: string;
}

export function placeAfterDate(text: string, date: TextSpan, sentence: TextSpan): Place | null {
  const after = text.slice(date.end, sentence.end);
  const match = PLACE_AFTER_DATE.exec(after);
  if (!match) return null;
  const name = match[1];
  const end = date.end + match[0].length;
  return { name, start: end - name.length, end };
}
