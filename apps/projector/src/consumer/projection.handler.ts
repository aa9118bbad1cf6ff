import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { LOG_EVENTS } from '@app/contracts';
import { JETSTREAM_TRANSPORT, ReceivedMessage } from '@app/jetstream';
import { ProjectionRunner } from './projection-runner.service';

@Controller()
export class ProjectionHandler {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  /**
   * Developments and merges of actors, applied in log order: a batch is not cut where one
   * kind follows the other, so a merge-heavy stretch of the log costs as few batches as any.
   */
  @EventPattern<string>(LOG_EVENTS, JETSTREAM_TRANSPORT)
  async applyLogEvents(@Payload() messages: ReceivedMessage[]): Promise<void> {
    await this.runner.apply(messages);
  }
}
