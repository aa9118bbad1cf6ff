import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { HttpServiceModule } from '@app/http';
import { JetStreamModule } from '@app/jetstream';
import { ActorsModule } from './actors/actors.module';
import { EditsModule } from './edits/edits.module';
import { HealthModule } from './health/health.module';
import { RecordingModule } from './recording/recording.module';

@Module({})
export class IngestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        HttpServiceModule.forRoot(config, 'ingest'),
        JetStreamModule.forConfig(config, 'newsline-ingest'),
        RecordingModule,
        EditsModule,
        ActorsModule,
        HealthModule,
      ],
    };
  }
}
