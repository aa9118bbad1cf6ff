import { z } from 'zod';
import { validationDetailSchema } from '../errors';
import { count, logSequence, uuid } from './common.schema';

export const recordingOutcomeSchema = z
  .strictObject({
    developmentId: uuid,
    eventId: uuid,
    sequence: logSequence,
    duplicate: z.boolean().describe('true: the key was recorded before; these are its ids.'),
  })
  .meta({ id: 'RecordingOutcome' });

export type RecordingOutcome = z.infer<typeof recordingOutcomeSchema>;

const itemPlace = {
  index: count.describe('The place of the item in the batch, from 0.'),
  line: z.int().min(1).optional().describe('The line of the item in an NDJSON body, from 1.'),
};

const recordedItemSchema = z.strictObject({
  ...itemPlace,
  status: z.enum(['accepted', 'duplicate']),
  developmentId: uuid,
  eventId: uuid,
  sequence: logSequence,
});

const invalidItemSchema = z.strictObject({
  ...itemPlace,
  status: z.literal('invalid'),
  details: z.array(validationDetailSchema),
});

const unavailableItemSchema = z.strictObject({
  ...itemPlace,
  status: z.literal('unavailable'),
  developmentId: uuid,
  message: z.string(),
  outcomeUnknown: z
    .boolean()
    .describe('true: it may have been recorded; sending it again tells which.'),
});

export const batchItemResultSchema = z
  .discriminatedUnion('status', [recordedItemSchema, invalidItemSchema, unavailableItemSchema])
  .meta({ id: 'BatchItemResult' });

export type BatchItemResult = z.infer<typeof batchItemResultSchema>;

export const batchResultSchema = z
  .strictObject({
    accepted: count,
    duplicates: count,
    invalid: count,
    unavailable: count,
    results: z.array(batchItemResultSchema).describe('One per item, in input order.'),
  })
  .meta({ id: 'BatchResult' });

export type BatchResult = z.infer<typeof batchResultSchema>;

export const editOutcomeSchema = z
  .strictObject({
    eventId: uuid,
    sequence: logSequence,
    revision: z
      .int()
      .min(1)
      .describe("The development's revision after the edit (a retraction leaves it as it was)."),
  })
  .meta({ id: 'EditOutcome', description: 'The event a correction or retraction appended.' });

export type EditOutcome = z.infer<typeof editOutcomeSchema>;
