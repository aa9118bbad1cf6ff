import { z } from 'zod';
import { logSequence } from './common.schema';
import { developmentViewSchema, eventTypeSchema } from './development-view.schema';

/** The `data` of a `development` message of the live stream. */
export const developmentStreamEventSchema = z
  .strictObject({
    type: eventTypeSchema.describe('The event that was applied.'),
    sequence: logSequence.describe("The event's log sequence; also the message's `id`."),
    development: developmentViewSchema.describe('The development as it stands after the event.'),
  })
  .meta({ id: 'DevelopmentStreamEvent' });
