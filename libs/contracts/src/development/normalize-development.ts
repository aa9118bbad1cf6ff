import { Actor, Development, Statement } from './development';
import { DevelopmentInput, StatementInput } from './development.schema';
import { slugify } from './slug';
import { canonicalText } from './text';

/** Fills in ids and resolves statements' actors; pure and deterministic. */
export function normalizeDevelopment(input: DevelopmentInput): Development {
  const actors = uniqueActors(input.actors ?? []);
  const statements = (input.statements ?? []).map((statement) =>
    resolveStatement(statement, actors),
  );
  const topics = unique([
    ...(input.topics ?? []),
    ...statements.map((statement) => statement.topic),
  ]);
  return {
    occurredOn: input.occurredOn,
    occurredUntil: input.occurredUntil ?? input.occurredOn,
    title: input.title,
    ...(input.body !== undefined && { body: input.body }),
    ...(input.location !== undefined && { location: input.location }),
    topics,
    actors,
    statements,
    ...(input.source !== undefined && { source: input.source }),
  };
}

function uniqueActors(inputs: NonNullable<DevelopmentInput['actors']>): Actor[] {
  const byId = new Map<string, Actor>();
  for (const input of inputs) {
    const id = input.id ?? actorIdOf(input.name);
    if (byId.has(id)) continue;
    byId.set(id, {
      id,
      name: input.name,
      ...(input.affiliation !== undefined && { affiliation: input.affiliation }),
    });
  }
  return [...byId.values()];
}

/**
 * A statement names its actor by id or by name (composed or decomposed alike); an actor not
 * listed yet is added.
 */
function resolveStatement(statement: StatementInput, actors: Actor[]): Statement {
  const reference = statement.actor;
  const name = canonicalText(reference);
  const actor =
    actors.find((candidate) => candidate.id === reference) ??
    actors.find((candidate) => canonicalText(candidate.name) === name) ??
    actors.find((candidate) => candidate.id === actorIdOf(reference));
  const id = actor?.id ?? actorIdOf(reference);
  if (!actor) actors.push({ id, name: reference });
  return {
    actor: id,
    topic: statement.topic,
    stance: statement.stance,
    ...(statement.quote !== undefined && { quote: statement.quote }),
    ...(statement.summary !== undefined && { summary: statement.summary }),
  };
}

/**
 * A name with no letter or digit at all still gets a stable, non-empty id; the same whether
 * its text was sent composed or decomposed.
 */
export function actorIdOf(name: string): string {
  const slug = slugify(name);
  if (slug !== '') return slug;
  const codePoints = Array.from(canonicalText(name).trim(), (char) =>
    char.codePointAt(0)!.toString(16),
  );
  return `u-${codePoints.join('-')}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
