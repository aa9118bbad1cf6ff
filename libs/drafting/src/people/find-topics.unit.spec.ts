import { findTopics, stemWord } from './find-topics';
import { VOCABULARY, whole } from './testing/vocabulary';

function topics(text: string): string[] {
  return findTopics(text, whole(text), VOCABULARY).map((t) => t.topic);
}

describe('findTopics', () => {
  it('matches the words of a slug next to each other', () => {
    const text = 'The delegations compared drafts of the peace plan overnight.';
    expect(findTopics(text, whole(text), VOCABULARY)).toEqual([
      { topic: 'peace-plan', start: 39, end: 49 },
    ]);
  });

  it('stems plurals and verb forms lightly', () => {
    expect(topics('Both sides want binding security guarantees.')).toEqual(['security-guarantees']);
    expect(topics('Nothing about security was guaranteed yet.')).toEqual(['security-guarantees']);
    expect(topics('New sanctions were announced.')).toEqual(['sanctions']);
    expect(topics('They planned a peace summit.')).toEqual([]);
  });

  it('accepts the words in another order, close together', () => {
    expect(topics('The unity of NATO was questioned.')).toEqual(['nato-unity']);
    expect(topics('A plan for a lasting peace was tabled.')).toEqual(['peace-plan']);
  });

  it('joins hyphenated compounds', () => {
    expect(topics('A cease-fire along the line held for a day.')).toEqual(['ceasefire']);
    expect(topics('The ceasefire held.')).toEqual(['ceasefire']);
  });

  it('needs the words in one sentence and near each other', () => {
    expect(topics('Peace is far away. The plan failed.')).toEqual([]);
    expect(
      topics('Peace, the minister said after a long day of hard bargaining, needs a plan.'),
    ).toEqual([]);
  });

  it('lists each occurrence in text order', () => {
    expect(
      topics('Territorial issues came first; the peace plan and territorial issues again.'),
    ).toEqual(['territorial-issues', 'peace-plan', 'territorial-issues']);
  });

  it('leaves Cyrillic text unmatched and invents no slug', () => {
    expect(topics('Сторони обговорили мирний план і гарантії безпеки.')).toEqual([]);
    expect(topics('The weather was cold.')).toEqual([]);
  });

  it('reads only the span', () => {
    const text = 'The peace plan. New sanctions.';
    expect(findTopics(text, { start: 16, end: text.length }, VOCABULARY)).toEqual([
      { topic: 'sanctions', start: 20, end: 29 },
    ]);
  });

  it('stems words', () => {
    expect(['guarantees', 'guaranteed', 'guarantee'].map(stemWord)).toEqual([
      'guarante',
      'guarante',
      'guarante',
    ]);
    expect(['plans', 'planned', 'planning'].map(stemWord)).toEqual(['plan', 'plan', 'plan']);
    expect(['issues', 'countries', 'NATO’s'].map(stemWord)).toEqual(['issu', 'country', 'nato']);
  });
});
