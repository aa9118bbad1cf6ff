import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@app/config';
import { ApiExceptionFilter } from './api-exception.filter';
import { AccessGuard, Authenticator, SessionController } from './auth';
import { createHttpAdapter } from './create-http-adapter';
import type { ErrorAnswer } from './error-answer';
import { logRequests } from './logging/log-requests';
import { LoggingModule, ROOT_LOGGER } from './logging/logging.module';
import type { MediaTypeMessages } from './media-type-messages';
import { MetricsModule } from './metrics/metrics.module';
import { useSecurityHeaders } from './security-headers';
import { useWriteRateLimit } from './write-rate-limit';

/** What every newsline HTTP service has: configuration, logs, metrics, access, GET /v1/session. */
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
      controllers: [SessionController],
      providers: [
        {
          provide: Authenticator,
          useFactory: (c: AppConfig) => new Authenticator(c),
          inject: [APP_CONFIG],
        },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}

/** What a service adds to the common HTTP handling: answers to its own errors, its 415s' text. */
export interface HttpServiceOptions {
  /** Answers to the errors of the service's own dependencies, tried in order. */
  errorAnswers?: readonly ErrorAnswer[];
  mediaTypes: MediaTypeMessages;
}

/**
 * A Nest application on Fastify with the service's logger, error answers, security headers
 * and limits.
 */
export async function createHttpService(
  module: DynamicModule,
  config: AppConfig,
  { errorAnswers = [], mediaTypes }: HttpServiceOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    createHttpAdapter({ config, mediaTypes }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useGlobalFilters(new ApiExceptionFilter(errorAnswers, mediaTypes));
  logRequests(app.getHttpAdapter().getInstance(), app.get(ROOT_LOGGER));
  await useSecurityHeaders(app);
  await useWriteRateLimit(app, config.WRITE_RATE_LIMIT_PER_MINUTE);
  return app;
}
