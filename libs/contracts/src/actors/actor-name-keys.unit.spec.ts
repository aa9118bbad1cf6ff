import { actorNameKeys } from './actor-name-keys';

describe('actorNameKeys', () => {
  it('gives Cyrillic and Latin spellings of one name the same keys', () => {
    const latin = actorNameKeys('Volodymyr Zelenskyy');
    expect(actorNameKeys('Володимир Зеленський')).toEqual(latin);
    expect(actorNameKeys('Владимир Зеленский').tokens).toContain(latin.tokens[1]);
  });

  it('treats NFC and NFD input alike', () => {
    const name = 'Maroš Šefčovič';
    expect(actorNameKeys(name.normalize('NFD'))).toEqual(actorNameKeys(name.normalize('NFC')));
    expect(actorNameKeys(name)).toEqual(actorNameKeys('Марош Шефчович'));
  });

  it('leaves articles, particles, initials and suffixes out of the tokens', () => {
    expect(actorNameKeys('the Kremlin')).toEqual(actorNameKeys('Kremlin'));
    expect(actorNameKeys('Ursula von der Leyen').tokens).toHaveLength(2);
    expect(actorNameKeys('Donald J. Trump Jr.').tokens).toEqual(
      actorNameKeys('Donald Trump').tokens,
    );
  });

  it.each([
    'Κυριάκος Μητσοτάκης',
    '习近平',
    'محمد بن سلمان',
    '김정은',
    'ท่านนายก',
    'Ərdoğan',
    'The',
    'J.',
  ])('returns keys for %s without throwing', (name) => {
    const keys = actorNameKeys(name);
    expect(keys.tokens.length).toBeGreaterThan(0);
    expect(keys.tokens.every((t) => t.length > 0)).toBe(true);
  });

  it('returns empty keys for a name without letters', () => {
    expect(actorNameKeys(' -- ')).toEqual({ tokens: [] });
  });
});
