import { showStatus } from '../form-fields';
import type { StatusTone } from '../form-fields';
import { openSignInDialog } from '../../auth/account';
import { openDialog, uniqueId } from '../../shared/dialog';
import { html } from '../../shared/dom';
import type { Child } from '../../shared/dom';
import type { DeskContext } from '../desk-context';
import { FieldSlots } from '../form-fields';
import { readImportFile } from './import-file';
import type { ImportItem } from './import-file';
import { runImport } from './import-run';
import type { ImportOutcome } from './import-run';
import { doneCount, startTally } from './import-tally';
import type { ImportTally } from './import-tally';
import {
  describeStop,
  detailText,
  invalidItemPlace,
  progressText,
  summaryCounts,
} from './import-text';

/** Invalid items listed at most; the counts say how many there are. */
const SHOWN_INVALID = 200;

const ACCEPTED_FILES = '.json,.ndjson,.jsonl,application/json,application/x-ndjson';

/**
 * "Import a file": developments from a .json or .ndjson file, read in the browser and sent to
 * POST /v1/developments/batch one request after another, with progress, a summary and the
 * invalid items by line. A failed request stops the import; the rest can be sent again.
 */
export function openImportDialog(context: DeskContext): void {
  let running = false;
  let cancelRequested = false;
  let tally: ImportTally | undefined;
  let rest: ImportItem[] = [];

  const open = openDialog({
    title: 'Import a file',
    testId: 'import-dialog',
    onClose: () => {
      if (!running) return;
      cancelRequested = true;
      context.announce('The import stops after the request under way.');
    },
  });
  const slots = new FieldSlots('import-errors');
  const input = html('input', {
    type: 'file',
    accept: ACCEPTED_FILES,
    'data-testid': 'import-file',
  });
  const submit = html('button', { type: 'submit', 'data-testid': 'import-submit' }, 'Import');
  const retry = html(
    'button',
    { type: 'button', hidden: true, 'data-testid': 'import-retry' },
    'Retry the rest',
  );
  const cancel = html(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'import-cancel' },
    'Cancel',
  );
  const progressLabelId = uniqueId('import-progress-label');
  const progress = html('progress', { max: 1, value: 0, 'aria-labelledby': progressLabelId });
  const progressLine = html(
    'div',
    { class: 'import-progress', hidden: true },
    html('span', { id: progressLabelId }, 'Sent'),
    progress,
  );
  // Live regions are in the page from the start, so that what they later say is read out.
  const count = html('p', {
    role: 'status',
    class: 'import-count',
    'data-testid': 'import-progress',
  });
  const status = html('p', {
    role: 'status',
    class: 'rebuild-message',
    'data-testid': 'import-status',
  });
  const summary = html('section', {
    class: 'import-summary',
    hidden: true,
    'data-testid': 'import-summary',
  });

  const form = html(
    'form',
    { class: 'import-form', novalidate: true },
    slots.summary,
    html(
      'p',
      {},
      'A .json file holding one array of developments, or a .ndjson or .jsonl file with one development per line. ' +
        'An item may also be {"idempotencyKey": "…", "development": {…}}.',
    ),
    slots.field('file', 'File', input, {
      required: true,
      className: 'field-full',
      hint: 'Importing the same file again is safe: developments already recorded come back as duplicates, and nothing is recorded twice.',
    }),
    html('div', { class: 'form-actions' }, submit, retry, cancel),
    progressLine,
    count,
    status,
    summary,
  );

  const setRunning = (value: boolean) => {
    running = value;
    submit.disabled = value;
    input.disabled = value;
    retry.disabled = value;
    cancel.disabled = false;
    cancel.textContent = value ? 'Cancel' : tally ? 'Close' : 'Cancel';
  };

  const showProgress = (current: ImportTally) => {
    progressLine.hidden = false;
    progress.max = current.total;
    progress.value = doneCount(current);
    count.textContent = progressText(current);
  };

  const say = (message: string, tone?: StatusTone) => showStatus(status, message, tone);

  async function send(items: readonly ImportItem[], from: ImportTally): Promise<void> {
    setRunning(true);
    retry.hidden = true;
    summary.hidden = true;
    say('Sending…');
    showProgress(from);
    const outcome = await runImport({
      items,
      tally: from,
      send: (ndjson) => context.ingest.recordBatch(ndjson),
      cancelled: () => cancelRequested,
      onProgress: showProgress,
    });
    tally = outcome.tally;
    rest = [...outcome.failed, ...outcome.unsent].sort((a, b) => a.number - b.number);
    setRunning(false);
    if (!open.dialog.isConnected) {
      if (outcome.stop) context.announce(`Import stopped at ${progressText(outcome.tally)}.`);
      return;
    }
    showProgress(outcome.tally);
    showOutcome(outcome);
  }

  function showOutcome(outcome: ImportOutcome): void {
    const stop = describeStop(outcome);
    if (outcome.stop) {
      say(stop.message, outcome.stop.kind === 'cancelled' ? undefined : 'refused');
      retry.hidden = false;
    } else {
      const invalid = outcome.tally.invalid.length;
      say(
        invalid === 0 ? 'Imported.' : 'Imported, except the invalid items listed.',
        invalid === 0 ? 'ok' : undefined,
      );
    }
    renderSummary(outcome.tally, stop.where, outcome.stop !== undefined);
    if (outcome.stop?.kind === 'unauthorized') {
      openSignInDialog(context.api, context.session, stop.message);
    }
  }

  function renderSummary(current: ImportTally, where: string[], stopped: boolean): void {
    const headingId = uniqueId('import-summary');
    const heading = html(
      'h3',
      { id: headingId, tabindex: -1 },
      stopped ? 'Import stopped' : 'Import done',
    );
    const counts = summaryCounts(current);
    const invalid = current.invalid.slice(0, SHOWN_INVALID);
    const unitName = current.unit === 'line' ? 'lines' : 'items';
    summary.setAttribute('aria-labelledby', headingId);
    const children: Child[] = [
      heading,
      html(
        'ul',
        { class: 'import-counts' },
        html('li', { 'data-testid': 'import-accepted' }, counts.accepted),
        html('li', { 'data-testid': 'import-duplicates' }, counts.duplicates),
        html('li', { 'data-testid': 'import-invalid-count' }, counts.invalid),
      ),
      where.length > 0 &&
        html(
          'ul',
          { class: 'import-where', 'data-testid': 'import-where' },
          ...where.map((text) => html('li', {}, text)),
        ),
      invalid.length > 0 && html('h4', {}, `Invalid ${unitName}`),
      invalid.length > 0 &&
        html(
          'ul',
          { class: 'import-invalid', 'data-testid': 'import-invalid' },
          ...invalid.map((item) =>
            html(
              'li',
              { 'data-testid': 'import-invalid-item', 'data-line': item.line },
              html('span', { class: 'import-invalid-place' }, invalidItemPlace(item, current.unit)),
              item.details.length === 1
                ? `: ${detailText(item.details[0]!)}`
                : html(
                    'ul',
                    {},
                    ...item.details.map((detail) => html('li', {}, detailText(detail))),
                  ),
            ),
          ),
        ),
      current.invalid.length > invalid.length &&
        html(
          'p',
          { class: 'field-hint' },
          `And ${current.invalid.length - invalid.length} more invalid ${unitName}.`,
        ),
    ];
    summary.replaceChildren(...children.filter((child): child is Node => child instanceof Node));
    summary.hidden = false;
    heading.focus();
  }

  async function importFile(): Promise<void> {
    const file = input.files?.[0];
    const refuse = (message: string) => {
      setRunning(false);
      say('');
      slots.show([{ field: 'file', message }], 'Not imported:');
    };
    if (!file) return refuse('Choose a file to import.');
    setRunning(true);
    cancelRequested = false;
    slots.clear();
    summary.hidden = true;
    retry.hidden = true;
    say('Reading the file…');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('The file cannot be read.');
    }
    const read = readImportFile(file.name, text);
    if (!read.ok) return refuse(read.message);
    await send(read.items, startTally(read));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!running) void importFile();
  });
  retry.addEventListener('click', () => {
    if (running || !tally || rest.length === 0) return;
    cancelRequested = false;
    void send(rest, tally);
  });
  cancel.addEventListener('click', () => {
    if (!running) return open.close();
    cancelRequested = true;
    cancel.disabled = true;
    say('Stopping after the request under way…');
  });

  open.body.append(form);
  input.focus();
}
