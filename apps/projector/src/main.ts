import { loadConfig } from '@app/config';
import { createProjectorApp } from './create-projector-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createProjectorApp(config);
  await app.startAllMicroservices();
  await app.listen(config.PROJECTOR_PORT, config.HOST);
}

void bootstrap();
