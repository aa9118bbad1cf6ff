import { AppConfig } from '@app/config';
import { ServiceProcess } from './service-process';

/** Ingest as a process of its own, so a test can stop or kill it with writes in flight. */
export class IngestProcess extends ServiceProcess {
  constructor(config: AppConfig, port: number) {
    super(config, port, {
      name: 'ingest',
      main: 'dist/apps/ingest/apps/ingest/src/main.js',
      portVariable: 'INGEST_PORT',
    });
  }
}
