import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { createHttpService } from '@app/http';
import { IngestModule } from './ingest.module';

export function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  return createHttpService(IngestModule.forRoot(config), config, {
    '/v1/developments/batch': config.BATCH_BODY_LIMIT_BYTES,
  });
}
