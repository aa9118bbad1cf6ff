import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pagePolicy } from '@app/http';
import { ingestConnectSource, withIngestUrl } from './ingest-url';

export const WEB_VIEW_NOT_BUILT = {
  error: 'internal_error',
  message: 'The web view is not built: run npm run build',
  details: [],
};

/**
 * Asset names carry no content hash, so browsers keep them but ask again each time
 * (a 304 thanks to ETag and Last-Modified): a rebuilt page never runs an old script.
 */
const ASSET_CACHE_CONTROL = 'no-cache';

export interface WebViewOptions {
  /** INGEST_PUBLIC_URL: where browsers reach ingest, for merges. */
  ingestUrl?: string;
}

/**
 * The web view (built by scripts/build-web.js) at `/`, its scripts and styles under
 * `/assets/`. Both are open: the page asks for a read token itself when reads need one.
 * The files are read when asked for, so building the view does not need a restart. The
 * page is told where ingest is, and its content security policy lets it call ingest.
 */
export async function serveWebView(
  app: NestFastifyApplication,
  directory: string,
  options: WebViewOptions = {},
): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(directory, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    suppressWarning: true,
    index: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply) => void reply.header('cache-control', ASSET_CACHE_CONTROL),
  });
  const indexFile = join(directory, 'index.html');
  app
    .getHttpAdapter()
    .getInstance()
    .get('/', async (request: FastifyRequest, reply: FastifyReply) => {
      let page: string;
      try {
        page = await readFile(indexFile, 'utf8');
      } catch {
        return reply.code(503).header('cache-control', 'no-store').send(WEB_VIEW_NOT_BUILT);
      }
      const ingest = ingestConnectSource(options.ingestUrl, request.hostname);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', pagePolicy(ingest ? [ingest] : []))
        .send(withIngestUrl(page, options.ingestUrl));
    });
}
