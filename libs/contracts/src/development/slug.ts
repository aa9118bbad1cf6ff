/**
 * Slug of a free-text name: lowercase, words joined by "-". Latin letters lose their
 * diacritics ("Zürich" -> "zurich"); letters of other scripts are kept as lowercase
 * Unicode letters ("Зеленський" -> "зеленський"), so no name ever slugs to "" unless it
 * holds no letter or digit at all.
 */
export function slugify(name: string): string {
  const folded = PRINTABLE_ASCII.test(name)
    ? name
    : Array.from(name.normalize('NFC'), foldLatinDiacritics).join('');
  return folded
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join('-');
}

/** Printable ASCII has no diacritics to fold: most names skip the per-character work. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function foldLatinDiacritics(char: string): string {
  const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
  return /^[A-Za-z]$/.test(base) ? base : char;
}

/** Topics are ASCII slugs. */
export const TOPIC_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Actor and affiliation ids may hold lowercase letters of any script, as slugify produces. */
export const ID_SLUG = /^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u;

export function isIdSlug(value: string): boolean {
  return ID_SLUG.test(value) && value === value.toLowerCase();
}
