import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';

/**
 * The body of a forwarded request, as a stream of its own fed from the request: what sends
 * it on to ingest may stop reading or destroy it without touching the client's connection.
 * A client that goes away mid-body ends it with an error, so that the forwarding stops too.
 */
export function forwardedBody(request: IncomingMessage): PassThrough {
  const body = new PassThrough();
  request.pipe(body);
  request.once('close', () => {
    if (!request.complete) body.destroy(new Error('the client closed the request mid-body'));
  });
  return body;
}

/**
 * After the answer, the rest of a body ingest answered before reading all of it (a 413):
 * no longer sent on, read and dropped, so that the client gets to send it all and can reuse
 * its connection.
 */
export function dropRestOfBody(request: IncomingMessage, body: unknown): void {
  if (request.complete || !(body instanceof PassThrough)) return;
  request.unpipe(body);
  body.destroy();
  request.resume();
}
