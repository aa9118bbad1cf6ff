import fc from 'fast-check';
import { propertySeed, unicodeText } from '../testing/unicode-forms';
import { canonicalText, codePointLength, isAscii, isStorableText } from './text';

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['Зеленський', 10],
    ['🇺🇦', 2],
    ['a😀b', 3],
    ['\ud800', 1],
    ['\udc00\ud800', 2],
    ['\ud83d\ude00\ud83d', 2],
  ])('%j has %i code points', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });

  it('counts as Array.from does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(codePointLength(text)).toBe(Array.from(text).length);
      }),
    );
  });
});

describe('isStorableText', () => {
  it('refuses NUL and unpaired surrogates', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800')).toBe(false);
    expect(isStorableText('Kyiv 😀')).toBe(true);
  });
});

describe('canonicalText', () => {
  it('composes decomposed text (NFC)', () => {
    const decomposed = 'Зеленський'.normalize('NFD');
    expect(decomposed).not.toBe('Зеленський');
    expect(canonicalText(decomposed)).toBe('Зеленський');
    expect(canonicalText('Zu\u0308rich')).toBe('Z\u00fcrich');
  });

  it('returns ASCII text as it is', () => {
    expect(canonicalText('Berlin talks\n\t~')).toBe('Berlin talks\n\t~');
    expect(isAscii('Berlin talks\u007f')).toBe(true);
    expect(isAscii('Zürich')).toBe(false);
  });

  it('is what String.prototype.normalize("NFC") gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, fc.string({ unit: 'binary' })), (text) => {
        expect(canonicalText(text)).toBe(text.normalize('NFC'));
        expect(canonicalText(text.normalize('NFD'))).toBe(canonicalText(text));
      }),
      { seed: propertySeed('canonicalText is NFC') },
    );
  });
});
