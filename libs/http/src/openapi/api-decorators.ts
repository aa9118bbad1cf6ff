import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { HeaderObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { apiErrorSchema } from '@app/contracts';
import { RETRY_AFTER } from '../retry-after';
import { zodSchema } from './zod-schema';

const JSON_MEDIA_TYPE = 'application/json';

const stringHeader = (description: string): HeaderObject => ({
  description,
  schema: { type: 'string' },
});

/** The Retry-After header of an answer, as `retryAfter()` sets it or a rate limit does. */
export const RETRY_AFTER_HEADER: Record<string, HeaderObject> = {
  [RETRY_AFTER]: stringHeader('Seconds to wait before retrying.'),
};
export const ETAG_HEADER = stringHeader(
  'The revision of the development as an entity tag (`"2"`), for If-Match.',
);

/** Headers every error answer of a status carries. */
const ERROR_HEADERS: Partial<Record<number, Record<string, HeaderObject>>> = {
  401: {
    'WWW-Authenticate': stringHeader(
      '`Bearer realm="newsline"`, with `error="invalid_token"` for a bad signed token.',
    ),
  },
  403: {
    'WWW-Authenticate': stringHeader('`Bearer realm="newsline", error="insufficient_scope"`'),
  },
  412: { ETag: ETAG_HEADER },
  429: RETRY_AFTER_HEADER,
  503: RETRY_AFTER_HEADER,
};

/**
 * The request body, from the zod schema that validates it, as `application/json`; other media
 * types the route takes can be added with their own schemas (which `@ApiBody`, one schema for
 * every media type, cannot say).
 */
export function ApiZodBody(
  schema: z.ZodType,
  options: { description?: string; otherMediaTypes?: Record<string, z.ZodType> } = {},
): MethodDecorator {
  const mediaTypes = { [JSON_MEDIA_TYPE]: schema, ...options.otherMediaTypes };
  return ApiOperation({
    requestBody: {
      required: true,
      description: options.description,
      content: Object.fromEntries(
        Object.entries(mediaTypes).map(([type, body]) => [
          type,
          { schema: zodSchema(body, 'input') },
        ]),
      ),
    },
  });
}

/**
 * One query parameter per field of the zod schema that parses the query string, described by
 * `descriptions` and by the field's own description.
 */
export function ApiZodQuery<Schema extends z.ZodType>(
  schema: Schema,
  descriptions: Partial<Record<keyof z.input<Schema>, string>> = {},
): MethodDecorator {
  const { properties = {}, required = [] } = zodSchema(schema, 'input');
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) => {
      const { description, ...parameterSchema } = property as SchemaObject;
      const repeated = repeatedForm(parameterSchema);
      return ApiQuery({
        name,
        required: required.includes(name),
        description: joinDescriptions(descriptions[name as keyof z.input<Schema>], description),
        schema: repeated ?? parameterSchema,
        ...(repeated && { style: 'form', explode: true }),
      });
    }),
  );
}

export function ApiZodParam(
  name: string,
  schema: z.ZodType,
  description: string,
): MethodDecorator & ClassDecorator {
  return ApiParam({ name, description, schema: zodSchema(schema, 'input') });
}

export function ApiZodHeader(
  name: string,
  schema: z.ZodType,
  description: string,
): MethodDecorator & ClassDecorator {
  const { description: rule, ...headerSchema } = zodSchema(schema, 'input');
  return ApiHeader({
    name,
    description: joinDescriptions(description, rule),
    required: false,
    schema: headerSchema,
  });
}

/** A JSON answer, from the zod schema of what the route returns. */
export function ApiZodResponse(
  status: number,
  schema: z.ZodType,
  description: string,
  headers?: Record<string, HeaderObject>,
): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, schema: zodSchema(schema), headers });
}

/** One event of a Server-Sent Events stream, as the stream's schema models it. */
export type ServerSentEvent = { retry: number } | { id: string; event: string; data: string };

/**
 * A `text/event-stream` answer. OpenAPI 3.1 has no schema for each item of a stream (3.2's
 * `itemSchema`), so the stream is modelled as the OpenAPI media type registry says: an array
 * of its events, each an object of the SSE fields. The `data` of each named event is JSON of
 * its zod schema, given as `contentSchema`, which keeps the message schemas in the document
 * for typed clients.
 */
export function ApiEventStreamResponse(
  status: number,
  description: string,
  events: Record<string, { schema: z.ZodType; description: string }>,
  example: ServerSentEvent[],
): MethodDecorator & ClassDecorator {
  const reconnect: SchemaObject = {
    type: 'object',
    description: 'Sent first: how many milliseconds a client waits before reconnecting.',
    required: ['retry'],
    properties: { retry: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  };
  const messages = Object.entries(events).map(([event, message]): SchemaObject => ({
    type: 'object',
    description: message.description,
    required: ['id', 'event', 'data'],
    properties: {
      id: {
        type: 'string',
        description: 'The log sequence; `Last-Event-ID` to resume after this event.',
      },
      event: { type: 'string', enum: [event] },
      data: jsonText(zodSchema(message.schema)),
    },
    additionalProperties: false,
  }));
  const schema: SchemaObject = { type: 'array', items: { oneOf: [reconnect, ...messages] } };
  return ApiResponse({
    status,
    description,
    content: { 'text/event-stream': { schema, example } },
  });
}

/** Error answers (API.md's error shape), with a description per status. */
export function ApiErrorResponses(
  descriptions: Record<number, string>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiZodResponse(Number(status), apiErrorSchema, description, ERROR_HEADERS[Number(status)]),
    ),
  );
}

/** An error answer as `ApiErrorResponses` documents it, for passes over a whole document. */
export function errorResponse(status: number, description: string): ResponseObject {
  const headers = ERROR_HEADERS[status];
  return {
    description,
    ...(headers && { headers }),
    content: { [JSON_MEDIA_TYPE]: { schema: zodSchema(apiErrorSchema) } },
  };
}

/**
 * A route that takes no body still has one read when a client sends it, before the route runs:
 * refused when it is too large or of another media type (and 400 when it is not valid JSON).
 */
export function ApiTakesNoBody(): MethodDecorator & ClassDecorator {
  return ApiErrorResponses({
    413: 'A body was sent over the limit (BODY_LIMIT_BYTES); this route takes none.',
    415: 'A body was sent that is not JSON; this route takes none.',
  });
}

/** Writes are limited per client when WRITE_RATE_LIMIT_PER_MINUTE is set. */
export function ApiWriteRateLimit(): MethodDecorator & ClassDecorator {
  return ApiErrorResponses({
    429: 'Too many writes from this client (only when WRITE_RATE_LIMIT_PER_MINUTE is set).',
  });
}

/** A string holding JSON that `schema` describes (JSON Schema 2020-12's content keywords). */
function jsonText(schema: SchemaObject): SchemaObject {
  const text: SchemaObject & { contentMediaType: string; contentSchema: SchemaObject } = {
    type: 'string',
    contentMediaType: JSON_MEDIA_TYPE,
    contentSchema: schema,
  };
  return text;
}

/** `a` or `[a, a, ...]` in zod is a parameter that may be repeated: `?actor=a&actor=b`. */
function repeatedForm(schema: SchemaObject): SchemaObject | undefined {
  return schema.anyOf?.find(
    (option): option is SchemaObject => 'type' in option && option.type === 'array',
  );
}

function joinDescriptions(...parts: Array<string | undefined>): string | undefined {
  const given = parts.filter((part) => part !== undefined && part !== '');
  return given.length > 0 ? given.join(' ') : undefined;
}
