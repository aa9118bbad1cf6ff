import { RouteConfig } from '@nestjs/platform-fastify';
import type { AppConfig } from '@app/config';

/** The settings that hold a size in bytes. */
export type ByteSizeSetting = {
  [Name in keyof AppConfig]: Name extends `${string}_BYTES`
    ? AppConfig[Name] extends number
      ? Name
      : never
    : never;
}[keyof AppConfig];

/** What a route takes beyond the service's defaults. */
export interface RouteBody {
  /** The setting that holds the route's body limit, instead of BODY_LIMIT_BYTES. */
  limitFrom?: ByteSizeSetting;
  /** A fixed body limit in bytes, instead of BODY_LIMIT_BYTES. */
  limit?: number;
  /** NDJSON (`application/x-ndjson`) as well as JSON. */
  ndjson?: boolean;
  /** Plain text and HTML (`text/plain`, `text/html`, UTF-8) as well as JSON, as a TextBody. */
  text?: boolean;
}

/**
 * Declares what the route takes, in its Fastify route config: createHttpAdapter applies the
 * limit to the route once the configuration is known, and routes NDJSON and text to it.
 */
export function AcceptsBody(body: RouteBody): MethodDecorator {
  return RouteConfig({ acceptsBody: body });
}

/** The RouteBody of a Fastify route config; none for a route that declares nothing. */
export function routeBodyOf(routeConfig: unknown): RouteBody {
  return (routeConfig as { acceptsBody?: RouteBody } | undefined)?.acceptsBody ?? {};
}

/** The body limit of a route: its own, the setting it names, or the service's. */
export function bodyLimitOf(body: RouteBody, config: AppConfig): number | undefined {
  if (body.limit !== undefined) return body.limit;
  return body.limitFrom ? config[body.limitFrom] : undefined;
}
