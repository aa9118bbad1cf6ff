import * as chrono from 'chrono-node';

type Configuration = NonNullable<ConstructorParameters<typeof chrono.Chrono>[0]>;

/**
 * Date parsers of the languages drafting reads. Times of day are left out: they add nothing
 * to a day, and chrono's merging of "night" with "December 6" loses the day's certainty.
 */
function withoutTimes(configuration: Configuration): chrono.Chrono {
  const times = /TimeExpressionParser$|CasualTimeParser$/u;
  return new chrono.Chrono({
    parsers: configuration.parsers.filter((parser) => !times.test(parser.constructor.name)),
    refiners: configuration.refiners.filter(
      (refiner) => !/MergeDateTimeRefiner$/u.test(refiner.constructor.name),
    ),
  });
}

export type Language = 'en' | 'uk' | 'ru';

let parsers: Record<Language, chrono.Chrono> | undefined;

export function dateParser(language: Language): chrono.Chrono {
  parsers ??= {
    en: withoutTimes(chrono.en.configuration.createCasualConfiguration(false)),
    uk: withoutTimes(chrono.uk.createCasualConfiguration()),
    ru: withoutTimes(chrono.ru.createCasualConfiguration()),
  };
  return parsers[language];
}

/**
 * The languages to try on a passage, by script: English for Latin letters, Ukrainian and
 * Russian for Cyrillic (Ukrainian first when a letter only Ukrainian has appears).
 */
export function languagesOf(passage: string): Language[] {
  const languages: Language[] = [];
  if (/\p{Script=Latin}/u.test(passage)) languages.push('en');
  if (/\p{Script=Cyrillic}/u.test(passage)) {
    const russian = /[ыэъё]/iu.test(passage) && !/[іїєґ]/iu.test(passage);
    languages.push(...(russian ? (['ru', 'uk'] as const) : (['uk', 'ru'] as const)));
  }
  return languages;
}
