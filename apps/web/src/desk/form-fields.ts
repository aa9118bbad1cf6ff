import { uniqueId } from '../shared/dialog';
import { html } from '../shared/dom';
import type { Child } from '../shared/dom';
import { enclosingField } from './field-errors';
import type { FieldError } from './field-errors';

/** Where the errors of one field (or of a group of fields) are shown. */
interface Slot {
  /** The field's name in the error summary, such as "Statement 2: stance". */
  label: string;
  /** What gets focus when the reader follows the error. */
  focusTarget: HTMLElement;
  /** What gets aria-invalid. */
  controls: HTMLElement[];
  error: HTMLElement;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The fields of a form by their key (`title`, `statements[1].stance`), with an error line
 * beside each, and an error summary that lists them with links and takes focus.
 */
export class FieldSlots {
  private readonly slots = new Map<string, Slot>();
  private errors: FieldError[] = [];
  readonly summary: HTMLElement;

  constructor(testId: string) {
    this.summary = html('div', {
      class: 'error-summary',
      tabindex: -1,
      role: 'alert',
      'data-testid': testId,
      hidden: true,
    });
  }

  /**
   * A labelled control with its hint and error line. `hiddenLabel` is read before the label
   * by screen readers only (such as "Actor 2:"), where the visible label repeats per row.
   */
  field(
    key: string,
    label: string,
    control: Control,
    options: { hint?: string; hiddenLabel?: string; className?: string; required?: boolean } = {},
  ): HTMLElement {
    const id = control.id || uniqueId('field');
    control.id = id;
    control.dataset.field = key;
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    const error = html('p', { id: errorId, class: 'field-error', hidden: true });
    control.setAttribute(
      'aria-describedby',
      [options.hint ? hintId : '', errorId].filter(Boolean).join(' '),
    );
    if (options.required) control.required = true;
    const fullLabel = `${options.hiddenLabel ?? ''}${label}`;
    this.slots.set(key, { label: fullLabel, focusTarget: control, controls: [control], error });
    return html(
      'div',
      { class: `form-field ${options.className ?? ''}`.trim() },
      html(
        'label',
        { for: id, class: 'field-label' },
        options.hiddenLabel && html('span', { class: 'visually-hidden' }, options.hiddenLabel),
        label,
        options.required && html('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'),
      ),
      control,
      options.hint && html('p', { id: hintId, class: 'field-hint' }, options.hint),
      error,
    );
  }

  /**
   * A fieldset whose errors (about it as a whole, or about a field of it the form has not)
   * show under its legend. `focusTarget` gives the control to focus on such an error.
   */
  group(
    key: string,
    label: string,
    legend: Child,
    focusTarget: () => HTMLElement | null,
    ...children: Child[]
  ): HTMLFieldSetElement {
    const errorId = uniqueId('group-error');
    const error = html('p', { id: errorId, class: 'field-error', hidden: true });
    const fieldset = html(
      'fieldset',
      { class: 'form-group', 'data-field': key, 'aria-describedby': errorId },
      html('legend', {}, legend),
      error,
      ...children,
    );
    this.slots.set(key, {
      label,
      get focusTarget() {
        return focusTarget() ?? fieldset;
      },
      controls: [],
      error,
    });
    return fieldset;
  }

  /** Radio buttons (or other controls) that share one slot, such as a stance picker. */
  setControls(key: string, controls: HTMLElement[]): void {
    const slot = this.slots.get(key);
    if (slot) slot.controls = controls;
  }

  /** Forgets the fields whose keys start so, before that part of the form is drawn again. */
  forget(prefix: string): void {
    for (const key of this.slots.keys()) if (key.startsWith(prefix)) this.slots.delete(key);
    this.errors = this.errors.filter((error) => !error.field.startsWith(prefix));
  }

  /** The errors shown beside their fields, and in the summary (which gets focus). */
  show(errors: FieldError[], heading: string): void {
    this.errors = errors;
    this.render(heading);
    if (errors.length > 0) this.summary.focus();
  }

  clear(): void {
    this.errors = [];
    this.render('');
  }

  /** Draws the current errors again, after part of the form was drawn anew. */
  refresh(): void {
    this.render(this.summary.querySelector('h3')?.textContent ?? '');
  }

  private render(heading: string): void {
    for (const slot of this.slots.values()) {
      slot.error.hidden = true;
      slot.error.textContent = '';
      slot.controls.forEach((control) => control.removeAttribute('aria-invalid'));
    }
    const items: HTMLLIElement[] = [];
    for (const error of this.errors) {
      const key = this.slotKeyOf(error.field);
      const slot = key === undefined ? undefined : this.slots.get(key);
      const text =
        slot && key !== error.field ? `${error.message} (${error.field})` : error.message;
      if (slot) {
        slot.error.hidden = false;
        slot.error.append(html('span', {}, text));
        slot.controls.forEach((control) => control.setAttribute('aria-invalid', 'true'));
      }
      items.push(this.summaryItem(slot, text));
    }
    this.summary.hidden = items.length === 0;
    this.summary.replaceChildren(
      ...(items.length === 0 ? [] : [html('h3', {}, heading), html('ul', {}, ...items)]),
    );
  }

  private summaryItem(slot: Slot | undefined, text: string): HTMLLIElement {
    if (!slot) return html('li', {}, text);
    const link = html('a', { href: '#' }, `${slot.label}: ${text}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      slot.focusTarget.focus();
    });
    return html('li', {}, link);
  }

  /** The key of the slot an error goes to: its own, else the nearest group's. */
  private slotKeyOf(field: string): string | undefined {
    for (let key = field; key !== ''; key = enclosingField(key)) {
      if (this.slots.has(key)) return key;
    }
    return undefined;
  }
}

/** A text-like input holding `value`. */
export function valueInput(
  type: string,
  value: string,
  extra: Record<string, string> = {},
): HTMLInputElement {
  const input = html('input', { type, ...extra });
  input.value = value;
  return input;
}

export type StatusTone = 'ok' | 'refused';

/** Writes a status line under a form's buttons, coloured by its tone. */
export function showStatus(status: HTMLElement, message: string, tone?: StatusTone): void {
  status.textContent = message;
  status.className = tone ? `rebuild-message ${tone}` : 'rebuild-message';
}

/** What a request does to a desk form while it is out and when it answers. */
export interface SendingControls {
  showErrors(errors: FieldError[], heading: string): void;
  clearErrors(): void;
  /** While a request is out the submit button is disabled, so a double click sends once. */
  setBusy(busy: boolean): void;
  /** A line under the buttons, read out by screen readers. */
  setStatus(message: string, tone?: StatusTone): void;
}

/** The sending controls of a form: its error slots, its submit button and its status line. */
export function sendingControls(
  element: HTMLFormElement,
  submit: HTMLButtonElement,
  status: HTMLElement,
  slots: FieldSlots,
): SendingControls {
  return {
    showErrors: (errors, heading) => slots.show(errors, heading),
    clearErrors: () => slots.clear(),
    setBusy(busy) {
      submit.disabled = busy;
      element.setAttribute('aria-busy', String(busy));
    },
    setStatus: (message, tone) => showStatus(status, message, tone),
  };
}
