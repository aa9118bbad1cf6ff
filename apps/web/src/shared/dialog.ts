import { html } from './dom';
import type { Child } from './dom';

let lastId = 0;

/** An id no other element of the page has, for labels and descriptions. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

export interface OpenDialog {
  dialog: HTMLDialogElement;
  /** Where the dialog's content goes, under its title. */
  body: HTMLElement;
  close(): void;
}

/**
 * A modal `<dialog>` named by its title. Escape and the close button close it; when it
 * closes it leaves the page and focus goes back to what had it before it opened, unless the
 * code that closed it moved focus elsewhere.
 */
export function openDialog(options: {
  title: Child | Child[];
  testId: string;
  /** Called once it is closed, however that happened. */
  onClose?: () => void;
  wide?: boolean;
}): OpenDialog {
  const titleId = uniqueId('dialog-title');
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const body = html('div', { class: 'dialog-body' });
  const closeButton = html(
    'button',
    { type: 'button', class: 'dialog-close secondary', 'aria-label': 'Close' },
    html('span', { 'aria-hidden': 'true' }, '×'),
  );
  const dialog = html(
    'dialog',
    {
      class: options.wide ? 'dialog dialog-wide' : 'dialog',
      'aria-labelledby': titleId,
      'data-testid': options.testId,
    },
    html(
      'div',
      { class: 'dialog-header' },
      html('h2', { id: titleId, class: 'dialog-title' }, ...[options.title].flat()),
      closeButton,
    ),
    body,
  );
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    options.onClose?.();
    // Unless what closed it put focus somewhere already.
    const focused = document.activeElement;
    if ((!focused || focused === document.body) && opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, body, close: () => dialog.close() };
}
