import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { MEDIA_TYPE_MESSAGES, streamSubjects } from '@app/contracts';
import { createHttpService, ROOT_LOGGER, setUpApiDocs } from '@app/http';
import { ConsumerState, JetStreamServer, NatsConnection } from '@app/jetstream';
import { PROJECTOR_API_DOCS } from './openapi/projector-api-docs';
import { PoisonEvents } from './consumer/poison-events';
import { ProjectionRunner } from './consumer/projection-runner.service';
import { ProjectorLease } from './consumer/projector-lease';
import { DATABASE_ERROR_ANSWERS } from './database/database-error-answers';
import { forwardWritesToIngest } from './ingest-proxy/forward-writes-to-ingest';
import { ProjectorModule } from './projector.module';
import { serveWebView } from './web/web-view';

/**
 * The query API over HTTP, ingest's write routes forwarded to ingest, and the log consumer as
 * a Nest microservice, in one process.
 */
export async function createProjectorApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpService(ProjectorModule.forRoot(config), config, {
    errorAnswers: DATABASE_ERROR_ANSWERS,
    mediaTypes: MEDIA_TYPE_MESSAGES,
  });
  await forwardWritesToIngest(app, { ingestUrl: config.INGEST_URL, logger: app.get(ROOT_LOGGER) });
  setUpApiDocs(app, PROJECTOR_API_DOCS);
  await serveWebView(app, config.WEB_DIR);
  const runner = app.get(ProjectionRunner);
  const lease = app.get(ProjectorLease);
  const poison = app.get(PoisonEvents);
  const state = app.get(ConsumerState);
  const server = new JetStreamServer({
    connection: app.get(NatsConnection),
    durableName: config.PROJECTOR_DURABLE,
    filterSubject: streamSubjects(config.SUBJECT_PREFIX),
    subjectPrefix: config.SUBJECT_PREFIX,
    maxBatch: config.PROJECTOR_BATCH_SIZE,
    resumeAfter: () => runner.resumeAfter(),
    // A database that cannot be reached while waiting for the lease is a stall, not a standby.
    acquireLease: (signal) => lease.acquire(signal, (error) => state.markStalled(error)),
    setAside: (letter) => poison.setAside(letter),
    state,
  });
  lease.whenLost(() => server.restart());
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return app;
}
