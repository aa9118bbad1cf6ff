import { BaseRpcContext } from '@nestjs/microservices';

type JetStreamContextArgs = [consumer: string, pattern: string];

/** What an @EventPattern handler can learn about the batch it was given. */
export class JetStreamContext extends BaseRpcContext<JetStreamContextArgs> {
  getConsumer(): string {
    return this.args[0];
  }

  getPattern(): string {
    return this.args[1];
  }
}
