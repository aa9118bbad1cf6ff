import { loadConfig } from '@app/config';
import { createIngestApp } from './create-ingest-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createIngestApp(config);
  await app.listen(config.INGEST_PORT, config.HOST);
}

void bootstrap();
