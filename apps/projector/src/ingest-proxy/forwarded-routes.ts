/** A route of ingest that the projector forwards, as Fastify writes its path. */
export interface ForwardedRoute {
  method: 'POST' | 'DELETE';
  path: string;
}

/**
 * Ingest's write routes: the projector forwards these, and only these, so that a browser
 * showing the web view writes to the origin it came from. Every other route, such as
 * `GET /v1/developments/{developmentId}`, is the projector's own.
 */
export const FORWARDED_ROUTES: readonly ForwardedRoute[] = [
  { method: 'POST', path: '/v1/developments' },
  { method: 'POST', path: '/v1/developments/batch' },
  { method: 'POST', path: '/v1/developments/:developmentId/corrections' },
  { method: 'POST', path: '/v1/developments/:developmentId/retraction' },
  { method: 'POST', path: '/v1/actors/:actorId/merge' },
  { method: 'DELETE', path: '/v1/actors/:actorId/merge' },
];

/** A route as OpenAPI and the documentation write it: `POST /v1/developments/{developmentId}/corrections`. */
export function describeRoute({ method, path }: ForwardedRoute): string {
  return `${method} ${path.replace(/:(\w+)/g, '{$1}')}`;
}
