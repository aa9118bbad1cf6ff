import type { PositionChange } from '@app/contracts';
import type { AppliedEvent } from '@app/read-model';
import { changeServerSentEvents, resumeAfter, serverSentEvent } from './server-sent-events';

const event = {
  type: 'NewsEventCorrected',
  sequence: 42,
  development: { developmentId: 'd-1', title: 'Two\nlines "quoted"' },
} as unknown as AppliedEvent;

describe('serverSentEvent', () => {
  it('is one message with the sequence as id and the event as one line of JSON', () => {
    const message = serverSentEvent(event);
    expect(message).toBe(
      'id: 42\nevent: development\n' +
        'data: {"type":"NewsEventCorrected","sequence":42,"development":{"developmentId":"d-1","title":"Two\\nlines \\"quoted\\""}}\n\n',
    );
    expect(message.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('resumeAfter', () => {
  it('prefers the Last-Event-ID header to the query parameter', () => {
    expect(resumeAfter('7', '9')).toBe(7);
    expect(resumeAfter(undefined, '9')).toBe(9);
  });

  it('is null when neither is given, so the stream starts with live events', () => {
    expect(resumeAfter(undefined, undefined)).toBeNull();
    expect(resumeAfter('', undefined)).toBeNull();
  });

  it.each(['yesterday', '-1', '1.5', '9'.repeat(16), ' 7'])('refuses %p', (value) => {
    expect(resumeAfter(value, undefined)).toBe('invalid');
  });
});

describe('changeServerSentEvents', () => {
  const change = (actorId: string) =>
    ({
      sequence: 7,
      actor: { id: actorId, name: `Name of ${actorId}` },
      topic: 'peace-plan',
    }) as unknown as PositionChange;

  it('is one change message per change, each with the sequence as id', () => {
    expect(changeServerSentEvents({ sequence: 7, changes: [change('a'), change('b')] })).toBe(
      'id: 7\nevent: change\n' +
        'data: {"sequence":7,"actor":{"id":"a","name":"Name of a"},"topic":"peace-plan"}\n\n' +
        'id: 7\nevent: change\n' +
        'data: {"sequence":7,"actor":{"id":"b","name":"Name of b"},"topic":"peace-plan"}\n\n',
    );
  });
});
