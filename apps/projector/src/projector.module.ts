import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { HttpServiceModule } from '@app/http';
import { JetStreamModule } from '@app/jetstream';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ProjectionModule } from './projection/projection.module';
import { QueriesModule } from './queries.module';

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        HttpServiceModule.forRoot(config, 'projector'),
        JetStreamModule.forConfig(config, 'newsline-projector'),
        DatabaseModule,
        ProjectionModule,
        QueriesModule,
        HealthModule,
      ],
    };
  }
}
