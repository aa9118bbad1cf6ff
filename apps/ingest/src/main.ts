import { loadConfig } from '@app/config';
import { exitCleanlyOnSignals, limitHeapGrowth } from '@app/http';
import { createIngestApp } from './create-ingest-app';

async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  const config = loadConfig();
  const app = await createIngestApp(config);
  exitCleanlyOnSignals(app, 'Ingest');
  await app.listen(config.INGEST_PORT, config.HOST);
}

bootstrap().catch((error: unknown) => {
  // A bad configuration or an unreachable database at start-up: say why, exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
