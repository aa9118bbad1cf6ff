import { KNOWN_AT_DESCRIPTION } from '@app/http';

export const TOPICS_QUERY_DESCRIPTIONS = {
  sort: '`topic` (A to Z) or `activity` (most developments first).',
  limit: 'Page size.',
  cursor: 'The `nextCursor` of the previous page, issued for the same `sort`.',
  knownAt: KNOWN_AT_DESCRIPTION,
};

export const TOPIC_POSITIONS_QUERY_DESCRIPTIONS = {
  asOf: 'Answer as if only statements made on or before this day (`YYYY-MM-DD`) existed.',
  knownAt: KNOWN_AT_DESCRIPTION,
};
