import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { createHttpAdapter, useSecurityHeaders, useWriteRateLimit } from '@app/http';
import { IngestModule } from './ingest.module';

export async function createIngestApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    IngestModule.forRoot(config),
    createHttpAdapter({ bodyLimitBytes: config.BODY_LIMIT_BYTES }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await useSecurityHeaders(app);
  await useWriteRateLimit(app, config.WRITE_RATE_LIMIT_PER_MINUTE);
  return app;
}
