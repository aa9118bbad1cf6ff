// What the soak writes: developments about a fixed set of actors and topics, so that actors,
// positions and topics keep changing under corrections, retractions and merges.

const ACTOR_NAMES = Array.from({ length: 60 }, (_, i) => `Soak Actor ${i}`);
const ACTOR_IDS = ACTOR_NAMES.map((name) => name.toLowerCase().replace(/ /g, '-'));
/** Ids that appear in no development: merging them must work all the same. */
const UNSEEN_ACTOR_IDS = Array.from({ length: 6 }, (_, i) => `soak-alias-${i}`);
const TOPICS = Array.from({ length: 20 }, (_, i) => `soak-topic-${i}`);
const AFFILIATIONS = ['ukraine', 'usa', 'eu', 'russia', 'un'];
const STANCES = ['support', 'oppose', 'conditional', 'neutral'];
const PLACES = ['Geneva', 'Berlin', 'Kyiv', 'Istanbul', 'Riyadh'];

function date(random) {
  const month = String(random.integer(1, 12)).padStart(2, '0');
  const day = String(random.integer(1, 28)).padStart(2, '0');
  return `2025-${month}-${day}`;
}

function statements(random, actorNames, topics) {
  return Array.from({ length: random.integer(1, 3) }, () => ({
    actor: random.pick(actorNames),
    topic: random.pick(topics),
    stance: random.pick(STANCES),
    quote: `We have said so before (${random.integer(1, 999)}).`,
  }));
}

/** A valid development of about half a kilobyte. */
function development(random, n) {
  const occurredOn = date(random);
  const actorNames = random.shuffled(ACTOR_NAMES).slice(0, random.integer(1, 3));
  const topics = random.shuffled(TOPICS).slice(0, random.integer(1, 2));
  return {
    occurredOn,
    ...(random.chance(0.2) && { occurredUntil: occurredOn.replace(/-(\d\d)$/, '-28') }),
    title: `Soak development ${n}: talks in ${random.pick(PLACES)}`,
    body: `Delegations met for round ${n % 17} and discussed guarantees, sequencing and a ceasefire.`,
    location: random.pick(PLACES),
    topics,
    actors: actorNames.map((name) => ({
      name,
      ...(random.chance(0.5) && { affiliation: random.pick(AFFILIATIONS) }),
    })),
    statements: statements(random, actorNames, topics),
    ...(random.chance(0.3) && {
      source: { name: 'Soak Wire', url: `https://example.org/soak/${n}` },
    }),
  };
}

/** The fields a correction replaces: some of title, occurredOn and statements. */
function correction(random, n) {
  const changes = {};
  if (random.chance(0.6)) changes.title = `Soak development, corrected (${n})`;
  if (random.chance(0.3)) {
    changes.occurredOn = date(random);
    changes.occurredUntil = changes.occurredOn;
  }
  if (random.chance(0.4) || Object.keys(changes).length === 0) {
    const actorNames = random.shuffled(ACTOR_NAMES).slice(0, 2);
    const topics = random.shuffled(TOPICS).slice(0, 1);
    changes.actors = actorNames.map((name) => ({ name }));
    changes.topics = topics;
    changes.statements = statements(random, actorNames, topics);
  }
  return changes;
}

module.exports = { development, correction, ACTOR_IDS, UNSEEN_ACTOR_IDS, TOPICS };
