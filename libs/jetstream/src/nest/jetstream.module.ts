import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
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
}
