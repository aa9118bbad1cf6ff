import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '@app/config';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Human-readable lines for a person at a terminal; JSON for everything that collects logs. */
export function prettyLogs(
  format: AppConfig['LOG_FORMAT'],
  stdout: { isTTY?: boolean } = process.stdout,
): boolean {
  return format === 'pretty' || (format === 'auto' && stdout.isTTY === true);
}

let prettyStream: DestinationStream | undefined;

/**
 * pino-pretty formats in a worker thread (a pino transport), started on first use and shared
 * by every application of the process, as tests run several.
 */
function prettyDestination(): DestinationStream {
  prettyStream ??= pino.transport({
    target: require.resolve('pino-pretty'),
    options: {
      translateTime: 'SYS:HH:MM:ss.l',
      // Nest's context and logRequests' fields on the message line, e.g.
      // "[RouterExplorer] Mapped {/health, GET}", "request completed POST /v1/x 202 3ms [<id>]".
      messageFormat:
        '{if context}[{context}] {end}{msg}' +
        '{if req.method} {req.method} {req.url} {res.statusCode} {responseTime}ms [{req.id}]{end}',
      ignore: 'pid,hostname,context,req,res,responseTime',
    },
  });
  return prettyStream;
}

/**
 * Structured JSON logs (pino) for the framework and the services, and the root logger that
 * `logRequests` writes one line per request with; pino-pretty instead when `LOG_FORMAT` asks
 * for it. No per-request middleware: requests are logged from a Fastify hook, which costs a
 * fraction of pino-http's per-request child logger and async context. Secrets are never logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, service: string): DynamicModule {
    const options: pino.LoggerOptions = {
      name: service,
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    };
    const logger = prettyLogs(config.LOG_FORMAT)
      ? pino(options, prettyDestination())
      : pino(options);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] })],
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      exports: [ROOT_LOGGER],
    };
  }
}
