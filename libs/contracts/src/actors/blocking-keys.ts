/** How many folded letters a prefix key holds. */
const PREFIX_LENGTH = 4;

/**
 * The keys under which a folded word is looked up for duplicate candidates: the word, and
 * its first letters (`^zala`), so that a misspelt word (Zelenksy) or a shortened form
 * (Kremlin, Кремль) still meets its name. Candidates share at least one key.
 */
export function blockingKeys(words: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const word of words) {
    keys.add(word);
    if (word.length > PREFIX_LENGTH) keys.add(`^${word.slice(0, PREFIX_LENGTH)}`);
  }
  return [...keys];
}
