import type { ApiErrorBody, ProjectionStatus } from '@app/client';
import { LOCALE } from '../shared/dates';

const count = new Intl.NumberFormat(LOCALE);
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

export interface RebuildProgressText {
  /** 0..1, for a progress bar. */
  fraction: number;
  /** "1,234 / 5,000 events (24.7%)". */
  done: string;
  /** "12,345 events/s". */
  rate: string;
}

export function rebuildProgressText(
  rebuild: NonNullable<ProjectionStatus['rebuild']>,
): RebuildProgressText {
  const fraction = rebuild.head > 0 ? Math.min(1, Math.max(0, rebuild.position / rebuild.head)) : 1;
  return {
    fraction,
    done: `${count.format(rebuild.position)} / ${count.format(rebuild.head)} events (${percent.format(fraction)})`,
    rate: `${count.format(Math.round(rebuild.eventsPerSecond))} events/s`,
  };
}

export interface RebuildAnswer {
  ok: boolean;
  message: string;
}

/** What the answer to POST /v1/projections/all/rebuild means, in words. */
export function describeRebuildAnswer(status: number, answer: unknown): RebuildAnswer {
  const body = (typeof answer === 'object' && answer !== null ? answer : {}) as Partial<
    ApiErrorBody & { rebuildId: string }
  >;
  switch (status) {
    case 202:
      return {
        ok: true,
        message: `Accepted (202): the rebuild has started${typeof body.rebuildId === 'string' ? ` (${body.rebuildId})` : ''}. Queries keep answering from the current read models until it catches up.`,
      };
    case 401:
      return {
        ok: false,
        message: 'Refused (401): not signed in, or the sign-in has expired; sign in as an admin.',
      };
    case 403:
      return {
        ok: false,
        message: 'Refused (403): your role may not rebuild; sign in as an admin.',
      };
    case 409:
      return { ok: false, message: 'Conflict (409): a rebuild is already running.' };
    default:
      return {
        ok: false,
        message: `Failed (${status}): ${typeof body.message === 'string' ? body.message : 'the projector did not accept the rebuild.'}`,
      };
  }
}
