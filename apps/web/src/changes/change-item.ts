import { recordedByText } from '../development/history-text';
import { developmentHref, routeHash } from '../routing/routes';
import { formatDay, formatMoment } from '../shared/dates';
import { html } from '../shared/dom';
import type { Child } from '../shared/dom';
import { stanceClass } from '../shared/stances';
import { actorLink, topicLink } from '../shared/ui';
import { changeEventLabel, stateText, timeOfDay } from './change-text';
import type { PositionChange, PositionState } from './position-change';

/** A stance in its colour, or "no position". */
function stateBadge(state: PositionState | null): HTMLElement {
  return state
    ? html(
        'span',
        { class: `stance-badge ${stanceClass(state.stance)}`, 'data-stance': state.stance },
        state.stance,
      )
    : html('span', { class: 'no-position' }, stateText(null));
}

const since = (day: string): Child[] => [
  ' (since ',
  html('time', { datetime: day }, formatDay(day)),
  ')',
];

/** "before → after (since …)", as `transitionText` says it. */
function transition({ before, after }: PositionChange): Child[] {
  if (after) return [stateBadge(before), ' → ', stateBadge(after), ...since(after.since)];
  if (before) return [stateBadge(before), ...since(before.since), ' → ', stateBadge(null)];
  return [stateBadge(null), ' → ', stateBadge(null)];
}

/**
 * One change of the What changed page: "Actor on topic: before → after (since …)", then
 * what moved it, when, by whom, and links to the development and to the actor as known then.
 */
export function changeListItem(change: PositionChange): HTMLLIElement {
  return html(
    'li',
    {
      class: 'change-item',
      'data-testid': 'change',
      'data-sequence': change.sequence,
      'data-actor': change.actor.id,
      'data-topic': change.topic,
    },
    html(
      'p',
      { class: 'change-line', 'data-testid': 'change-line' },
      actorLink(change.actor.id, change.actor.name),
      ' on ',
      topicLink(change.topic),
      ': ',
      ...transition(change),
    ),
    html(
      'p',
      { class: 'change-meta' },
      html('span', { class: 'change-event' }, changeEventLabel(change.eventType)),
      html(
        'time',
        { datetime: change.recordedAt, title: formatMoment(change.recordedAt) },
        timeOfDay(change.recordedAt),
      ),
      html('span', { class: 'recorded-by' }, recordedByText(change.recordedBy)),
      change.developmentId &&
        html(
          'a',
          { href: developmentHref(change.developmentId), 'data-testid': 'change-development' },
          'development',
        ),
      html(
        'a',
        {
          href: routeHash({
            page: 'actor',
            actorId: change.actor.id,
            knownAt: String(change.sequence),
          }),
          title: `${change.actor.name} as known at log sequence ${change.sequence}`,
        },
        `as known then (sequence ${change.sequence})`,
      ),
    ),
  );
}
