import {
  articleFieldOf,
  articleProblems,
  draftRequest,
  isHtml,
  localDay,
  looksLikeHtml,
} from './article-request';
import type { ArticleFields } from './article-request';

const fields = (changes: Partial<ArticleFields>): ArticleFields => ({
  article: 'On Monday the talks resumed.',
  format: 'detect',
  publishedOn: '2025-12-20',
  sourceName: '',
  sourceUrl: '',
  ...changes,
});

describe('looksLikeHtml', () => {
  it.each([
    '<!DOCTYPE html><html><body><p>Talks</p></body></html>',
    '  \n<html lang="en">',
    '<article><p>Talks resumed.</p></article>',
    '<p>Talks resumed.</p>',
    '<!-- saved from the site --><div>',
    '\uFEFF<body>',
    '<br/>Talks',
  ])('takes %j for HTML', (text) => expect(looksLikeHtml(text)).toBe(true));

  it.each([
    'Talks resumed in <b>Geneva</b>.',
    '< 5 delegations met',
    '<3 talks',
    'On Monday, the talks resumed.',
    '',
  ])('takes %j for text', (text) => expect(looksLikeHtml(text)).toBe(false));
});

describe('draftRequest', () => {
  it('sends text as text, with the day it was published', () => {
    expect(draftRequest(fields({}))).toEqual({
      text: 'On Monday the talks resumed.',
      publishedOn: '2025-12-20',
    });
  });

  it('sends HTML as html when it starts with a tag, or when the reader says it is HTML', () => {
    expect(draftRequest(fields({ article: '<p>Talks</p>' }))).toMatchObject({
      html: '<p>Talks</p>',
    });
    expect(draftRequest(fields({ article: 'Talks <b>resumed</b>', format: 'html' }))).toEqual({
      html: 'Talks <b>resumed</b>',
      publishedOn: '2025-12-20',
    });
    expect(draftRequest(fields({ article: '<p>Talks</p>', format: 'text' }))).toMatchObject({
      text: '<p>Talks</p>',
    });
  });

  it('adds the source when it is given, trimmed', () => {
    expect(
      draftRequest(fields({ sourceName: ' Kyiv Herald ', sourceUrl: ' https://example.org/a ' })),
    ).toEqual({
      text: 'On Monday the talks resumed.',
      publishedOn: '2025-12-20',
      source: { name: 'Kyiv Herald', url: 'https://example.org/a' },
    });
    expect(draftRequest(fields({ sourceUrl: 'https://example.org/a' })).source).toEqual({
      url: 'https://example.org/a',
    });
  });

  it('sends the article as it is, blank space included', () => {
    expect(draftRequest(fields({ article: '\n  Talks resumed.\n' })).text).toBe(
      '\n  Talks resumed.\n',
    );
  });
});

describe('isHtml', () => {
  it('follows the choice, else the look of the article', () => {
    expect(isHtml({ article: '<p>x</p>', format: 'detect' })).toBe(true);
    expect(isHtml({ article: 'x', format: 'detect' })).toBe(false);
    expect(isHtml({ article: 'x', format: 'html' })).toBe(true);
    expect(isHtml({ article: '<p>x</p>', format: 'text' })).toBe(false);
  });
});

describe('articleProblems', () => {
  it('asks for an article and a date before anything is sent', () => {
    expect(articleProblems(fields({ article: '  \n', publishedOn: '' }))).toEqual([
      { field: 'article', message: expect.stringMatching(/Paste/) },
      { field: 'publishedOn', message: expect.stringMatching(/published/) },
    ]);
    expect(articleProblems(fields({}))).toEqual([]);
  });
});

describe('articleFieldOf', () => {
  it('places the API’s problems on the form’s fields', () => {
    expect(articleFieldOf('text')).toBe('article');
    expect(articleFieldOf('html')).toBe('article');
    expect(articleFieldOf('publishedOn')).toBe('publishedOn');
    expect(articleFieldOf('source.url')).toBe('source.url');
    expect(articleFieldOf('source.publishedAt')).toBe('source');
    expect(articleFieldOf('')).toBe('');
  });
});

describe('localDay', () => {
  it('is the reader’s calendar day', () => {
    expect(localDay(new Date(2025, 11, 2, 23, 59))).toBe('2025-12-02');
    expect(localDay(new Date(2026, 0, 31, 0, 0))).toBe('2026-01-31');
  });
});
