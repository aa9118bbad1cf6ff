import type { Development } from '@app/client';

/** A development as the timeline returns it, with what a test does not care about filled in. */
export function aDevelopment(
  fields: Partial<Development> & { developmentId: string },
): Development {
  const occurredOn = fields.occurredOn ?? '2025-12-02';
  return {
    occurredOn,
    occurredUntil: fields.occurredUntil ?? occurredOn,
    title: `Development ${fields.developmentId}`,
    topics: [],
    actors: [],
    statements: [],
    revision: 1,
    recordedAt: '2025-12-16T08:00:00.000Z',
    sequence: 1,
    lastSequence: fields.sequence ?? 1,
    ...fields,
  };
}
