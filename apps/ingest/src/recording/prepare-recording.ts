import {
  contentIdempotencyKey,
  developmentIdFor,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  normalizeDevelopment,
  NewsEventRecordedData,
  parseParameter,
  validateDevelopment,
  ValidationDetail,
} from '@app/contracts';

export type PreparedRecording =
  { ok: true; data: NewsEventRecordedData } | { ok: false; details: ValidationDetail[] };

/** Validates a posted development and derives its ids; no I/O. */
export function prepareRecording(body: unknown, idempotencyKey?: string): PreparedRecording {
  const details: ValidationDetail[] = [];
  const givenKey = parseParameter(IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema, idempotencyKey);
  if (!givenKey.ok) details.push(givenKey.detail);
  const validated = validateDevelopment(body);
  if (!validated.ok) details.push(...validated.details);
  if (!validated.ok || details.length > 0) return { ok: false, details };
  const key = idempotencyKey ?? contentIdempotencyKey(body);
  return {
    ok: true,
    data: {
      developmentId: developmentIdFor(key),
      idempotencyKey: key,
      development: normalizeDevelopment(validated.value),
    },
  };
}
