import { maxHeaderSize } from 'node:http';
import type { OpenAPIObject } from '@nestjs/swagger';
import { errorResponse } from './api-decorators';
import { operationsOf, withResponses } from './operations';

/**
 * The 431 Node's HTTP server gives on every route, before any route runs, when the request
 * line and headers are over its limit (`clientErrorHandler` writes it in the API's error
 * shape): documented on every operation.
 */
export function describeHeadersTooLarge(document: OpenAPIObject): void {
  const description =
    `The request line and headers are over ${maxHeaderSize} bytes (\`headers_too_large\`); ` +
    'the connection is closed.';
  for (const { operation } of operationsOf(document)) {
    withResponses(operation, { 431: errorResponse(431, description) });
  }
}
