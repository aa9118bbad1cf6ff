import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The files of Swagger UI a page needs, with their media types. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** The copy of swagger-ui-dist that @nestjs/swagger itself depends on. */
const swaggerUiDirectory = () =>
  dirname(
    createRequire(require.resolve('@nestjs/swagger')).resolve('swagger-ui-dist/package.json'),
  );

/**
 * Swagger UI for the document at `documentPath`, at `path`. The page runs no inline script:
 * its set-up is a file of its own, so a `script-src 'self'` policy lets it run.
 */
export function serveSwaggerUi(
  app: NestFastifyApplication,
  path: string,
  { title, documentPath }: { title: string; documentPath: string },
): void {
  const fastify = app.getHttpAdapter().getInstance();
  const directory = swaggerUiDirectory();
  const page = swaggerUiPage(path, title);
  const setUp = swaggerUiSetUp(documentPath);
  fastify.get(path, (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get(`${path}/swagger-ui-init.js`, (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(setUp),
  );
  for (const [asset, type] of Object.entries(ASSETS)) {
    fastify.get(`${path}/${asset}`, (_request, reply) =>
      reply
        .type(type)
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(join(directory, asset))),
    );
  }
}

function swaggerUiPage(path: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <link rel="stylesheet" href="${path}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${path}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${path}/favicon-16x16.png" sizes="16x16">
  <style>body { margin: 0; background: #fafafa; }</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${path}/swagger-ui-bundle.js"></script>
  <script src="${path}/swagger-ui-init.js"></script>
</body>
</html>
`;
}

function swaggerUiSetUp(documentPath: string): string {
  const options = {
    url: documentPath,
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    validatorUrl: null,
  };
  return `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(options)}, {
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  }));
});
`;
}
