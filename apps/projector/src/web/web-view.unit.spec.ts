import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveWebView, WEB_VIEW_NOT_BUILT } from './web-view';

@Module({})
class EmptyModule {}

async function appServing(directory: string): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), {
    logger: false,
  });
  await serveWebView(app, directory);
  await app.listen(0, '127.0.0.1');
  return app;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A GET over a real socket (Fastify's in-process `inject` loads an ES module Jest cannot),
 * with node:http, which sends exactly the headers given (fetch adds Cache-Control to
 * conditional requests).
 */
async function get(
  app: NestFastifyApplication,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(path, await app.getUrl());
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('serveWebView', () => {
  let directory: string;
  let app: NestFastifyApplication | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'web-view-'));
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves index.html at / and the assets under /assets/', async () => {
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>newsline</title>');
    writeFileSync(join(directory, 'assets', 'app.js'), 'console.log("app")');
    app = await appServing(directory);

    const page = await get(app, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toBe('<!doctype html><title>newsline</title>');

    const script = await get(app, '/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^application\/javascript/);
    expect(script.headers['cache-control']).toBe('no-cache');
    const etag = script.headers.etag;
    expect(etag).toBeDefined();
    expect((await get(app, '/assets/app.js', { 'if-none-match': String(etag) })).status).toBe(304);

    expect((await get(app, '/assets/missing.js')).status).toBe(404);
    expect((await get(app, '/assets/%2e%2e/index.html')).status).not.toBe(200);
  });

  it('answers 503 with a clear message until the view is built, then serves it', async () => {
    app = await appServing(directory);
    const missing = await get(app, '/');
    expect(missing.status).toBe(503);
    expect(JSON.parse(missing.body)).toEqual(WEB_VIEW_NOT_BUILT);

    writeFileSync(join(directory, 'index.html'), '<!doctype html>');
    expect((await get(app, '/')).status).toBe(200);
  });

  it('lets the page call its own origin only, for reads and writes alike', async () => {
    writeFileSync(join(directory, 'index.html'), '<html><head></head></html>');
    app = await appServing(directory);
    const page = await get(app, '/', { host: 'news.example.org:3001' });
    expect(page.body).toBe('<html><head></head></html>');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self';");
  });
});
