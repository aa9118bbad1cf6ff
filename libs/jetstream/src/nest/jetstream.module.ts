import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { NatsConnection, NatsConnectionOptions } from '../connection';

@Injectable()
class ConnectionLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(NatsConnection) private readonly connection: NatsConnection) {}

  onModuleInit(): void {
    this.connection.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Provides the process's NatsConnection; connects in the background at start-up. */
@Module({})
export class JetStreamModule {
  static forRoot(options: NatsConnectionOptions): DynamicModule {
    return {
      module: JetStreamModule,
      global: true,
      providers: [
        {
          provide: NatsConnection,
          useFactory: () => new NatsConnection(options, new Logger('NATS')),
        },
        ConnectionLifecycle,
      ],
      exports: [NatsConnection],
    };
  }

  /** The connection a service of this deployment needs, from its configuration. */
  static forConfig(config: AppConfig, clientName: string): DynamicModule {
    return JetStreamModule.forRoot({
      servers: config.NATS_URL,
      name: clientName,
      credentials: {
        ...(config.NATS_USER !== undefined && { user: config.NATS_USER }),
        ...(config.NATS_PASSWORD !== undefined && { pass: config.NATS_PASSWORD }),
        ...(config.NATS_TOKEN !== undefined && { token: config.NATS_TOKEN }),
      },
      stream: {
        streamName: config.STREAM_NAME,
        subjectPrefix: config.SUBJECT_PREFIX,
        replicas: config.STREAM_REPLICAS,
      },
    });
  }
}
