/** What developmentInputSchema accepts, so that every draft posts as it stands. */
export const LIMITS = {
  title: 300,
  body: 20_000,
  location: 200,
  actorName: 200,
  id: 200,
  topic: 64,
  quote: 2000,
  summary: 2000,
  topics: 20,
  actors: 50,
  statements: 50,
} as const;

/** Text the log can store: no U+0000, no unpaired surrogate, at most `max` code points. */
export function clampText(value: string, max: number): string {
  const storable = value.replaceAll('\u0000', '').toWellFormed().trim();
  const chars = Array.from(storable);
  return chars.length <= max ? storable : chars.slice(0, max).join('').trimEnd();
}
