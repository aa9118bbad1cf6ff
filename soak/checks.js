// The three checks made once everything has caught up: the log against the answers clients
// got, the read models against a fresh rebuild, and the followers against the applied events.
const { isDeepStrictEqual } = require('node:util');

const SHOWN = 10;

function result(name, problems, figures) {
  return { name, pass: problems.length === 0, figures, problems: problems.slice(0, SHOWN) };
}

/**
 * What each write could have put in the log: its event id when the key determines it (edits),
 * else the subject and type of the event (`logKey`).
 */
function writeIdentities(record, { developmentIdFor, editEventIdFor }, prefix) {
  const development = (key) => ({
    logKey: `${prefix}.dev.${developmentIdFor(key)} NewsEventRecorded`,
  });
  switch (record.kind) {
    case 'post':
      return [{ ...record, ...development(record.key) }];
    case 'batch':
      return record.items.map((item) => ({
        ...item,
        kind: 'batch item',
        ...development(item.key),
      }));
    case 'correction':
    case 'retraction':
      return [
        { ...record, eventKey: editEventIdFor(record.developmentId, record.kind, record.key) },
      ];
    default: {
      const type = record.kind === 'merge' ? 'ActorMerged' : 'ActorUnmerged';
      return [
        { ...record, logKey: `${prefix}.actor.${encodeURIComponent(record.actorId)} ${type}` },
      ];
    }
  }
}

/**
 * 1. The log holds every event answered 2xx, at the sequence the answer gave, plus at most
 * events of writes never answered, each once; nothing of a write that was refused.
 */
function checkLog({ entries, records, contracts, prefix }) {
  const problems = [];
  const byEventId = new Map();
  for (const entry of entries) {
    if (!entry.eventId) problems.push(`sequence ${entry.sequence}: no readable event id`);
    else if (byEventId.has(entry.eventId)) {
      problems.push(
        `event ${entry.eventId} twice: sequences ${byEventId.get(entry.eventId).sequence} and ${entry.sequence}`,
      );
    } else byEventId.set(entry.eventId, entry);
  }
  const writes = records.flatMap((record) => writeIdentities(record, contracts, prefix));
  const explained = new Set();
  let recorded = 0;
  for (const write of writes.filter((w) => w.outcome === 'recorded')) {
    recorded++;
    const entry = byEventId.get(write.eventId);
    if (!entry)
      problems.push(
        `${write.kind} ${write.key ?? ''} answered 2xx (event ${write.eventId}, sequence ${write.sequence}) is not in the log`,
      );
    else if (entry.sequence !== write.sequence) {
      problems.push(
        `${write.kind}: event ${write.eventId} answered at sequence ${write.sequence} is at ${entry.sequence}`,
      );
    } else explained.add(entry.sequence);
  }
  // Events of unanswered writes: each such write may account for one event.
  const unexplained = entries.filter((entry) => !explained.has(entry.sequence));
  const bySubjectAndType = groupBy(unexplained, (entry) => `${entry.subject} ${entry.type}`);
  const byUnexplainedEventId = new Map(unexplained.map((entry) => [entry.eventId, entry]));
  const claim = (write) => {
    if (write.eventKey) {
      const entry = byUnexplainedEventId.get(write.eventKey);
      if (entry && !explained.has(entry.sequence)) return entry;
      return null;
    }
    const candidates = (bySubjectAndType.get(write.logKey) ?? []).filter(
      (entry) => !explained.has(entry.sequence),
    );
    return candidates[0] ?? null;
  };
  let unknownStored = 0;
  let unknownAbsent = 0;
  for (const write of writes.filter((w) => w.outcome === 'unknown')) {
    const entry = claim(write);
    if (entry) {
      explained.add(entry.sequence);
      unknownStored++;
    } else unknownAbsent++;
  }
  let refused = 0;
  for (const write of writes.filter((w) => w.outcome === 'refused')) {
    refused++;
    const entry = claim(write);
    if (entry) {
      explained.add(entry.sequence);
      problems.push(
        `${write.kind} ${write.key} was refused (${write.status ?? write.error}) but is in the log at sequence ${entry.sequence}`,
      );
    }
  }
  for (const entry of entries.filter((e) => !explained.has(e.sequence))) {
    problems.push(
      `sequence ${entry.sequence} (${entry.type} on ${entry.subject}) answers no write`,
    );
  }
  return result('log holds exactly the answered writes', problems, {
    events: entries.length,
    answered2xx: recorded,
    unansweredFoundInLog: unknownStored,
    unansweredNotInLog: unknownAbsent,
    refused,
    problems: problems.length,
  });
}

/** 2. Every answer of the live read model equals that of a fresh rebuild of the same log. */
function checkRebuild({ live, rebuilt }) {
  const problems = [];
  const paths = new Set([...Object.keys(live), ...Object.keys(rebuilt)]);
  for (const path of paths) {
    if (!(path in live)) problems.push(`${path}: only the rebuild answers it`);
    else if (!(path in rebuilt)) problems.push(`${path}: only the live read model answers it`);
    else if (!isDeepStrictEqual(live[path], rebuilt[path])) {
      problems.push(`${path}: ${firstDifference(live[path], rebuilt[path], '')}`);
    }
  }
  return result('read models equal a fresh rebuild', problems, {
    answersCompared: paths.size,
    differing: problems.length,
  });
}

/** Where two JSON values first differ, as `path: live vs rebuilt`. */
function firstDifference(live, rebuilt, path) {
  if (typeof live === 'object' && live && typeof rebuilt === 'object' && rebuilt) {
    for (const key of new Set([...Object.keys(live), ...Object.keys(rebuilt)])) {
      if (!isDeepStrictEqual(live[key], rebuilt[key])) {
        return firstDifference(live[key], rebuilt[key], `${path}.${key}`);
      }
    }
  }
  const shown = (value) => JSON.stringify(value)?.slice(0, 120);
  return `${path || '.'} live ${shown(live)} vs rebuilt ${shown(rebuilt)}`;
}

/**
 * 3. Every follower received ids strictly increasing, and every applied development event
 * after the sequence it started from.
 */
function checkFollowers({ followers, appliedSequences }) {
  const problems = [];
  const figures = followers.map((follower) => {
    const { sequences, startedAfter } = follower;
    let outOfOrder = 0;
    for (let i = 1; i < sequences.length; i++) if (sequences[i] <= sequences[i - 1]) outOfOrder++;
    const seen = new Set(sequences);
    const missing = appliedSequences.filter((s) => s > startedAfter && !seen.has(s));
    const name = `${follower.name} (${follower.projector.name})`;
    if (outOfOrder > 0) problems.push(`${name}: ${outOfOrder} ids not above the one before`);
    if (sequences.length !== seen.size) {
      problems.push(`${name}: ${sequences.length - seen.size} ids received twice`);
    }
    if (missing.length > 0) {
      problems.push(
        `${name}: missed ${missing.length} applied development events, first ${missing.slice(0, 5).join(', ')}`,
      );
    }
    if (follower.unreadable > 0)
      problems.push(`${name}: ${follower.unreadable} unreadable messages`);
    return {
      follower: follower.name,
      projector: follower.projector.name,
      startedAfter,
      received: sequences.length,
      connections: follower.connections,
      outOfOrder,
      missed: missing.length,
    };
  });
  return result('followers saw every applied event once, in order', problems, {
    appliedDevelopmentEvents: appliedSequences.length,
    followers: figures,
  });
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

module.exports = { checkLog, checkRebuild, checkFollowers };
