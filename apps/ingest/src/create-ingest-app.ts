import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { MEDIA_TYPE_MESSAGES } from '@app/contracts';
import { createHttpService, setUpApiDocs } from '@app/http';
import { corsOptions } from './cors/cors-options';
import { IngestModule } from './ingest.module';
import { logUnavailableAnswer } from './log/log-unavailable';
import { INGEST_API_DOCS } from './openapi/ingest-api-docs';

export async function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpService(IngestModule.forRoot(config), config, {
    errorAnswers: [logUnavailableAnswer],
    mediaTypes: MEDIA_TYPE_MESSAGES,
  });
  // Nest's adapter runs the CORS hook before guards: preflights need no token.
  const cors = corsOptions(config.CORS_ORIGINS);
  if (cors) app.enableCors(cors);
  setUpApiDocs(app, INGEST_API_DOCS);
  return app;
}
