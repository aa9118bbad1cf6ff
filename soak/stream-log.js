// Reads the log straight from JetStream, every message from sequence 1 to the last, with an
// ordered consumer (no state left on the server).
const { jetstream } = require('@nats-io/jetstream');

const { TextDecoder } = globalThis;

/** One log message as the checks need it. */
function describe(message, decoder) {
  const entry = {
    sequence: message.seq,
    subject: message.subject,
    type: message.headers?.get('Newsline-Event-Type') ?? null,
    eventId: null,
  };
  try {
    const event = JSON.parse(decoder.decode(message.data));
    entry.eventId = event.eventId ?? null;
    entry.type ??= event.type ?? null;
  } catch {
    // an unreadable message: no event id, reported as such
  }
  return entry;
}

/** Every message of `stream`, in log order. */
async function readLog(connection, stream) {
  const js = jetstream(connection);
  const info = await (await js.jetstreamManager()).streams.info(stream);
  const last = info.state.last_seq;
  const entries = [];
  if (last === 0) return { entries, lastSequence: 0 };
  const consumer = await js.consumers.get(stream);
  const messages = await consumer.consume({ max_messages: 1000 });
  const decoder = new TextDecoder();
  try {
    for await (const message of messages) {
      entries.push(describe(message, decoder));
      if (message.seq >= last) break;
    }
  } finally {
    await messages.close();
  }
  return { entries, lastSequence: last };
}

/** How many messages the stream holds; 0 when it does not exist. */
async function messageCount(jsm, stream) {
  try {
    return (await jsm.streams.info(stream)).state.messages;
  } catch {
    return 0;
  }
}

module.exports = { readLog, messageCount };
