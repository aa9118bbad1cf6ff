// @ts-check
// Baseline (b): the same HTTP server (Fastify) doing one awaited JetStream publish per
// request and nothing else; started by bench/baselines.js as a process of its own.
const { randomUUID } = require('node:crypto');
const Fastify = require('fastify');
const { connect, headers: natsHeaders } = require('@nats-io/transport-node');
const { jetstream } = require('@nats-io/jetstream');

async function main() {
  const nc = await connect({ servers: process.env.NATS_URL });
  const js = jetstream(nc);
  const app = Fastify({ logger: false });
  app.post('/v1/developments', async (request, reply) => {
    const eventId = randomUUID();
    const headers = natsHeaders();
    headers.set('Newsline-Event-Type', 'NewsEventRecorded');
    headers.set('Newsline-Schema-Version', '3');
    headers.set('Newsline-Correlation-Id', eventId);
    const ack = await js.publish(`baseline.http.${eventId}`, JSON.stringify(request.body), {
      msgID: eventId,
      expect: { lastSubjectSequence: 0 },
      headers,
    });
    reply.code(202);
    return { eventId, sequence: ack.seq };
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => nc.close())
      .then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
