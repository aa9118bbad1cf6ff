import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppConfig, AppConfigModule } from '@app/config';
import { AccessGuard, ApiExceptionFilter, LoggingModule, MetricsModule } from '@app/http';
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
        AppConfigModule.forRoot(config),
        JetStreamModule.forConfig(config, 'newsline-projector'),
        MetricsModule.forRoot('projector'),
        LoggingModule.forRoot(config, 'newsline-projector'),
        DatabaseModule,
        ProjectionModule,
        QueriesModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
