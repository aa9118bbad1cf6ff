import { findQuotations } from './quotes';

const quotationsOf = (text: string) =>
  findQuotations(text, { start: 0, end: text.length }).map(({ start, end }) =>
    text.slice(start, end),
  );

describe('findQuotations', () => {
  it('finds quotations in curly, straight, and angle quotation marks', () => {
    expect(quotationsOf('He said “no deal” and “never”.')).toEqual(['“no deal”', '“never”']);
    expect(quotationsOf('She said "soon".')).toEqual(['"soon"']);
    expect(quotationsOf('Він сказав: «ні» і „ніколи“.')).toEqual(['«ні»', '„ніколи“']);
  });

  it('runs an unclosed quotation to the end', () => {
    expect(quotationsOf('He said “we will see')).toEqual(['“we will see']);
  });
});
