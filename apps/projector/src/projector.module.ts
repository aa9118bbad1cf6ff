import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { HttpServiceModule } from '@app/http';
import { JetStreamModule } from '@app/jetstream';
import { DatabaseModule } from './database/database.module';
import { DraftsModule } from './drafts/drafts.module';
import { HealthModule } from './health/health.module';
import { ConsumerModule } from './consumer/consumer.module';
import { StatusModule } from './status/status.module';
import { QueriesModule } from './queries.module';
import { RebuildModule } from './rebuild/rebuild.module';
import { StreamModule } from './stream/stream.module';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        HttpServiceModule.forRoot(config, 'projector'),
        JetStreamModule.forConfig(config, 'newsline-projector'),
        DatabaseModule,
        ConsumerModule,
        QueriesModule,
        DraftsModule,
        StreamModule,
        RebuildModule,
        StatusModule,
        HealthModule,
      ],
    };
  }
}
