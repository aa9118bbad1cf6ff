import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CODES, ErrorCode } from '@app/contracts';

const ERRORS_BY_NODE_CODE: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['headers_too_large', 'The request line and headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'The request took too long to arrive.'],
};

/**
 * Requests so malformed that they never reach a route (headers over the size limit, broken
 * HTTP) still get API.md's error shape, written straight to the socket.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const [code, message] = ERRORS_BY_NODE_CODE[error.code ?? ''] ?? [
    'bad_request',
    'The request is not valid HTTP.',
  ];
  const status = ERROR_CODES[code];
  const body = JSON.stringify({ error: code, message, details: [] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
