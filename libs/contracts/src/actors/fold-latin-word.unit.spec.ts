import { foldLatinWord } from './fold-latin-word';

describe('foldLatinWord', () => {
  it.each([
    [
      'the -y, -yy, -iy, -ii, -yi endings',
      ['zelensky', 'zelenskyy', 'zelenskiy', 'zelenskii', 'zelenskyi'],
    ],
    ['kh, h and g (Ukrainian h for Russian g)', ['sybiha', 'sibiga']],
    ['ts, tz and z', ['merz', 'merts']],
    ['sh and ch against their háček-less letters', ['shefchovich', 'sefcovic']],
    ['the vowels outlets choose (Trump, Трамп)', ['trump', 'tramp']],
    ['doubled letters', ['witkoff', 'vitkof']],
    ['w and v, and the Russian Уи for W', ['witkoff', 'uitkoff']],
    ['a soft c and the silent final e', ['pence', 'pens']],
    ['a soft g and dzh (Giorgia, Джорджа)', ['giorgia', 'dzhordzha']],
    ['a j after a vowel and y (Kaja, Кая)', ['kaja', 'kaia']],
    ['x and ks', ['alexander', 'aleksander']],
  ])('folds %s to one key', (_label, words) => {
    expect(new Set(words.map(foldLatinWord)).size).toBe(1);
  });

  it.each([
    ['zelensky', 'zelenska'],
    ['putin', 'medinsky'],
    ['trump', 'tusk'],
    ['peskov', 'medvedev'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(foldLatinWord(a)).not.toBe(foldLatinWord(b));
  });

  it('keeps the final vowel that marks a feminine surname', () => {
    expect(foldLatinWord('zelenska')).toBe('salanska');
    expect(foldLatinWord('zelensky')).toBe('salanski');
  });

  it('returns a key for any ASCII word, however short', () => {
    for (const word of ['a', 'y', 'j', 'ee', 'x', '42']) expect(foldLatinWord(word)).not.toBe('');
  });
});
