/**
 * "Compare with the original" for an opened fork (issue 15): the original comes from the server
 * by its match id (with the instructor key, remembered for classes this browser opened) or from
 * a file; the comparison (shared/engine/fork-compare.ts) refuses a log that is not the fork's
 * parent, in its own words, and shows the same chart and divergence list as a what-if.
 */
import { t } from '../i18n';
import { h, translateTree, tx } from '../app/dom';
import { readLog, type VerifiedReplay } from './loader';
import { ServerError, fetchServerLog } from './server';
import { mountResult } from './what-if-result';
import { runInBackground } from './what-if-runner';

export interface ForkCompareView {
  element: HTMLElement;
  relabel(): void;
  destroy(): void;
}

export function mountForkCompare(
  replay: VerifiedReplay,
  serverKey: (matchId: string) => string | null = () => null,
): ForkCompareView {
  const fork = replay.log;
  const round = fork.forkedFrom?.round ?? 0;
  const file = h('input', {
    type: 'file',
    id: 'whatif-original-file',
    accept: '.json,application/json',
  });
  const matchId = h('input', { id: 'whatif-original-id', autocomplete: 'off' });
  const key = h('input', { id: 'whatif-original-key', type: 'password', autocomplete: 'off' });
  const load = tx('button', 'whatif:fork.load', {
    type: 'button',
    class: 'btn',
    id: 'whatif-original-load',
  });
  const status = h('p', { class: 'muted', role: 'status', id: 'whatif-original-status' });
  const errors = h('p', {
    class: 'form-error',
    role: 'alert',
    id: 'whatif-original-error',
    hidden: true,
  });
  const result = mountResult(
    'whatif-fork',
    () => replay.states[replay.states.length - 1],
    (r) => fork.rounds[r - round - 1]?.year ?? replay.states[0].year,
    'fork-vs-original-diff.csv',
  );
  const field = (labelKey: string, control: HTMLElement) =>
    h('div', { class: 'whatif-field' }, tx('label', labelKey, { for: control.id }), control);
  const element = h(
    'section',
    { class: 'whatif-fork', 'aria-labelledby': 'whatif-fork-title' },
    tx('h3', 'whatif:fork.title', { id: 'whatif-fork-title' }),
    tx('p', 'whatif:fork.intro', { class: 'muted' }, { round }),
    field('whatif:fork.file', file),
    h(
      'div',
      { class: 'whatif-row' },
      field('whatif:fork.matchId', matchId),
      field('whatif:fork.key', key),
    ),
    load,
    status,
    errors,
    result.element,
  );

  async function compare(text: string): Promise<void> {
    let original;
    try {
      original = readLog(text);
    } catch (error) {
      return fail((error as Error).message);
    }
    const outcome = await runInBackground({ kind: 'fork', fork, original });
    status.textContent = '';
    if (!outcome.ok) return fail(outcome.messages.join(' '));
    errors.hidden = true;
    // The fork's town that changed most is the one to chart first.
    const town = outcome.value.diverged[0]?.townId ?? replay.states[0].towns[0].id;
    result.show(outcome.value, town, {
      history: 'whatif:original',
      whatIf: 'whatif:forked',
      title: 'whatif:forkChartTitle',
    });
  }

  function fail(message: string): void {
    status.textContent = '';
    errors.textContent = message;
    errors.hidden = false;
    result.clear();
  }

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    status.textContent = t('whatif:fork.loading');
    void chosen.text().then(compare, (error: Error) => fail(error.message));
  });
  matchId.addEventListener('change', () => {
    const remembered = serverKey(matchId.value.trim());
    if (remembered && !key.value) key.value = remembered;
  });
  load.addEventListener('click', () => {
    const id = matchId.value.trim();
    const instructorKey = key.value.trim() || serverKey(id) || '';
    if (!id) return fail(t('whatif:fork.needId'));
    status.textContent = t('whatif:fork.loading');
    void fetchServerLog({ matchId: id, instructorKey }).then(compare, (error: unknown) =>
      fail(error instanceof ServerError ? error.message : String(error)),
    );
  });

  return {
    element,
    relabel() {
      translateTree(element);
      result.relabel();
    },
    destroy() {
      result.destroy();
    },
  };
}
