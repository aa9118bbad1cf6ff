import type { Development } from '@app/client';
import { html } from '../shared/dom';
import type { DeskContext } from './desk-context';
import { openDraftsDialog } from './drafts/drafts-dialog';
import { openEditDialog } from './edit-dialog';
import { openImportDialog } from './import/import-dialog';
import { openRecordDialog } from './record-dialog';
import { openRetractDialog } from './retract-dialog';

/**
 * The analyst's desk: the write controls that pages show to whoever may write (the session
 * says so: an editor or admin signed in, or writes open to all).
 */
export class Desk {
  constructor(readonly context: DeskContext) {}

  mayWrite(): boolean {
    return this.context.session.mayWrite();
  }

  /**
   * The header's write controls: "New development", "New from an article" and "Import a
   * file"; none for readers.
   */
  headerControls(): HTMLButtonElement[] {
    if (!this.mayWrite()) return [];
    const record = html(
      'button',
      { type: 'button', class: 'header-button primary', 'data-testid': 'new-development' },
      'New development',
    );
    const importFile = html(
      'button',
      { type: 'button', class: 'header-button', 'data-testid': 'import-file-button' },
      'Import a file',
    );
    const fromArticle = html(
      'button',
      { type: 'button', class: 'header-button', 'data-testid': 'new-from-article' },
      'New from an article',
    );
    record.addEventListener('click', () => openRecordDialog(this.context));
    fromArticle.addEventListener('click', () => openDraftsDialog(this.context));
    importFile.addEventListener('click', () => openImportDialog(this.context));
    return [record, fromArticle, importFile];
  }

  /** "Edit" and "Retract" for a development; null for readers and retracted developments. */
  developmentActions(development: Development): HTMLElement | null {
    if (!this.mayWrite() || development.retracted) return null;
    const label = html('span', { class: 'visually-hidden' }, ` “${development.title}”`);
    const edit = html(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'edit-development' },
      'Edit',
      label,
    );
    const retract = html(
      'button',
      { type: 'button', class: 'secondary danger-text', 'data-testid': 'retract-development' },
      'Retract',
      label.cloneNode(true),
    );
    edit.addEventListener('click', () => openEditDialog(this.context, development));
    retract.addEventListener('click', () => openRetractDialog(this.context, development));
    return html('div', { class: 'development-actions' }, edit, retract);
  }
}
