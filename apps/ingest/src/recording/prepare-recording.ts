import {
  contentIdempotencyKey,
  developmentIdFor,
  isValidIdempotencyKey,
  normalizeDevelopment,
  NewsEventRecordedData,
  validateDevelopment,
  ValidationDetail,
} from '@app/contracts';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export type PreparedRecording =
  { ok: true; data: NewsEventRecordedData } | { ok: false; details: ValidationDetail[] };

/** Validates a posted development and derives its ids; no I/O. */
export function prepareRecording(body: unknown, idempotencyKey?: string): PreparedRecording {
  const details: ValidationDetail[] = [];
  if (idempotencyKey !== undefined && !isValidIdempotencyKey(idempotencyKey)) {
    details.push({
      path: 'Idempotency-Key',
      message: 'must be 1 to 200 visible ASCII characters',
    });
  }
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
