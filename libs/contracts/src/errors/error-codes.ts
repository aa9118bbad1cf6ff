/** Machine codes of error responses, defined once; the HTTP status goes with each. */
export const ERROR_CODES = {
  validation_failed: 400,
  bad_request: 400,
  request_timeout: 408,
  invalid_json: 400,
  invalid_query: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  merge_conflict: 409,
  not_merged: 409,
  retracted: 409,
  not_yet_known: 409,
  history_not_kept: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  log_unavailable: 503,
  database_unavailable: 503,
  ingest_unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
