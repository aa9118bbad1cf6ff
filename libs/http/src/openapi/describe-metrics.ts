import type { OpenAPIObject } from '@nestjs/swagger';

/** `GET /metrics`, which every service has from the shared metrics module. */
export function describeMetrics(document: OpenAPIObject): void {
  const operation = document.paths['/metrics']?.get;
  if (!operation) return;
  Object.assign(operation, {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    description:
      "The service's counters and histograms, and process metrics, prefixed `newsline_`.",
    responses: {
      200: {
        description: 'Prometheus text exposition format 0.0.4.',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    },
  });
}
