import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@app/config';
import { ApiExceptionFilter } from './api-exception.filter';
import { AccessGuard } from './auth';
import { createHttpAdapter, RouteBodyOptions } from './create-http-adapter';
import { logRequests } from './logging/log-requests';
import { LoggingModule, ROOT_LOGGER } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { useSecurityHeaders } from './security-headers';
import { useWriteRateLimit } from './write-rate-limit';

/** What every newsline HTTP service has: configuration, logs, metrics, errors, access. */
@Module({})
export class HttpServiceModule {
  static forRoot(config: AppConfig, service: string): DynamicModule {
    return {
      module: HttpServiceModule,
      imports: [
        AppConfigModule.forRoot(config),
        MetricsModule.forRoot(service),
        LoggingModule.forRoot(config, `newsline-${service}`),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}

/** A Nest application on Fastify with the service's logger, security headers and limits. */
export async function createHttpService(
  module: DynamicModule,
  config: AppConfig,
  routes: Record<string, RouteBodyOptions> = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    createHttpAdapter({ bodyLimitBytes: config.BODY_LIMIT_BYTES, routes }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  logRequests(app.getHttpAdapter().getInstance(), app.get(ROOT_LOGGER));
  await useSecurityHeaders(app);
  await useWriteRateLimit(app, config.WRITE_RATE_LIMIT_PER_MINUTE);
  return app;
}
