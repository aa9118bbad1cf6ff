import { aDevelopment } from '../testing/development-fixture';
import { actorNameIn, isLongBody, safeLinkTarget, sourceLabel } from './development-text';

describe('development text', () => {
  it('collapses long bodies only', () => {
    expect(isLongBody('Short.')).toBe(false);
    expect(isLongBody('x'.repeat(481))).toBe(true);
    expect(isLongBody('a\nb\nc\nd\ne\nf')).toBe(true);
  });

  it('names statement actors as the development does', () => {
    const development = aDevelopment({
      developmentId: 'd',
      actors: [{ id: 'зеленський', name: 'Зеленський' }],
    });
    expect(actorNameIn(development, 'зеленський')).toBe('Зеленський');
    expect(actorNameIn(development, 'usa')).toBe('usa');
  });

  it('links http and https sources only', () => {
    expect(safeLinkTarget('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeLinkTarget('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkTarget('not a url')).toBeUndefined();
    expect(safeLinkTarget(undefined)).toBeUndefined();
  });

  it('labels a source by name, else by host', () => {
    expect(sourceLabel({ name: 'Die Zeit', url: 'https://zeit.de/x' })).toBe('Die Zeit');
    expect(sourceLabel({ url: 'https://www.zeit.de/x' })).toBe('www.zeit.de');
    expect(sourceLabel({ publishedAt: '2025-12-16T08:00:00Z' })).toBeUndefined();
  });
});
