import { z } from 'zod';

/** What a signed token may say its holder is: each role includes the ones before it. */
export const ROLE_NAMES = ['reader', 'editor', 'admin'] as const;

export const roleSchema = z
  .enum(ROLE_NAMES)
  .describe('`reader` may read, `editor` may also write, `admin` may also rebuild.');

export const principalSchema = z
  .strictObject({
    name: z.string().describe('Recorded as `recordedBy` in the events its writes record.'),
    roles: z.array(roleSchema),
    via: z
      .enum(['signed-token', 'static-token'])
      .describe('A signed token (JWT), or one of INGEST_TOKEN, ADMIN_TOKEN and READ_TOKEN.'),
  })
  .meta({ id: 'Principal', description: 'Who the credential sent names.' });

export const sessionSchema = z
  .strictObject({
    principal: principalSchema.nullable().describe('Null when no credential was sent.'),
    signIn: z
      .boolean()
      .describe('Whether the service accepts signed tokens (AUTH_JWT_SECRET or AUTH_JWKS_URL).'),
    may: z
      .strictObject({
        read: z.boolean(),
        write: z.boolean().describe('Record, correct, retract and merge.'),
        admin: z.boolean().describe('Rebuild projections.'),
      })
      .describe('What this service would let the same request do.'),
  })
  .meta({ id: 'Session', description: 'Who is calling, and what they may do.' });

export type Session = z.infer<typeof sessionSchema>;
