import type { ApiDocsInfo } from '@app/http';
import { describeRoute, FORWARDED_ROUTES } from '../ingest-proxy/forwarded-routes';

export const PROJECTOR_API_DOCS: ApiDocsInfo = {
  title: 'newsline projector',
  version: '1',
  description: [
    'Queries over the read models the projector keeps in PostgreSQL from the log (NATS',
    'JetStream), live developments as Server-Sent Events, and rebuilding the read models.',
    '',
    'Lists are paginated with `limit` (1..500, default 50) and an opaque `cursor`: pass the',
    '`nextCursor` of a page to get the next one (null on the last). Errors always have the shape',
    '`{"error": "<code>", "message": "…", "details": [{"path", "message"}]}`; when PostgreSQL',
    'is unreachable, queries answer `503 database_unavailable` with `Retry-After`.',
    '',
    "Ingest's write routes are also answered here, forwarded to ingest (`INGEST_URL`) with",
    'bodies, headers and answers unchanged, so that a page writes to its own origin; they are',
    "documented in ingest's OpenAPI document (`/docs` on ingest). When ingest cannot be",
    'reached they answer `503 ingest_unavailable` with `Retry-After`.',
    '',
    ...FORWARDED_ROUTES.map((route) => `- \`${describeRoute(route)}\``),
  ].join('\n'),
  tags: [
    { name: 'timeline', description: 'Developments in story order, filtered and searched.' },
    { name: 'developments', description: 'One development with its history.' },
    { name: 'actors', description: 'Who said what, and where each actor stands on each topic.' },
    { name: 'topics', description: 'Topics and where every actor stands on each.' },
    {
      name: 'changes',
      description:
        'Each change of an actor’s position on a topic, with before and after, in log order.',
    },
    {
      name: 'drafts',
      description:
        'Developments drafted from an article, for a person to confirm; nothing is written.',
    },
    {
      name: 'stream',
      description:
        'Developments, or changes of position, as they are applied, as Server-Sent Events.',
    },
    { name: 'projections', description: 'Where the read models stand; rebuilding them.' },
  ],
};
