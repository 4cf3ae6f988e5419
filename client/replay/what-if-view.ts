/**
 * The viewer's "What if…" tab (issue 15): choose a round (the viewer's by default) and a town,
 * change the levers of that town's plan in a compact form (preferential policy, infrastructure,
 * innovation centre, enforcement), choose whether the other towns replay their log or follow
 * their strategy, and run: the result shows at once (what-if-result.ts). An invalid or
 * over-budget plan gets a clear message and nothing runs. When the opened log is a fork, the
 * comparison with its original sits below (what-if-fork-view.ts).
 */
import { SECTOR_IDS, type MatchState, type TownPlan } from '../../shared';
import type { WhatIfOthers } from '../../shared/engine/what-if';
import { t } from '../i18n';
import { h, translateTree, tx } from '../app/dom';
import { infraName, sectorName, townName } from '../panel/labels';
import type { VerifiedReplay } from './loader';
import { runInBackground } from './what-if-runner';
import { mountForkCompare, type ForkCompareView } from './what-if-fork-view';
import { mountResult } from './what-if-result';
import {
  BUILD_KINDS,
  ENFORCEMENTS,
  applyEdit,
  editOf,
  isSector,
  refusePlan,
  type PlanEdit,
} from './what-if-model';

export interface WhatIfView {
  element: HTMLElement;
  /** The viewer moved: until the reader picks their own, follow its round and town. */
  update(index: number, townId: string): void;
  relabel(): void;
  destroy(): void;
}

const percent = (id: string, max: number): HTMLInputElement =>
  h('input', { id, type: 'number', min: 0, max, step: 1, inputmode: 'decimal' });

function labelled(labelKey: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'whatif-field' }, tx('label', labelKey, { for: control.id }), control);
}

export function mountWhatIf(
  replay: VerifiedReplay,
  serverKey?: (id: string) => string | null,
): WhatIfView {
  const { log, states } = replay;
  const first = states[0].round;
  const last = states[states.length - 1].round;
  const start: MatchState = states[0];
  let chosen = { round: Math.min(last, first + 1), townId: start.towns[0].id };
  let followViewer = true;

  const roundSelect = h('select', { id: 'whatif-round' });
  const townSelect = h('select', { id: 'whatif-town' });
  const foreignTax = percent('whatif-foreign-tax', 33);
  const domesticTax = percent('whatif-domestic-tax', 33);
  const landDiscount = percent('whatif-land', 90);
  const sectorSelect = (id: string) => h('select', { id });
  const target = sectorSelect('whatif-target');
  const withdraw = sectorSelect('whatif-withdraw');
  const build = h('select', { id: 'whatif-build' });
  const buildSector = sectorSelect('whatif-build-sector');
  const centre = sectorSelect('whatif-centre');
  const enforcement = h('select', { id: 'whatif-enforcement' });
  const othersName = 'whatif-others';
  const radio = (value: WhatIfOthers, key: string) => {
    const input = h('input', {
      type: 'radio',
      name: othersName,
      value,
      id: `whatif-others-${value}`,
      checked: value === 'logged',
    });
    return {
      input,
      wrap: h('div', { class: 'whatif-radio' }, input, tx('label', key, { for: input.id })),
    };
  };
  const logged = radio('logged', 'whatif:othersLogged');
  const strategy = radio('strategy', 'whatif:othersStrategy');
  const reset = tx('button', 'whatif:reset', { type: 'button', class: 'btn', id: 'whatif-reset' });
  const run = tx('button', 'whatif:run', {
    type: 'button',
    class: 'btn btn-primary',
    id: 'whatif-run',
  });
  const errors = h('div', { class: 'form-error', role: 'alert', id: 'whatif-error', hidden: true });
  const status = h('p', { class: 'muted', role: 'status', id: 'whatif-status' });
  const yearOf = (round: number): number => log.rounds[round - first - 1]?.year ?? start.year;
  const result = mountResult('whatif', () => states[states.length - 1], yearOf, 'what-if-diff.csv');
  const fork: ForkCompareView | null = log.forkedFrom ? mountForkCompare(replay, serverKey) : null;

  const form = h(
    'form',
    { class: 'whatif-form', id: 'whatif-form', novalidate: true },
    h(
      'div',
      { class: 'whatif-row' },
      labelled('whatif:round', roundSelect),
      labelled('whatif:town', townSelect),
    ),
    h(
      'fieldset',
      { class: 'whatif-plan' },
      tx('legend', 'whatif:plan'),
      labelled('whatif:foreignTax', foreignTax),
      labelled('whatif:domesticTax', domesticTax),
      labelled('whatif:landDiscount', landDiscount),
      labelled('whatif:target', target),
      labelled('whatif:withdraw', withdraw),
      labelled('whatif:build', build),
      labelled('whatif:buildSector', buildSector),
      labelled('whatif:centre', centre),
      labelled('whatif:enforcement', enforcement),
    ),
    h(
      'fieldset',
      { class: 'whatif-others' },
      tx('legend', 'whatif:others'),
      logged.wrap,
      strategy.wrap,
    ),
    h('div', { class: 'whatif-actions' }, run, reset),
    status,
    errors,
  );
  const element = h(
    'div',
    { class: 'whatif', id: 'whatif' },
    tx('p', 'whatif:intro', { class: 'muted' }),
    form,
    result.element,
    fork?.element ?? null,
  );

  /** The plan the town played that round (the form starts from it). */
  const loggedPlan = (): TownPlan | undefined =>
    log.rounds[chosen.round - first - 1]?.plans[chosen.townId];
  const stateBefore = (): MatchState => states[chosen.round - first - 1];

  function fillOptions(): void {
    const none = () => h('option', { value: '' }, t('whatif:none'));
    const sectors = () => SECTOR_IDS.map((s) => h('option', { value: s }, sectorName(s)));
    const keep = (select: HTMLSelectElement, fill: () => void) => {
      const value = select.value;
      fill();
      select.value = value;
    };
    keep(roundSelect, () =>
      roundSelect.replaceChildren(
        ...log.rounds.map((r) =>
          h(
            'option',
            { value: r.round },
            t('whatif:roundOption', { round: r.round, year: r.year }),
          ),
        ),
      ),
    );
    keep(townSelect, () =>
      townSelect.replaceChildren(
        ...start.towns.map((town) => h('option', { value: town.id }, townName(start, town.id))),
      ),
    );
    for (const select of [target, withdraw, buildSector, centre]) {
      keep(select, () => select.replaceChildren(none(), ...sectors()));
    }
    keep(build, () =>
      build.replaceChildren(
        none(),
        ...BUILD_KINDS.map((k) => h('option', { value: k }, infraName(k))),
      ),
    );
    keep(enforcement, () =>
      enforcement.replaceChildren(
        ...ENFORCEMENTS.map((e) => h('option', { value: e }, t(`common:enforcement.${e}`))),
      ),
    );
  }

  function showEdit(edit: PlanEdit): void {
    foreignTax.value = String(Math.round(edit.foreignTaxRate * 1000) / 10);
    domesticTax.value = String(Math.round(edit.domesticTaxRate * 1000) / 10);
    landDiscount.value = String(Math.round(edit.landDiscount * 1000) / 10);
    target.value = edit.target;
    withdraw.value = edit.withdraw;
    build.value = edit.build;
    buildSector.value = edit.buildSector;
    centre.value = edit.centre;
    enforcement.value = edit.enforcement;
  }

  function loadLogged(): void {
    roundSelect.value = String(chosen.round);
    townSelect.value = chosen.townId;
    const plan = loggedPlan();
    if (plan) showEdit(editOf(plan));
    errors.hidden = true;
  }

  /** The form as an edit; null with a message when a number is not one. */
  function readEdit(): PlanEdit | string {
    const rate = (input: HTMLInputElement) => {
      const n = input.valueAsNumber;
      return Number.isFinite(n) ? n / 100 : null;
    };
    const numbers = [rate(foreignTax), rate(domesticTax), rate(landDiscount)];
    if (numbers.some((n) => n === null)) return t('whatif:error.code.notNumber');
    const sector = (select: HTMLSelectElement) => (isSector(select.value) ? select.value : '');
    return {
      foreignTaxRate: numbers[0]!,
      domesticTaxRate: numbers[1]!,
      landDiscount: numbers[2]!,
      target: sector(target),
      withdraw: sector(withdraw),
      build: BUILD_KINDS.find((k) => k === build.value) ?? '',
      buildSector: sector(buildSector),
      centre: sector(centre),
      enforcement: ENFORCEMENTS.find((e) => e === enforcement.value) ?? 'standard',
    };
  }

  function showErrors(messages: string[]): void {
    errors.replaceChildren(
      tx('p', 'whatif:error.title'),
      h('ul', {}, ...messages.map((m) => h('li', {}, m))),
    );
    errors.hidden = false;
    result.clear();
  }

  async function runNow(): Promise<void> {
    const plan = loggedPlan();
    const edit = readEdit();
    if (!plan || run.disabled) return;
    if (typeof edit === 'string') return showErrors([edit]);
    const input = {
      round: chosen.round,
      townId: chosen.townId,
      plan: applyEdit(plan, edit),
      others: strategy.input.checked ? ('strategy' as const) : ('logged' as const),
    };
    const refused = refusePlan(stateBefore(), input);
    if (refused) return showErrors(refused);
    run.disabled = true;
    status.textContent = t('whatif:running');
    const outcome = await runInBackground({ kind: 'whatIf', log, input });
    run.disabled = false;
    status.textContent = '';
    if (!outcome.ok) return showErrors(outcome.messages);
    errors.hidden = true;
    result.show(outcome.value, chosen.townId, {
      history: 'whatif:history',
      whatIf: 'whatif:whatIf',
      title: 'whatif:chartTitle',
    });
  }

  roundSelect.addEventListener('change', () => {
    followViewer = false;
    chosen = { ...chosen, round: Number(roundSelect.value) };
    loadLogged();
  });
  townSelect.addEventListener('change', () => {
    followViewer = false;
    chosen = { ...chosen, townId: townSelect.value };
    loadLogged();
  });
  reset.addEventListener('click', loadLogged);
  run.addEventListener('click', () => void runNow());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runNow();
  });

  fillOptions();
  loadLogged();
  return {
    element,
    update(index, townId) {
      if (!followViewer) return;
      // The shown round's own plans (the decisions tab shows them); the start has none.
      const round = Math.max(first + 1, Math.min(last, states[index].round));
      if (round === chosen.round && townId === chosen.townId) return;
      chosen = { round, townId };
      loadLogged();
    },
    relabel() {
      translateTree(element);
      fillOptions();
      result.relabel();
      fork?.relabel();
    },
    destroy() {
      result.destroy();
      fork?.destroy();
    },
  };
}
