/** Text PostgreSQL can store and JSON can round-trip: no U+0000, no unpaired surrogate. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/**
 * Length in Unicode code points, so an emoji counts as one character (as `Array.from(value)`
 * counts, without building the array: this runs on every text field of every request).
 */
export function codePointLength(value: string): number {
  let length = value.length;
  for (let index = 0; index < value.length - 1; index++) {
    const unit = value.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = value.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      length--;
      index++;
    }
  }
  return length;
}

/** Plain ASCII reads the same in every Unicode normalization form. */
const ASCII = /^\p{ASCII}*$/u;

export function isAscii(value: string): boolean {
  return ASCII.test(value);
}

/**
 * Text in its composed form (NFC), for what derives identity from text: content keys, actor
 * ids, search. "й" sent as one code point or as "и" + U+0306 is the same text. Text is
 * stored as sent; only what is derived from it is normalized. Most text is ASCII and skips
 * the normalization.
 */
export function canonicalText(value: string): string {
  return ASCII.test(value) ? value : value.normalize('NFC');
}
