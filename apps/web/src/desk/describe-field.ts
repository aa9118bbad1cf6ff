import { buildInput } from './form-values';
import type { DevelopmentField, DevelopmentFormValues } from './form-values';

/** The label of each field, as the form shows it. */
export const FIELD_LABELS: Record<DevelopmentField, string> = {
  occurredOn: 'Date',
  occurredUntil: 'Until',
  title: 'Title',
  body: 'Text',
  location: 'Location',
  topics: 'Topics',
  actors: 'Actors',
  statements: 'Statements',
  source: 'Source',
};

const NOTHING = '—';

/** A field of a form in one line of text, for showing two versions of it side by side. */
export function describeField(values: DevelopmentFormValues, field: DevelopmentField): string {
  const input = buildInput(values).input;
  switch (field) {
    case 'occurredOn':
    case 'title':
    case 'body':
    case 'location':
      return input[field] || NOTHING;
    case 'occurredUntil':
      return input.occurredUntil ?? `${input.occurredOn} (one day)`;
    case 'topics':
      return input.topics?.join(', ') || NOTHING;
    case 'actors':
      return (
        input.actors
          ?.map((actor) => {
            const extra = [actor.id, actor.affiliation].filter(Boolean).join(', ');
            return extra ? `${actor.name} (${extra})` : actor.name;
          })
          .join('; ') || NOTHING
      );
    case 'statements':
      return (
        input.statements
          ?.map((statement) => {
            const said = [statement.quote && `“${statement.quote}”`, statement.summary]
              .filter(Boolean)
              .join(' ');
            const stance = statement.stance || 'no stance';
            return `${statement.actor}: ${stance} on ${statement.topic}${said ? ` — ${said}` : ''}`;
          })
          .join('; ') || NOTHING
      );
    case 'source': {
      const source = input.source ?? {};
      return [source.name, source.url, source.publishedAt].filter(Boolean).join(' · ') || NOTHING;
    }
  }
}
