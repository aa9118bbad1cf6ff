import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '@app/config';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Structured JSON logs (pino) for the framework and the services, and the root logger that
 * `logRequests` writes one line per request with. No per-request middleware: requests are
 * logged from a Fastify hook, which costs a fraction of pino-http's per-request child logger
 * and async context. Secrets are never logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, service: string): DynamicModule {
    const logger = pino({
      name: service,
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    });
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] })],
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      exports: [ROOT_LOGGER],
    };
  }
}
