import {
  DevelopmentInput,
  LoggedEvent,
  newsEventRecorded,
  NewsEventRecorded,
  normalizeDevelopment,
} from '@app/contracts';

/** A NewsEventRecorded at a given sequence, built the way ingest builds it. */
export function recordedAt(
  sequence: number,
  input: DevelopmentInput,
  developmentId = `00000000-0000-5000-8000-${String(sequence).padStart(12, '0')}`,
): LoggedEvent<NewsEventRecorded> {
  const event = newsEventRecorded(
    { developmentId, idempotencyKey: `key-${sequence}`, development: normalizeDevelopment(input) },
    { now: () => new Date(Date.UTC(2025, 11, 1, 0, 0, sequence)) },
  );
  return { sequence, event };
}
