import { findDates } from '../dates';
import { buildTitle, TITLE_LENGTH } from './title';

function titleOf(sentence: string): string {
  const span = { start: 0, end: sentence.length };
  const [date] = findDates(sentence, span, '2025-12-22');
  return buildTitle(sentence, span, date ? [date] : []);
}

describe('buildTitle', () => {
  it.each([
    [
      'December 2 Zelensky reported in Dublin that the plan has changed.',
      'Zelensky reported in Dublin that the plan has changed',
    ],
    ['On December 7, the groups discussed borders.', 'The groups discussed borders'],
    ['In the night of December 6, the sixth meeting took place.', 'The sixth meeting took place'],
    ['On the same day in Rome, the envoy met the pope.', 'In Rome, the envoy met the pope'],
    [
      'The minister said on December 9 that the plan is ready.',
      'The minister said that the plan is ready',
    ],
    ['У ніч на 6 грудня відбулася шоста зустріч.', 'Відбулася шоста зустріч'],
    [
      '14–15 грудня у Берліні делегація провела переговори.',
      'У Берліні делегація провела переговори',
    ],
    ['В тот же день посланник встретился с папой.', 'Посланник встретился с папой'],
    [
      'KYIV, Dec 20 (Reuters) - The minister spoke to a newspaper.',
      'The minister spoke to a newspaper',
    ],
    [
      'The last round, on December 12, ended without a result.',
      'The last round ended without a result',
    ],
  ])('%j -> %j', (sentence, title) => {
    expect(titleOf(sentence)).toBe(title);
  });

  it('cuts a long sentence at a word, within the limit', () => {
    const sentence =
      'On December 2, the negotiating groups said the document being worked on would contain ' +
      'twenty points rather than the twenty-eight that had first been proposed by the other side.';
    const title = titleOf(sentence);
    expect(Array.from(title).length).toBeLessThanOrEqual(TITLE_LENGTH);
    expect(title).toMatch(/^The negotiating groups said .* \S+…$/u);
    expect(sentence).toContain(title.slice(4, -1));
  });

  it('cuts at a dash between clauses when one is far enough in', () => {
    const sentence =
      'On December 2, the envoys of both governments met again in the old town hall of Geneva – the ' +
      'second such meeting under this format since the spring talks in Istanbul.';
    expect(titleOf(sentence)).toBe(
      'The envoys of both governments met again in the old town hall of Geneva',
    );
  });

  it('goes without every date that names the day', () => {
    const sentence = 'Вчора, 21 грудня, у Маямі відбулася зустріч.';
    const span = { start: 0, end: sentence.length };
    expect(buildTitle(sentence, span, findDates(sentence, span, '2025-12-22'))).toBe(
      'У Маямі відбулася зустріч',
    );
  });

  it('keeps the sentence when it is nothing but its date', () => {
    expect(titleOf('December 2.')).toBe('December 2');
  });
});
