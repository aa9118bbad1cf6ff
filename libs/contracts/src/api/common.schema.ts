import { z } from 'zod';
import { ID_SLUG, STANCES, TOPIC_SLUG } from '../development';

/** A day, `YYYY-MM-DD`. */
export const calendarDate = z.iso.date();

/** A moment the service recorded, in UTC (`2025-12-02T10:00:00.000Z`). */
export const timestamp = z.iso.datetime();

/** A position in the log: the sequence number JetStream gave an event. */
export const logSequence = z.int().min(1);

export const count = z.int().min(0);

export const uuid = z.uuid();

export const topicSlug = z.string().regex(TOPIC_SLUG);

/** An actor or affiliation id: the slug of a name, in any script. */
export const idSlug = z.string().regex(ID_SLUG);

export const stance = z.enum(STANCES);

/** One page of a list; pass `nextCursor` back as `cursor` for the next one. */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('The `cursor` of the next page; null on the last page.'),
  });
