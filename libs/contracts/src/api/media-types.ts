/**
 * The 415 messages of both services: every body is JSON, but for NDJSON on the batch route
 * of ingest and plain text or HTML on the drafts route of the projector.
 */
export const MEDIA_TYPE_MESSAGES = {
  notJson:
    'The body must be JSON (Content-Type: application/json); the batch endpoint also takes NDJSON (application/x-ndjson), and the drafts endpoint plain text or HTML (text/plain, text/html).',
  notNdjson:
    'This endpoint takes one JSON document (Content-Type: application/json); NDJSON is for /v1/developments/batch.',
} as const;
