/**
 * Where Intl.Segmenter ends a sentence after an abbreviation that does not end one: it knows
 * no abbreviations, so "Dec. 2", "Mr. Smith", "J. D. Vance", "В. Зеленський" and "the U.S.
 * President" would each be cut in two.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Abbreviations that stand before a name or a number: never the end of a sentence. */
const BEFORE_NAME = words(
  'mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev hon pres st mt ft ' +
    'no nos vol art fig vs cf approx ref ген проф акад вул ул ім им св див см напр пор ср пан ' +
    'пані г-н д-р тов ст п пп ч',
);

/** Month abbreviations: not an end when a day number follows ("Dec. 2"). */
const MONTHS = words(
  'jan feb mar apr jun jul aug sep sept oct nov dec січ лют бер квіт трав черв лип серп вер ' +
    'жовт лист груд янв фев апр авг сент окт нояб дек',
);

/** Abbreviations that may end a sentence too ("Acme Inc.", "the U.S."). */
const MAY_END = new Set(['jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'bros', 'al']);

/**
 * Words that begin a new sentence after an abbreviation that may end one: "talks with the
 * U.S. The next day" ends at "U.S.", "the U.S. President" does not.
 */
const SENTENCE_STARTERS = words(
  'the a an he she it they we i you this that these those there his her their its our on in ' +
    'at but and or however meanwhile according after before later earlier as when while if ' +
    'then also still yet so for since during both він вона вони це цей ця у в на за але та і ' +
    'й проте водночас після до раніше пізніше тоді як коли он она они это этот эта но и ' +
    'однако после по ранее позже тогда когда',
);

const INITIAL = /^\p{Lu}\.$/u;
const DOTTED_CAPITALS = /^(?:\p{Lu}\.){2,}$/u;

/**
 * Whether the sentence ending in `before` goes on into `after`: `before` is the text up to
 * the break (its white space trimmed), `after` the text from the break.
 */
export function continuesAfterBreak(before: string, after: string): boolean {
  const next = after.trimStart();
  if (next === '') return false;
  // A sentence never begins in lower case: "“Why?” he asked."
  if (/^\p{Ll}/u.test(next)) return true;
  if (!before.endsWith('.')) return false;

  const token = /(\S+)$/u.exec(before)?.[1] ?? '';
  const bare = token.replace(/^[(“"«„'‘]+/u, '');
  if (INITIAL.test(bare)) return true;
  const word = bare.slice(0, -1).toLowerCase();
  if (BEFORE_NAME.has(word)) return true;
  if (MONTHS.has(word)) return /^\d/u.test(next);
  if (DOTTED_CAPITALS.test(bare) || MAY_END.has(word)) {
    const nextWord = /^[\p{L}\p{N}]+/u.exec(next)?.[0].toLowerCase() ?? '';
    return /^\d/u.test(next) || (nextWord !== '' && !SENTENCE_STARTERS.has(nextWord));
  }
  return false;
}
