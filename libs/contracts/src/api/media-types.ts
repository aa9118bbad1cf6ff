/**
 * The 415 messages of both services: every body is JSON, and the API takes NDJSON on the
 * batch route of ingest alone.
 */
export const MEDIA_TYPE_MESSAGES = {
  notJson:
    'The body must be JSON (Content-Type: application/json); the batch endpoint also takes NDJSON (application/x-ndjson).',
  notNdjson:
    'This endpoint takes one JSON document (Content-Type: application/json); NDJSON is for /v1/developments/batch.',
} as const;
