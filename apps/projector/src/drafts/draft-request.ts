import { z } from 'zod';
import { draftRequestSchema, isStorableText, MAX_ARTICLE_BYTES, toDetails } from '@app/contracts';
import type { ValidationDetail } from '@app/contracts';
import { htmlToText } from '@app/drafting';
import type { Article } from '@app/drafting';
import { ApiError, dateParameter, invalidQuery, parseQuery, TextBody } from '@app/http';

export const draftQuerySchema = z.strictObject({
  publishedOn: dateParameter.optional(),
});

/**
 * The article of a draft request, its text extracted when it came as HTML: a JSON body
 * `{text | html, publishedOn, source?}`, or a raw text/plain or text/html body with
 * `?publishedOn=`. Bad input is a 400 naming each field at
 * fault; text or HTML over MAX_ARTICLE_BYTES is a 413.
 */
export function draftRequested(body: unknown, rawQuery: unknown): Article {
  const query = parseQuery(draftQuerySchema, rawQuery);
  if (body instanceof TextBody) {
    if (query.publishedOn === undefined) {
      throw invalidQuery([
        { path: 'publishedOn', message: `is required with a ${body.mediaType} body` },
      ]);
    }
    checkArticle(body.text, '');
    const text = body.mediaType === 'text/html' ? htmlToText(body.text) : body.text;
    return { text, publishedOn: query.publishedOn };
  }
  if (query.publishedOn !== undefined) {
    throw invalidQuery([
      { path: 'publishedOn', message: 'goes in the JSON body, not in the query, with a JSON body' },
    ]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid([{ path: '', message: 'must be a JSON object' }]);
  }
  const parsed = draftRequestSchema.safeParse(body);
  const details = parsed.success ? [] : toDetails(parsed.error, body);
  const given = body as { text?: unknown; html?: unknown };
  if (given.text === undefined && given.html === undefined) {
    details.push({ path: 'text', message: 'is required: the article as text, or as html' });
  } else if (given.text !== undefined && given.html !== undefined) {
    details.push({ path: 'html', message: 'must not be given with text: send one of the two' });
  }
  if (!parsed.success || details.length > 0) throw invalid(details);
  const { text, html, publishedOn, source } = parsed.data;
  const fromHtml = html !== undefined;
  const content = html ?? text ?? '';
  checkArticle(content, fromHtml ? 'html' : 'text');
  return {
    text: fromHtml ? htmlToText(content) : content,
    publishedOn,
    ...(source && { source }),
  };
}

/** An article is not empty, fits MAX_ARTICLE_BYTES and holds only text that can be stored. */
function checkArticle(content: string, path: string): void {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > MAX_ARTICLE_BYTES) {
    throw new ApiError(
      'payload_too_large',
      `The article is ${bytes} bytes; at most ${MAX_ARTICLE_BYTES} bytes (200 KB) of text or HTML are drafted.`,
    );
  }
  if (content.trim() === '') throw invalid([{ path, message: 'must not be empty' }]);
  if (!isStorableText(content)) {
    throw invalid([{ path, message: 'must not contain U+0000 or an unpaired surrogate' }]);
  }
}

const invalid = (details: ValidationDetail[]) =>
  new ApiError('validation_failed', 'The draft request is invalid.', details);
