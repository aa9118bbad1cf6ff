import fc from 'fast-check';
import { codePointLength, isStorableText } from './text';

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
