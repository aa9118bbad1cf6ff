import { INestApplication, Logger } from '@nestjs/common';

/**
 * SIGTERM / SIGINT: stop taking requests, finish what is in flight (the projector finishes
 * and commits its batch), close connections, and exit 0. A second signal exits at once.
 */
export function exitCleanlyOnSignals(app: INestApplication, name: string): void {
  const logger = new Logger(name);
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
