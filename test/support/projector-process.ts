import { AppConfig } from '@app/config';
import { ServiceProcess } from './service-process';

export { ensureBuilt, freePort } from './service-process';

/** The projector as a process of its own, so a test can kill it. */
export class ProjectorProcess extends ServiceProcess {
  constructor(config: AppConfig, port: number) {
    super(config, port, {
      name: 'projector',
      main: 'dist/apps/projector/apps/projector/src/main.js',
      portVariable: 'PROJECTOR_PORT',
    });
  }
}
