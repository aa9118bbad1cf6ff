/** Text PostgreSQL can store and JSON can round-trip: no U+0000, no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/** Length in Unicode code points, so an emoji counts as one character. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}
