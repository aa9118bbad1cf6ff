import type { ApiClient } from '../api/api-client';
import type { Announce } from '../shared/announce';
import { openDialog } from '../shared/dialog';
import { html } from '../shared/dom';
import type { Session } from './session';
import { signInForm } from './sign-in-form';

/** Opens the sign-in dialog; `onSignedIn` runs after it closed on a sign-in. */
export function openSignInDialog(api: ApiClient, session: Session, intro?: string): void {
  const open = openDialog({ title: 'Sign in', testId: 'sign-in-dialog' });
  const form = signInForm({
    api,
    session,
    ...(intro && { intro }),
    onSignedIn: () => open.close(),
    onCancel: () => open.close(),
  });
  open.body.append(form.element);
  form.focus();
}

/**
 * The header's account area: who is signed in and their role, with a sign-out; else a
 * sign-in button. `announce` says what happened, in the page's status region.
 */
export function bindAccount(
  slot: HTMLElement,
  api: ApiClient,
  session: Session,
  announce: Announce,
): void {
  const render = () => {
    const who = session.signedInAs();
    if (who) {
      const signOut = html(
        'button',
        { type: 'button', class: 'header-button', 'data-testid': 'sign-out' },
        'Sign out',
      );
      signOut.addEventListener('click', () => {
        void session.signOut(api).then(() => announce('Signed out.'));
      });
      slot.replaceChildren(
        html(
          'span',
          { class: 'account-who', 'data-testid': 'signed-in-as' },
          html('span', { class: 'visually-hidden' }, 'Signed in as '),
          html(
            'span',
            { class: 'account-name', dir: 'auto', 'data-testid': 'account-name' },
            who.name,
          ),
          ' ',
          html('span', { class: 'role-badge', 'data-testid': 'account-role' }, who.role),
        ),
        signOut,
      );
      return;
    }
    const signIn = html(
      'button',
      { type: 'button', class: 'header-button', 'data-testid': 'sign-in-button' },
      'Sign in',
    );
    signIn.addEventListener('click', () => openSignInDialog(api, session));
    slot.replaceChildren(signIn);
  };
  let lapse: string | undefined;
  const update = () => {
    render();
    const reason = session.lapseReason();
    if (reason && reason !== lapse) announce(`You are signed out: ${reason}`, 'refused');
    lapse = reason;
  };
  session.onChange(update);
  update();
}
