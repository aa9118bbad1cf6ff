import type { Development } from '@app/client';

/** Bodies longer than this, or with more paragraphs, are shown collapsed at first. */
const LONG_BODY_CHARACTERS = 480;
const LONG_BODY_LINES = 5;

export function isLongBody(body: string): boolean {
  return body.length > LONG_BODY_CHARACTERS || body.split('\n').length > LONG_BODY_LINES;
}

/** The name a development gives an actor id; the id itself when it names none. */
export function actorNameIn(development: Development, actorId: string): string {
  return development.actors.find((actor) => actor.id === actorId)?.name ?? actorId;
}

/** A link target for a source URL: http(s) only, so no `javascript:` can become a link. */
export function safeLinkTarget(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** What a source link says: its name, else the host of its URL. */
export function sourceLabel(source: NonNullable<Development['source']>): string | undefined {
  if (source.name) return source.name;
  const target = safeLinkTarget(source.url);
  return target ? new URL(target).host : undefined;
}
