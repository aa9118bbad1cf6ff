import type { DraftRequest } from '@app/client';

/** How the pasted article is read: as HTML when it starts with a tag, or as the reader says. */
export type ArticleFormat = 'detect' | 'text' | 'html';

/** What the article form holds. */
export interface ArticleFields {
  article: string;
  format: ArticleFormat;
  /** YYYY-MM-DD. */
  publishedOn: string;
  sourceName: string;
  sourceUrl: string;
}

/** Whether the text starts with an HTML tag, a doctype or a comment (after blank space). */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(?:!doctype\s|!--|[a-z][a-z0-9-]*[\s/>])/i.test(text);
}

/** Whether the article is sent as HTML. */
export function isHtml(fields: Pick<ArticleFields, 'article' | 'format'>): boolean {
  return fields.format === 'html' || (fields.format === 'detect' && looksLikeHtml(fields.article));
}

/** The body of POST /v1/drafts for the form; the API checks it. */
export function draftRequest(fields: ArticleFields): DraftRequest {
  const name = fields.sourceName.trim();
  const url = fields.sourceUrl.trim();
  const source = { ...(name && { name }), ...(url && { url }) };
  return {
    ...(isHtml(fields) ? { html: fields.article } : { text: fields.article }),
    publishedOn: fields.publishedOn.trim(),
    ...(Object.keys(source).length > 0 && { source }),
  };
}

/** The form's field for a path of the API's `details` ('' for the form as a whole). */
export function articleFieldOf(path: string): string {
  if (path === 'text' || path === 'html') return 'article';
  if (path === 'publishedOn') return 'publishedOn';
  if (path === 'source.name' || path === 'source.url') return path;
  if (path.startsWith('source')) return 'source';
  return '';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The reader's calendar day of a moment, as YYYY-MM-DD. */
export function localDay(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** What the form can tell before sending: an article and a date are needed. */
export function articleProblems(fields: ArticleFields): { field: string; message: string }[] {
  return [
    ...(fields.article.trim() === ''
      ? [{ field: 'article', message: 'Paste the article’s text or HTML.' }]
      : []),
    ...(fields.publishedOn.trim() === ''
      ? [{ field: 'publishedOn', message: 'Give the day the article was published.' }]
      : []),
  ];
}
