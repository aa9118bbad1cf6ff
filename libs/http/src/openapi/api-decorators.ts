import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
} from '@nestjs/swagger';
import type { HeaderObject, MediaTypeObject, SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { apiErrorSchema } from '@app/contracts';
import { RETRY_AFTER } from '../retry-after';
import { securitySchemeName, TokenAccess } from './access-schemes';
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
  401: { 'WWW-Authenticate': stringHeader('`Bearer realm="newsline"`') },
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

/**
 * A text answer of another media type. For a stream of messages, `messageSchema` documents
 * the JSON each message carries (as the `x-message-schema` extension).
 */
export function ApiTextResponse(
  status: number,
  mediaType: string,
  description: string,
  options: { example?: string; messageSchema?: z.ZodType } = {},
): MethodDecorator & ClassDecorator {
  const content: MediaTypeObject & { 'x-message-schema'?: SchemaObject } = {
    schema: { type: 'string' },
    example: options.example,
    ...(options.messageSchema && { 'x-message-schema': zodSchema(options.messageSchema) }),
  };
  return ApiResponse({ status, description, content: { [mediaType]: content } });
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

/** Writes are limited per client when WRITE_RATE_LIMIT_PER_MINUTE is set. */
export function ApiWriteRateLimit(): MethodDecorator & ClassDecorator {
  return ApiErrorResponses({
    429: 'Too many writes from this client (only when WRITE_RATE_LIMIT_PER_MINUTE is set).',
  });
}

/** A bearer token of this access level is needed when the service is configured with one. */
export function ApiTokenAccess(access: TokenAccess): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(securitySchemeName(access)),
    ApiErrorResponses({ 401: 'The token is missing or wrong (only when one is configured).' }),
  );
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
