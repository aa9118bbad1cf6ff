import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ACTOR_EVENTS, DEVELOPMENT_EVENTS } from '@app/contracts';
import { JETSTREAM_TRANSPORT, ReceivedMessage } from '@app/jetstream';
import { ProjectionRunner } from './projection-runner.service';

@Controller()
export class ProjectionHandler {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  @EventPattern<string>(DEVELOPMENT_EVENTS, JETSTREAM_TRANSPORT)
  async applyDevelopmentEvents(@Payload() messages: ReceivedMessage[]): Promise<void> {
    await this.runner.apply(messages);
  }

  /** Merges and unmerges of actors, applied in log order with the developments around them. */
  @EventPattern<string>(ACTOR_EVENTS, JETSTREAM_TRANSPORT)
  async applyActorEvents(@Payload() messages: ReceivedMessage[]): Promise<void> {
    await this.runner.apply(messages);
  }
}
