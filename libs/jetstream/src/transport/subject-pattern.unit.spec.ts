import { developmentSubject, developmentSubjects } from '@app/contracts';
import { subjectMatches } from './subject-pattern';

describe('subjectMatches', () => {
  describe('literal tokens', () => {
    it.each([
      ['news.dev.abc', 'news.dev.abc', true],
      ['news.dev.abc', 'news.dev.abd', false],
      ['news.dev.abc', 'news.dev', false],
      ['news.dev.abc', 'news.dev.abc.x', false],
      ['news.dev', 'news.development', false],
      ['news', 'News', false],
    ])('%j against %j -> %s', (pattern, subject, expected) => {
      expect(subjectMatches(pattern, subject)).toBe(expected);
    });
  });

  describe('"*" matches exactly one token', () => {
    it.each([
      ['news.*.abc', 'news.dev.abc', true],
      ['news.*', 'news.dev', true],
      ['*', 'news', true],
      ['*.*', 'news.dev', true],
      ['news.*', 'news', false],
      ['news.*', 'news.dev.abc', false],
      ['news.*.abc', 'news.dev.abd', false],
      ['*', 'news.dev', false],
    ])('%j against %j -> %s', (pattern, subject, expected) => {
      expect(subjectMatches(pattern, subject)).toBe(expected);
    });
  });

  describe('a trailing ">" matches one or more tokens', () => {
    it.each([
      ['news.>', 'news.dev', true],
      ['news.>', 'news.dev.abc', true],
      ['news.>', 'news.dev.abc.x.y', true],
      ['>', 'news', true],
      ['>', 'news.dev.abc', true],
      ['news.>', 'news', false],
      ['news.>', 'newsroom.dev', false],
      ['dev.>', 'news.dev.abc', false],
      ['news.dev.>', 'news.other.abc', false],
    ])('%j against %j -> %s', (pattern, subject, expected) => {
      expect(subjectMatches(pattern, subject)).toBe(expected);
    });
  });

  describe('"*" and ">" together', () => {
    it.each([
      ['news.*.>', 'news.dev.abc', true],
      ['*.dev.>', 'news.dev.abc', true],
      ['news.*.>', 'news.dev', false],
      ['*.dev.>', 'news.other.abc', false],
    ])('%j against %j -> %s', (pattern, subject, expected) => {
      expect(subjectMatches(pattern, subject)).toBe(expected);
    });
  });

  describe('the subjects of the log', () => {
    const id = '23ce752c-aae0-5ea1-8b14-7e756275337b';

    it("matches a development's subject against the consumer's filter", () => {
      expect(subjectMatches(developmentSubjects('news'), developmentSubject('news', id))).toBe(
        true,
      );
    });

    it("does not match another deployment's prefix", () => {
      expect(subjectMatches(developmentSubjects('news'), developmentSubject('staging', id))).toBe(
        false,
      );
    });

    it('matches the relative subject handlers use', () => {
      expect(subjectMatches('dev.>', `dev.${id}`)).toBe(true);
      expect(subjectMatches('dev.>', 'dev')).toBe(false);
    });
  });
});
