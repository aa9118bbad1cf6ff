import type { BatchItemResult, BatchResult } from '@app/client';
import type { ImportItem } from './import-file';

/** Items as a file of `count` lines would give them, `bytes` long each. */
export function testItems(count: number, bytes = 10, firstLine = 1): ImportItem[] {
  return Array.from({ length: count }, (_, index) => ({
    line: firstLine + index,
    number: firstLine + index,
    text: `{"n":${firstLine + index}}`,
    bytes,
  }));
}

type Outcome = 'accepted' | 'duplicate' | 'invalid' | 'unavailable';

/** The answer of POST /v1/developments/batch to one request, an outcome an item in order. */
export function batchResult(outcomes: Outcome[]): BatchResult {
  const results: BatchItemResult[] = outcomes.map((status, index) => {
    const ids = { developmentId: `d-${index}`, eventId: `e-${index}`, sequence: index + 1 };
    switch (status) {
      case 'accepted':
      case 'duplicate':
        return { index, line: index + 1, status, ...ids };
      case 'invalid':
        return {
          index,
          line: index + 1,
          status,
          details: [{ path: 'statements[0].stance', message: 'must be one of support, oppose' }],
        };
      case 'unavailable':
        return {
          index,
          line: index + 1,
          status,
          developmentId: ids.developmentId,
          message: 'The log is unreachable.',
          outcomeUnknown: false,
        };
    }
  });
  const count = (status: Outcome) => outcomes.filter((outcome) => outcome === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    invalid: count('invalid'),
    unavailable: count('unavailable'),
    results,
  };
}
