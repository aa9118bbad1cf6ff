import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { createHttpService, MediaTypeMessages, setUpApiDocs } from '@app/http';
import { corsOptions } from './cors/cors-options';
import { IngestModule } from './ingest.module';
import { logUnavailableAnswer } from './log/log-unavailable';
import { INGEST_API_DOCS } from './openapi/ingest-api-docs';

/** Every body is JSON; the batch endpoint alone also takes NDJSON. */
const INGEST_MEDIA_TYPES: MediaTypeMessages = {
  notJson:
    'The body must be JSON (Content-Type: application/json); the batch endpoint also takes NDJSON (application/x-ndjson).',
  notNdjson:
    'This endpoint takes one JSON document (Content-Type: application/json); NDJSON is for /v1/developments/batch.',
};

export async function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpService(IngestModule.forRoot(config), config, {
    errorAnswers: [logUnavailableAnswer],
    mediaTypes: INGEST_MEDIA_TYPES,
  });
  // Nest's adapter runs the CORS hook before guards: preflights need no token.
  app.enableCors(corsOptions(config.CORS_ORIGINS));
  setUpApiDocs(app, INGEST_API_DOCS);
  return app;
}
