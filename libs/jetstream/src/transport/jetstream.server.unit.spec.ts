import { Logger } from '@nestjs/common';
import { throwError } from 'rxjs';
import type { NatsConnection } from '../connection';
import { ConsumerState } from './consumer-state';
import { JetStreamContext } from './jetstream.context';
import { JetStreamServer } from './jetstream.server';
import { ReceivedMessage } from './received-message';

describe('JetStreamServer.handleEvent', () => {
  const message = (sequence: number, subject: string): ReceivedMessage => ({
    sequence,
    subject,
    data: new TextEncoder().encode('{}'),
  });
  const packet = (pattern: string, data: ReceivedMessage[]) => ({ pattern, data });
  const context = (pattern: string) => new JetStreamContext(['projector', pattern]);
  let server: JetStreamServer;
  let setAside: jest.Mock;
  let errors: jest.SpyInstance;

  beforeEach(() => {
    setAside = jest.fn().mockResolvedValue(undefined);
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    server = new JetStreamServer({
      connection: {} as NatsConnection,
      durableName: 'projector',
      filterSubject: 'news.>',
      subjectPrefix: 'news',
      maxBatch: 10,
      resumeAfter: () => Promise.resolve(0),
      setAside,
      state: new ConsumerState(),
    });
  });

  afterEach(() => errors.mockRestore());

  it('hands the batch to the handler of its pattern and settles once the handler has', async () => {
    let finish!: () => void;
    const handler = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    server.addHandler('dev.>', handler, true);
    const batch = [message(1, 'news.dev.a'), message(2, 'news.dev.b')];

    let settled = false;
    const handling = server
      .handleEvent('dev.>', packet('dev.>', batch), context('dev.>'))
      .then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(handler).toHaveBeenCalledWith(batch, expect.any(JetStreamContext));
    expect(settled).toBe(false);
    finish();
    await handling;
    expect(settled).toBe(true);
    expect(setAside).not.toHaveBeenCalled();
  });

  it('rejects with the error of a failing handler, also when it fails as a stream', async () => {
    server.addHandler('dev.>', () => Promise.reject(new Error('database down')), true);
    server.addHandler(
      'actor.>',
      () => Promise.resolve(throwError(() => new Error('refused'))),
      true,
    );
    const batch = [message(1, 'news.dev.a')];
    await expect(
      server.handleEvent('dev.>', packet('dev.>', batch), context('dev.>')),
    ).rejects.toThrow('database down');
    await expect(
      server.handleEvent('actor.>', packet('actor.>', batch), context('actor.>')),
    ).rejects.toThrow('refused');
  });

  it("runs Nest's processing hooks around the handler, also when it fails", async () => {
    const hooks: string[] = [];
    server.setOnProcessingStartHook((_, __, done) => {
      hooks.push('start');
      void done();
    });
    server.setOnProcessingEndHook(() => hooks.push('end'));
    server.addHandler('dev.>', () => Promise.reject(new Error('database down')), true);
    await server
      .handleEvent('dev.>', packet('dev.>', [message(1, 'news.dev.a')]), context('dev.>'))
      .catch(() => undefined);
    expect(hooks).toEqual(['start', 'end']);
  });

  it('sets aside each message of a subject no handler takes, with the reason, and says so', async () => {
    const devHandler = jest.fn(() => Promise.resolve());
    server.addHandler('dev.>', devHandler, true);
    const strays = [message(7, 'news.other.x'), message(8, 'news.other.x')];

    await server.handleEvent('other.x', packet('other.x', strays), context('other.x'));

    expect(setAside.mock.calls).toEqual([
      [{ ...strays[0], reason: 'no handler for subject news.other.x' }],
      [{ ...strays[1], reason: 'no handler for subject news.other.x' }],
    ]);
    expect(errors).toHaveBeenCalledWith(
      'consumer projector: no handler for subject news.other.x (sequence 7); ' +
        'setting it aside as a dead letter',
    );
    expect(devHandler).not.toHaveBeenCalled();
  });

  it('rejects when a message cannot be set aside, so that it is not acknowledged', async () => {
    setAside.mockRejectedValue(new Error('not connected to NATS'));
    await expect(
      server.handleEvent('other.x', packet('other.x', [message(7, 'news.other.x')]), context('x')),
    ).rejects.toThrow('not connected to NATS');
  });
});
