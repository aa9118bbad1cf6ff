import { html } from '../shared/dom';
import { knownAtFromLocalInput, knownAtText, localInputOf, knownAtProblemText } from './known-at';
import type { KnownAt } from './known-at';

export interface KnownAtBar {
  element: HTMLElement;
  /** Names the log sequence the page's answers were given at (`Newsline-Known-At`). */
  showSequence(sequence: number | undefined): void;
  /** Shows the projector's refusal of the known-at (409); false for any other failure. */
  showProblem(error: unknown): boolean;
}

/**
 * The "known at" control of a page: a date-time picker, in the reader's time zone, with
 * Show and Now, and, while a known-at is set, a banner saying which point of the log the
 * page shows. Choosing goes to `hashFor(knownAt)`: the address keeps the choice.
 */
export function knownAtBar(
  knownAt: KnownAt | undefined,
  hashFor: (knownAt: KnownAt | undefined) => string,
): KnownAtBar {
  const input = html('input', {
    type: 'datetime-local',
    name: 'knownAt',
    step: 1,
    id: 'known-at-input',
    'aria-describedby': 'known-at-hint known-at-error',
    'data-testid': 'known-at-input',
  });
  input.value = localInputOf(knownAt);
  const error = html('p', { class: 'field-error', id: 'known-at-error', role: 'alert' });
  const now = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'known-at-now' },
    'Now',
  );
  now.disabled = knownAt === undefined;
  now.title = knownAt === undefined ? 'The page shows what is known now' : 'Show what is known now';
  const form = html(
    'form',
    { class: 'known-at-form', 'aria-label': 'Show the page as known at a moment' },
    html(
      'label',
      { class: 'field', for: 'known-at-input' },
      html('span', { class: 'field-label' }, 'Known at'),
      input,
    ),
    html('button', { type: 'submit', class: 'secondary', 'data-testid': 'known-at-show' }, 'Show'),
    now,
    html(
      'p',
      { class: 'field-hint', id: 'known-at-hint' },
      'The page as the log stood at that moment, in your time zone.',
    ),
    error,
  );
  const text = html('strong', { 'data-testid': 'known-at-text' });
  const banner = html(
    'p',
    { class: 'known-at-banner', role: 'status', 'data-testid': 'known-at-banner' },
    text,
    html('span', { class: 'known-at-note' }, 'A past view: live updates are paused.'),
  );
  const problem = html('p', {
    class: 'notice notice-error',
    role: 'alert',
    'data-testid': 'known-at-problem',
  });
  problem.hidden = true;
  banner.hidden = knownAt === undefined;
  if (knownAt !== undefined) text.textContent = knownAtText(knownAt, undefined);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = knownAtFromLocalInput(input.value);
    if (!chosen) {
      error.textContent = 'Choose a date and a time, or Now.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    location.hash = hashFor(chosen);
  });
  input.addEventListener('input', () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  });
  now.addEventListener('click', () => {
    location.hash = hashFor(undefined);
  });

  return {
    element: html(
      'section',
      { class: 'known-at', 'data-testid': 'known-at' },
      form,
      banner,
      problem,
    ),
    showSequence(sequence) {
      if (knownAt !== undefined) text.textContent = knownAtText(knownAt, sequence);
    },
    showProblem(failure) {
      const sentence = knownAtProblemText(failure);
      if (sentence === undefined) return false;
      problem.replaceChildren(
        sentence,
        ' ',
        html('a', { href: hashFor(undefined), 'data-testid': 'known-at-problem-now' }, 'Known now'),
      );
      problem.hidden = false;
      return true;
    },
  };
}
