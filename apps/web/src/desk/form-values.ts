import type { Development, DevelopmentInput, Stance } from '@app/client';

/** One actor row of the form; empty strings for what is not given. */
export interface ActorRow {
  name: string;
  id: string;
  affiliation: string;
}

/** One statement row of the form; `stance` is '' until one is picked. */
export interface StatementRow {
  actor: string;
  topic: string;
  stance: Stance | '';
  quote: string;
  summary: string;
}

/**
 * What the development form holds, as the controls give it: strings for every field, one
 * entry per row shown. `source.publishedAt` is a `datetime-local` value in the reader's time
 * zone.
 */
export interface DevelopmentFormValues {
  occurredOn: string;
  occurredUntil: string;
  title: string;
  body: string;
  location: string;
  topics: string[];
  actors: ActorRow[];
  statements: StatementRow[];
  source: { name: string; url: string; publishedAt: string };
}

/** The fields of a development, in the order the form shows them. */
export const DEVELOPMENT_FIELDS = [
  'occurredOn',
  'occurredUntil',
  'title',
  'body',
  'location',
  'topics',
  'actors',
  'statements',
  'source',
] as const;
export type DevelopmentField = (typeof DEVELOPMENT_FIELDS)[number];

/** The repeated parts of the form. */
export type RowList = 'topics' | 'actors' | 'statements';

/** For each list, the form row that each item of the built input came from. */
export type RowMap = Record<RowList, number[]>;

export const emptyActorRow = (): ActorRow => ({ name: '', id: '', affiliation: '' });

export const emptyStatementRow = (): StatementRow => ({
  actor: '',
  topic: '',
  stance: '',
  quote: '',
  summary: '',
});

/** A new form: one empty row of topics and actors, no statement yet. */
export function emptyValues(): DevelopmentFormValues {
  return {
    occurredOn: '',
    occurredUntil: '',
    title: '',
    body: '',
    location: '',
    topics: [''],
    actors: [emptyActorRow()],
    statements: [],
    source: { name: '', url: '', publishedAt: '' },
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A `datetime-local` value (the reader's time zone, to the second) for an ISO 8601 moment. */
export function isoToLocalInput(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return '';
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}:${pad(moment.getSeconds())}`
  );
}

/**
 * The ISO 8601 moment (UTC, `Z`) of a `datetime-local` value; a value that is not one is
 * left as it is, for the API to name.
 */
export function localInputToIso(local: string): string {
  const moment = new Date(local);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local) || Number.isNaN(moment.getTime())) {
    return local;
  }
  return moment.toISOString().replace('.000Z', 'Z');
}

/** What fills the form: a development as recorded, or one about to be posted (a draft's). */
type FormSource = Pick<DevelopmentInput, 'occurredOn' | 'title'> & {
  occurredUntil?: string | null;
  body?: string | null;
  location?: string | null;
  topics?: readonly string[];
  actors?: readonly { name: string; id?: string; affiliation?: string | null }[];
  statements?: readonly {
    actor: string;
    topic: string;
    stance: Stance;
    quote?: string | null;
    summary?: string | null;
  }[];
  source?: { name?: string | null; url?: string | null; publishedAt?: string | null } | null;
};

/** The form filled with a development. One-day developments leave Until empty. */
export function valuesOfInput(development: FormSource): DevelopmentFormValues {
  const source = development.source;
  return {
    occurredOn: development.occurredOn,
    occurredUntil:
      development.occurredUntil && development.occurredUntil !== development.occurredOn
        ? development.occurredUntil
        : '',
    title: development.title,
    body: development.body ?? '',
    location: development.location ?? '',
    topics: [...(development.topics ?? [])],
    actors: (development.actors ?? []).map((actor) => ({
      name: actor.name,
      id: actor.id ?? '',
      affiliation: actor.affiliation ?? '',
    })),
    statements: (development.statements ?? []).map((statement) => ({
      actor: statement.actor,
      topic: statement.topic,
      stance: statement.stance,
      quote: statement.quote ?? '',
      summary: statement.summary ?? '',
    })),
    source: {
      name: source?.name ?? '',
      url: source?.url ?? '',
      publishedAt: source?.publishedAt ? isoToLocalInput(source.publishedAt) : '',
    },
  };
}

/** The form of an existing development, for an edit. */
export function valuesOfDevelopment(development: Development): DevelopmentFormValues {
  return valuesOfInput(development);
}

const blank = (text: string) => text.trim() === '';

function isBlankStatement(row: StatementRow): boolean {
  return blank(row.actor) && blank(row.topic) && blank(row.quote) && blank(row.summary);
}

export interface BuiltInput {
  input: DevelopmentInput;
  /** Which form row each topic, actor and statement of `input` came from. */
  rows: RowMap;
}

/**
 * The development the form describes, as the API takes it. Rows left wholly empty are left
 * out; everything else is sent as typed (one-line fields trimmed), so the API's answer names
 * what is wrong. A statement without a stance is sent with an empty one, for the same reason.
 */
export function buildInput(values: DevelopmentFormValues): BuiltInput {
  const rows: RowMap = { topics: [], actors: [], statements: [] };
  const topics: string[] = [];
  values.topics.forEach((topic, index) => {
    if (blank(topic)) return;
    topics.push(topic.trim());
    rows.topics.push(index);
  });
  const actors: NonNullable<DevelopmentInput['actors']> = [];
  values.actors.forEach((actor, index) => {
    if (blank(actor.name) && blank(actor.id) && blank(actor.affiliation)) return;
    actors.push({
      name: actor.name.trim(),
      ...(!blank(actor.id) && { id: actor.id.trim() }),
      ...(!blank(actor.affiliation) && { affiliation: actor.affiliation.trim() }),
    });
    rows.actors.push(index);
  });
  const statements: NonNullable<DevelopmentInput['statements']> = [];
  values.statements.forEach((statement, index) => {
    if (isBlankStatement(statement)) return;
    statements.push({
      actor: statement.actor.trim(),
      topic: statement.topic.trim(),
      // An empty stance is refused by the API, which then names this statement's stance.
      stance: statement.stance as Stance,
      ...(!blank(statement.quote) && { quote: statement.quote }),
      ...(!blank(statement.summary) && { summary: statement.summary }),
    });
    rows.statements.push(index);
  });
  const source = {
    ...(!blank(values.source.name) && { name: values.source.name.trim() }),
    ...(!blank(values.source.url) && { url: values.source.url.trim() }),
    ...(!blank(values.source.publishedAt) && {
      publishedAt: localInputToIso(values.source.publishedAt.trim()),
    }),
  };
  const input: DevelopmentInput = {
    occurredOn: values.occurredOn.trim(),
    ...(!blank(values.occurredUntil) && { occurredUntil: values.occurredUntil.trim() }),
    title: values.title.trim(),
    ...(!blank(values.body) && { body: values.body }),
    ...(!blank(values.location) && { location: values.location.trim() }),
    ...(topics.length > 0 && { topics }),
    ...(actors.length > 0 && { actors }),
    ...(statements.length > 0 && { statements }),
    ...(Object.keys(source).length > 0 && { source }),
  };
  return { input, rows };
}
