import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pagePolicy } from '@app/http';

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

/**
 * The web view (built by scripts/build-web.js) at `/`, its scripts and styles under
 * `/assets/`. Both are open: the page asks for a read token itself when reads need one.
 * The files are read when asked for, so building the view does not need a restart. The
 * page calls only its own origin, writes included (the projector forwards them to ingest).
 */
export async function serveWebView(app: NestFastifyApplication, directory: string): Promise<void> {
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
    .get('/', async (_request: FastifyRequest, reply: FastifyReply) => {
      let page: string;
      try {
        page = await readFile(indexFile, 'utf8');
      } catch {
        return reply.code(503).header('cache-control', 'no-store').send(WEB_VIEW_NOT_BUILT);
      }
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', pagePolicy())
        .send(page);
    });
}
