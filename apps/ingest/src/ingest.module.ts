import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AppConfig, AppConfigModule } from '@app/config';
import { AccessGuard, ApiExceptionFilter, LoggingModule, MetricsModule } from '@app/http';
import { JetStreamModule } from '@app/jetstream';
import { DevelopmentsModule } from './developments/developments.module';
import { HealthModule } from './health/health.module';

@Module({})
export class IngestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        AppConfigModule.forRoot(config),
        JetStreamModule.forConfig(config, 'newsline-ingest'),
        MetricsModule.forRoot('ingest'),
        LoggingModule.forRoot(config, 'newsline-ingest'),
        DevelopmentsModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
