import { z } from 'zod';
import { recordedDevelopmentSchema } from './development.schema';

/** A development as recorded in the log (see recordedDevelopmentSchema). */
export type Development = z.infer<typeof recordedDevelopmentSchema>;

export type Actor = Development['actors'][number];

export type Statement = Development['statements'][number];
