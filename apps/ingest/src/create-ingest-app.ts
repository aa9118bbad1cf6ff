import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, nestLogLevels } from '@app/config';
import { createHttpAdapter, useSecurityHeaders, useWriteRateLimit } from '@app/http';
import { IngestModule } from './ingest.module';

export async function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    IngestModule.forRoot(config),
    createHttpAdapter({ bodyLimitBytes: config.BODY_LIMIT_BYTES }),
    { logger: nestLogLevels(config.LOG_LEVEL), bodyParser: false },
  );
  await useSecurityHeaders(app);
  await useWriteRateLimit(app, config.WRITE_RATE_LIMIT_PER_MINUTE);
  return app;
}
