import { developmentChangesSchema, developmentInputSchema, retractionSchema } from '../development';

const RULES_JSON_SCHEMA_CANNOT_SAY = [
  'Dates are calendar days `YYYY-MM-DD` that exist, from 1900-01-01 to 2100-12-31; `occurredUntil` is not before `occurredOn`.',
  '`title` is 1 to 300 characters after trimming; `body` at most 20,000, `location` 200, `quote` and `summary` 2,000, names 200.',
  'Actor ids and affiliations are slugs (lowercase letters of any script, digits, single hyphens).',
  '`source.url` is an http or https URL.',
  'Text holding U+0000 or an unpaired surrogate is refused; unknown fields anywhere are refused.',
].join('\n- ');

/** The schemas that validate request bodies, named for the API documents. */
export const developmentInputBody = developmentInputSchema.meta({
  id: 'DevelopmentInput',
  description: `A dated development of a story.\n\n- ${RULES_JSON_SCHEMA_CANNOT_SAY}`,
});

export const developmentChangesBody = developmentChangesSchema.meta({
  id: 'DevelopmentChanges',
  description:
    'Any non-empty subset of the fields of a development, by the same rules; they replace the ' +
    'fields of the recorded development (`topics` and `actors` only when given), and the ' +
    `result must be a valid development.\n\n- ${RULES_JSON_SCHEMA_CANNOT_SAY}`,
});

export const retractionBody = retractionSchema.meta({
  id: 'Retraction',
  description: 'Why the development is withdrawn: 1 to 2,000 characters, not blank.',
});
