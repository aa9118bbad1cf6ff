import { segmentText, splitParagraphs, splitSentences } from './segment';

const sentencesOf = (text: string) =>
  splitSentences(text, { start: 0, end: text.length }).map(({ start, end }) =>
    text.slice(start, end),
  );

describe('splitParagraphs', () => {
  it('takes each non-blank line as a paragraph, with offsets into the text', () => {
    const text = '  First line. \n\nSecond line.\r\n   \nThird.';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map(({ start, end }) => text.slice(start, end))).toEqual([
      'First line.',
      'Second line.',
      'Third.',
    ]);
    expect(paragraphs[0]).toEqual({ start: 2, end: 13 });
  });
});

describe('splitSentences', () => {
  it('splits English and Cyrillic sentences', () => {
    expect(sentencesOf('The talks ended. Both sides left! Why? Nobody knows.')).toEqual([
      'The talks ended.',
      'Both sides left!',
      'Why?',
      'Nobody knows.',
    ]);
    expect(sentencesOf('Переговори завершилися. Сторони роз’їхалися. Встреча прошла.')).toEqual([
      'Переговори завершилися.',
      'Сторони роз’їхалися.',
      'Встреча прошла.',
    ]);
  });

  it('does not end a sentence at a month abbreviation before a day', () => {
    expect(sentencesOf('On Dec. 2 the envoys met. On Sept. 14 they met again.')).toEqual([
      'On Dec. 2 the envoys met.',
      'On Sept. 14 they met again.',
    ]);
  });

  it('does not end a sentence at a title or an initial', () => {
    expect(sentencesOf('Mr. Kowalski met Gen. Hart. J. R. Miller was there too.')).toEqual([
      'Mr. Kowalski met Gen. Hart.',
      'J. R. Miller was there too.',
    ]);
    expect(sentencesOf('Заяву зробив О. Петренко. Його підтримав проф. Іваненко.')).toEqual([
      'Заяву зробив О. Петренко.',
      'Його підтримав проф. Іваненко.',
    ]);
  });

  it('ends at "U.S." only before a word that starts sentences', () => {
    expect(
      sentencesOf('The U.S. President arrived. He met envoys from the U.S. The talks began.'),
    ).toEqual(['The U.S. President arrived.', 'He met envoys from the U.S.', 'The talks began.']);
  });

  it('keeps a sentence that goes on in lower case after a quoted question', () => {
    expect(sentencesOf('“Is it over?” she asked. It was.')).toEqual([
      '“Is it over?” she asked.',
      'It was.',
    ]);
  });

  it('gives offsets into the whole text', () => {
    const text = 'Heading\nOne. Two.';
    const [, paragraph] = segmentText(text);
    expect(paragraph.sentences).toEqual([
      { start: 8, end: 12, paragraph: 1 },
      { start: 13, end: 17, paragraph: 1 },
    ]);
  });
});
