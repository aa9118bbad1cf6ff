import {
  developmentIdFor,
  foldDevelopment,
  LoggedEvent,
  newsEventCorrected,
  newsEventRecorded,
  newsEventRetracted,
  normalizeDevelopment,
} from '@app/contracts';
import { decideCorrection, decideRetraction, findEdit } from './decide-edit';

const developmentId = developmentIdFor('decide-1');
const development = normalizeDevelopment({
  occurredOn: '2025-12-14',
  title: 'Berlin talks',
  statements: [{ actor: 'Rustem Umerov', topic: 'peace-plan', stance: 'support' }],
});

const recorded: LoggedEvent = {
  sequence: 3,
  event: newsEventRecorded({ developmentId, idempotencyKey: 'decide-1', development }),
};
const corrected: LoggedEvent = {
  sequence: 8,
  event: newsEventCorrected({
    developmentId,
    revision: 2,
    changed: ['title'],
    development: { ...development, title: 'Berlin talks, day one' },
  }),
};
const retracted: LoggedEvent = {
  sequence: 9,
  event: newsEventRetracted({ developmentId, reason: 'reported twice' }),
};

const atRevision1 = foldDevelopment([recorded])!;
const atRevision2 = foldDevelopment([recorded, corrected])!;
const withdrawn = foldDevelopment([recorded, corrected, retracted])!;

describe('decideCorrection', () => {
  it('corrects the development as it stands, one revision on, naming the fields given', () => {
    const decision = decideCorrection(atRevision2, { title: 'Berlin talks, day two', body: 'x' });
    expect(decision).toEqual({
      refused: null,
      data: {
        developmentId,
        revision: 3,
        changed: ['body', 'title'],
        development: { ...development, title: 'Berlin talks, day two', body: 'x' },
      },
    });
  });

  it('corrects at the revision If-Match names', () => {
    expect(decideCorrection(atRevision2, { title: 'x' }, 2).refused).toBeNull();
  });

  it('refuses a development that moved past the revision If-Match names', () => {
    expect(decideCorrection(atRevision2, { title: 'x' }, 1)).toEqual({
      refused: 'revision_moved',
      revision: 2,
    });
  });

  it('refuses an unknown development', () => {
    expect(decideCorrection(null, { title: 'x' })).toEqual({ refused: 'not_found' });
  });

  it('refuses a retracted development, whatever If-Match says', () => {
    const refusal = { refused: 'retracted', sequence: 9 };
    expect(decideCorrection(withdrawn, { title: 'x' })).toEqual(refusal);
    expect(decideCorrection(withdrawn, { title: 'x' }, 2)).toEqual(refusal);
  });

  it('refuses a correction that would leave the development invalid, naming the field', () => {
    const moved = decideCorrection(
      { ...atRevision1, development: { ...development, occurredUntil: '2025-12-15' } },
      { occurredOn: '2025-12-20' },
    );
    expect(moved).toMatchObject({ refused: 'invalid', details: [{ path: 'occurredOn' }] });
  });
});

describe('decideRetraction', () => {
  it('retracts with the reason given', () => {
    expect(decideRetraction(atRevision2, 'reported twice', 2)).toEqual({
      refused: null,
      data: { developmentId, reason: 'reported twice' },
    });
  });

  it('refuses as a correction does', () => {
    expect(decideRetraction(null, 'x')).toEqual({ refused: 'not_found' });
    expect(decideRetraction(withdrawn, 'x')).toEqual({ refused: 'retracted', sequence: 9 });
    expect(decideRetraction(atRevision2, 'x', 1)).toEqual({
      refused: 'revision_moved',
      revision: 2,
    });
  });
});

describe('findEdit', () => {
  const events = [recorded, corrected, retracted];

  it('finds an event by its id, with the revision it left the development at', () => {
    expect(findEdit(events, corrected.event.eventId)).toEqual({
      eventId: corrected.event.eventId,
      sequence: 8,
      revision: 2,
    });
    expect(findEdit(events, retracted.event.eventId)).toMatchObject({ sequence: 9, revision: 2 });
  });

  it('is null for an event the development does not hold', () => {
    expect(findEdit(events, '7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBeNull();
  });
});
