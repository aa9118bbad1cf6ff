import { ApiError } from './api-error';

export const TEXT_MEDIA_TYPES = ['text/plain', 'text/html'] as const;
export type TextMediaType = (typeof TEXT_MEDIA_TYPES)[number];

/** A `text/plain` or `text/html` body, decoded; only a route that asks for text takes it. */
export class TextBody {
  constructor(
    readonly mediaType: TextMediaType,
    readonly text: string,
  ) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Charsets a text body may declare: UTF-8 and its subset ASCII; none means UTF-8. */
const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Decodes a text body strictly as UTF-8 (no silent replacement characters); a body that
 * declares another charset is refused as a media type this API does not take.
 */
export function parseTextBody(raw: Buffer, contentType: string): TextBody {
  const [essence, ...parameters] = contentType.split(';');
  const mediaType = essence.trim().toLowerCase() as TextMediaType;
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    throw new ApiError('unsupported_media_type', `Text bodies must be UTF-8, not ${charset}.`);
  }
  try {
    return new TextBody(mediaType, utf8.decode(raw));
  } catch {
    throw new ApiError('bad_request', 'The body is not valid UTF-8.');
  }
}
