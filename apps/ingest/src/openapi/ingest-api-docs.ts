import type { ApiDocsInfo } from '@app/http';

export const INGEST_API_DOCS: ApiDocsInfo = {
  title: 'newsline ingest',
  version: '1',
  description: [
    'Records dated developments of news stories as events in the log (NATS JetStream), and',
    'later corrections and retractions of them. A `2xx` answer means the event is durably in',
    'the log; no other answer means anything was recorded.',
    '',
    'Errors always have the shape `{"error": "<code>", "message": "…", "details": [{"path", "message"}]}`.',
    'Every request has a correlation id: the `X-Correlation-Id` sent, or a new one, echoed in',
    'the answer and written into the events it records.',
  ].join('\n'),
  tags: [
    { name: 'developments', description: 'Recording developments, one at a time or in batches.' },
    { name: 'edits', description: 'Corrections and retractions of recorded developments.' },
  ],
};
