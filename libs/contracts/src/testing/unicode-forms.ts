import fc from 'fast-check';

/**
 * The seed of a property test: FC_SEED if set, else a new one, printed either way so that a
 * failing run can be replayed.
 */
export function propertySeed(property: string): number {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  console.log(`${property}: fast-check seed ${seed} (FC_SEED=${seed} replays it)`);
  return seed;
}

/**
 * Text that often reads differently composed and decomposed: letters with diacritics,
 * Hangul, lone combining marks, mixed with any code point at all.
 */
export const unicodeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('й', 'Ї', 'é', 'Å', 'ǖ', 'ệ', '가', 'ﬁ', 'и', 'e', ' ', '-', 'A'),
      fc.constantFrom('\u0301', '\u0306', '\u0308', '\u0323', '\u0338'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** The value with every string in it (object keys included) in the given normalization form. */
export function inForm<T>(value: T, form: 'NFC' | 'NFD'): T {
  if (typeof value === 'string') return value.normalize(form) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => inForm(item, form)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key.normalize(form), inForm(item, form)]),
    ) as T;
  }
  return value;
}
