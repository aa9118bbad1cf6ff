import { resolve } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/config';
import { streamSubjects } from '@app/contracts';
import { createHttpService, setUpApiDocs } from '@app/http';
import { ConsumerState, JetStreamServer, NatsConnection } from '@app/jetstream';
import { PROJECTOR_API_DOCS } from './openapi/projector-api-docs';
import { ProjectionRunner } from './consumer/projection-runner.service';
import { ProjectorLease } from './consumer/projector-lease';
import { ProjectorModule } from './projector.module';
import { serveWebView } from './web/web-view';

/** The query API over HTTP plus the log consumer as a Nest microservice, in one process. */
export async function createProjectorApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createHttpService(ProjectorModule.forRoot(config), config);
  setUpApiDocs(app, PROJECTOR_API_DOCS);
  await serveWebView(app, process.env.WEB_DIR ?? resolve(process.cwd(), 'dist/web'), {
    ingestUrl: config.INGEST_PUBLIC_URL,
  });
  const runner = app.get(ProjectionRunner);
  const lease = app.get(ProjectorLease);
  const server = new JetStreamServer({
    connection: app.get(NatsConnection),
    durableName: config.PROJECTOR_DURABLE ?? 'projector',
    filterSubject: streamSubjects(config.SUBJECT_PREFIX),
    subjectPrefix: config.SUBJECT_PREFIX,
    maxBatch: config.PROJECTOR_BATCH_SIZE,
    resumeAfter: () => runner.resumeAfter(),
    acquireLease: () => lease.acquire(),
    state: app.get(ConsumerState),
  });
  lease.whenLost(() => void server.restart());
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return app;
}
