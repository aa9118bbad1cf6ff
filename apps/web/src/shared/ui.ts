import { ApiRequestError } from '@app/client';
import type { Stance } from '@app/client';
import { describeError, isAbort } from '../api/api-error';
import { actorHref, topicHref } from '../routing/routes';
import { html } from './dom';
import { STANCE_SYMBOL, stanceClass } from './stances';
import { formatDay } from './dates';

export function stanceBadge(stance: Stance): HTMLSpanElement {
  return html(
    'span',
    { class: `stance-badge ${stanceClass(stance)}`, 'data-stance': stance },
    html('span', { 'aria-hidden': 'true' }, STANCE_SYMBOL[stance] ?? ''),
    ` ${stance}`,
  );
}

export function actorLink(actorId: string, name: string): HTMLAnchorElement {
  return html(
    'a',
    { href: actorHref(actorId), class: 'actor-link', 'data-testid': 'actor-link', dir: 'auto' },
    name,
  );
}

export function topicLink(topic: string): HTMLAnchorElement {
  return html('a', { href: topicHref(topic), class: 'topic-link' }, topic);
}

export function dayElement(isoDay: string, text = formatDay(isoDay)): HTMLTimeElement {
  return html('time', { datetime: isoDay }, text);
}

export function loadingNotice(text = 'Loading…'): HTMLParagraphElement {
  return html('p', { class: 'notice', role: 'status' }, text);
}

export function errorNotice(error: unknown): HTMLParagraphElement {
  return html('p', { class: 'notice notice-error', role: 'alert' }, describeError(error));
}

/**
 * Shows a failed request in the container, unless it was cancelled by leaving the page or
 * was a 401 (the shell then asks for the read token).
 */
export function showFailure(container: HTMLElement, error: unknown): void {
  if (isAbort(error) || (error instanceof ApiRequestError && error.status === 401)) return;
  container.replaceChildren(errorNotice(error));
}

export function setTitle(...parts: string[]): void {
  document.title = [...parts, 'newsline'].join(' · ');
}
