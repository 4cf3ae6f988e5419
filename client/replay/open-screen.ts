/**
 * Opening a log: a drop zone with a file picker, the instructor key for a server match, the
 * progress bar while the log is verified, and the error that stopped it, naming the round.
 */
import { formatCount, t } from '../i18n';
import { h, tx, txAttr } from '../app/dom';

export interface OpenScreen {
  element: HTMLElement;
  /** Verified `done` of `total` rounds; null hides the bar. */
  progress(done: number | null, total: number): void;
  showError(message: string, round: number | null, source: string | null): void;
  clearError(): void;
  status(text: string): void;
  /** A student's class link before the instructor presents: a notice instead of the drop zone. */
  waiting(text: string | null): void;
  askKey(show: boolean): void;
}

export interface OpenHandlers {
  onFile(file: File): void;
  onKey(key: string): void;
}

export function mountOpenScreen(handlers: OpenHandlers): OpenScreen {
  const input = h('input', {
    type: 'file',
    id: 'replay-file',
    accept: '.json,application/json',
    class: 'visually-hidden',
  });
  const pick = tx('label', 'replay:open.pick', {
    for: 'replay-file',
    class: 'btn btn-primary btn-large',
  });
  const drop = h(
    'div',
    { class: 'replay-drop', id: 'replay-drop' },
    tx('p', 'replay:open.drop', { class: 'replay-drop-text' }),
    input,
    pick,
    tx('p', 'replay:open.private', { class: 'muted' }),
  );

  const keyInput = h('input', { id: 'replay-key', type: 'password', autocomplete: 'off' });
  const keyButton = tx('button', 'replay:open.keyLoad', { type: 'submit', class: 'btn' });
  const keyForm = h(
    'form',
    { class: 'replay-key', hidden: true },
    h('div', { class: 'field' }, tx('label', 'replay:open.key', { for: 'replay-key' }), keyInput),
    keyButton,
  );
  const statusLine = h('p', { class: 'muted', role: 'status', id: 'replay-status' });
  const waitingText = h('p', {});
  const waitingBox = h(
    'div',
    { class: 'replay-waiting', id: 'replay-waiting', role: 'status', hidden: true },
    tx('h2', 'replay:open.waitingTitle'),
    waitingText,
  );

  const bar = h('div', { class: 'replay-bar-fill' });
  const barText = h('p', { class: 'replay-progress-text' });
  const progressBox = h(
    'div',
    {
      class: 'replay-progress',
      id: 'replay-progress',
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 0,
      'aria-valuenow': 0,
      hidden: true,
    },
    h('div', { class: 'replay-bar' }, bar),
    barText,
  );
  txAttr(progressBox, 'aria-label', 'replay:open.verifying');

  const errorTitle = tx('h2', 'replay:error.title');
  const errorRound = h('p', { class: 'replay-error-round' });
  const errorMessage = h('p', { class: 'replay-error-message', id: 'replay-error-message' });
  const errorSource = h('p', { class: 'replay-error-source' });
  const errorBox = h(
    'div',
    { class: 'replay-error', id: 'replay-error', role: 'alert', tabindex: -1, hidden: true },
    errorTitle,
    errorRound,
    errorSource,
    errorMessage,
    tx('p', 'replay:error.hint', { class: 'muted' }),
  );

  const element = h(
    'div',
    { class: 'replay-open-body' },
    errorBox,
    waitingBox,
    progressBox,
    drop,
    keyForm,
    statusLine,
  );

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) handlers.onFile(file);
    // The same file can be picked again after fixing it.
    input.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('replay-drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('replay-drop-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    // Handled here; the viewer catches drops anywhere else on the page.
    event.stopPropagation();
    drop.classList.remove('replay-drop-over');
    const file = event.dataTransfer?.files[0];
    if (file) handlers.onFile(file);
  });
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = keyInput.value.trim();
    if (key) handlers.onKey(key);
  });

  return {
    element,
    progress(done, total) {
      progressBox.hidden = done === null;
      if (done === null) return;
      progressBox.setAttribute('aria-valuemax', String(total));
      progressBox.setAttribute('aria-valuenow', String(done));
      const text = t('replay:open.progress', {
        done: formatCount(done),
        total: formatCount(total),
      });
      progressBox.setAttribute('aria-valuetext', text);
      barText.textContent = text;
      bar.style.width = `${total > 0 ? (100 * done) / total : 100}%`;
    },
    showError(message, round, source) {
      errorBox.hidden = false;
      errorSource.textContent = source ? t('replay:error.source', { source }) : '';
      errorSource.hidden = !source;
      errorRound.textContent = round === null ? '' : t('replay:error.round', { round });
      errorRound.hidden = round === null;
      errorMessage.textContent = message;
      errorBox.focus();
    },
    clearError() {
      errorBox.hidden = true;
    },
    status(text) {
      statusLine.textContent = text;
    },
    waiting(text) {
      waitingBox.hidden = text === null;
      waitingText.textContent = text ?? '';
      drop.hidden = text !== null;
    },
    askKey(show) {
      keyForm.hidden = !show;
    },
  };
}
