/**
 * The DOM policy panel (issue 4): all five decision families of DESIGN §2 for one town, a live
 * budget meter, validation errors at the control that caused them (the server's own
 * validatePlan), a countdown and the mayor's submit button.
 *
 * The app owns the draft: every edit goes out through `onChange(section, value)` and comes back
 * (from the server, maybe changed by a teammate) through `update({ draft })`. Updates patch the
 * existing controls in place, so focus and caret survive; a section is rebuilt only when its
 * structure changes, and then focus is put back on the same control.
 */
import type { MatchState, PlanError, TownPlan } from '../../shared';
import type { PlanSection, Portfolio } from '../../shared/protocol/roles';
import { currentLanguage, onLanguageChange, t } from '../i18n';
import { budgetMeter, type BudgetMeter } from './budget-meter';
import { budgetTexts } from './budget-text';
import '../styles/panel-controls.css';
import type { ControlHandle, SectionContext } from './controls';
import { countdown, type Countdown } from './countdown';
import { h, rememberFocus, restoreFocus, setAttr, setText } from './dom';
import { applyErrors } from './error-view';
import { townName } from './labels';
import { languageSwitch } from './language-switch';
import {
  sectionAccess,
  sectionOfControl,
  submitState,
  validateDraft,
  type ErrorKind,
} from './panel-model';
import { buildSection } from './sections/build';
import { diplomacySection } from './sections/diplomacy';
import { environmentSection } from './sections/environment';
import { innovationSection } from './sections/innovation';
import { preferentialSection } from './sections/preferential';
import { renderSection, type SectionRenderer, type SectionView } from './sections/section';
import { sectionMenu } from './section-menu';

export interface PolicyPanelOptions {
  state: MatchState;
  townId: string;
  /** The town's shared draft plan, as the server last sent it. */
  draft: TownPlan;
  /** Portfolios this member holds; they decide which sections are editable. */
  portfolios: readonly Portfolio[];
  /** Called on every edit with the whole new value of the edited section. */
  onChange: <S extends PlanSection>(section: S, value: TownPlan[S]) => void;
  /** Called when the mayor submits a valid plan. */
  onSubmit: () => void;
  /** End of the decision phase (epoch ms), or null for no countdown. */
  deadline: number | null;
  /** Whether the current draft has been submitted (shown beside the button). */
  submitted?: boolean;
  /**
   * Whether a plan can be submitted now: only while planning (issue 11). During briefing and
   * results the draft can be edited but Submit stays disabled, and says why.
   */
  submittable?: boolean;
  /** Prefix of every element id, for several panels on one page. */
  idPrefix?: string;
  /** Show the English / 中文 switch in the header (default true). */
  languageSwitch?: boolean;
  /** Clock for the countdown (tests). */
  now?: () => number;
}

export interface PolicyPanel {
  update(options: Partial<PolicyPanelOptions>): void;
  /** Current validation errors of the draft (the server's rules). */
  errors(): PlanError[];
  destroy(): void;
}

const RENDERERS: SectionRenderer[] = [
  preferentialSection,
  buildSection,
  innovationSection,
  environmentSection,
  diplomacySection,
];

/** Where focus goes when the focused control vanished in a rebuild (a removed row). */
const FALLBACK_FOCUS: Partial<Record<PlanSection, string>> = {
  build: 'build-add',
  diplomacy: 'proposal-add',
};

export function mountPolicyPanel(root: HTMLElement, options: PolicyPanelOptions): PolicyPanel {
  let opts: PolicyPanelOptions = { ...options };
  let draft: TownPlan = structuredClone(options.draft);
  let errors: PlanError[] = [];
  const localErrors = new Map<string, ErrorKind>();
  let lastEdited: string | null = null;
  const prefix = opts.idPrefix ?? 'pp-';
  const views = new Map<PlanSection, { view: SectionView; shape: string }>();

  const town = () => {
    const found = opts.state.towns.find((x) => x.id === opts.townId);
    if (!found) throw new Error(`unknown town ${opts.townId}`);
    return found;
  };

  // ---- frame ------------------------------------------------------------------------------
  const bodyId = `${prefix}body`;
  const toggle = h('button', {
    type: 'button',
    id: `${prefix}drawer-toggle`,
    class: 'pp-drawer-toggle',
    'aria-controls': bodyId,
    'aria-expanded': 'false',
  });
  const title = h('h2', { id: `${prefix}title`, class: 'pp-title' });
  const subtitle = h('p', { class: 'pp-subtitle' });
  const portfolios = h('p', { class: 'pp-portfolios' });
  const languageSlot = h('div', { class: 'pp-language-slot' });
  const timer: Countdown = countdown(prefix, opts.now);
  let budget: BudgetMeter = budgetMeter(prefix);
  const sectionsBox = h('div', { class: 'pp-sections' });
  // Every section a few key presses away (issue 14).
  const menu = sectionMenu(
    prefix,
    RENDERERS.map((r) => r.section),
  );
  const summary = h('div', { class: 'pp-summary', id: `${prefix}summary` });
  const submit = h('button', { type: 'button', class: 'pp-submit', id: `${prefix}submit` });
  const reason = h('p', { class: 'pp-reason', id: `${prefix}submit-reason` });
  const status = h('p', { class: 'pp-status', role: 'status' });
  submit.setAttribute('aria-describedby', reason.id);
  const header = h(
    'header',
    { class: 'pp-header' },
    h('div', { class: 'pp-heading-row' }, title, timer.element, languageSlot),
    subtitle,
    portfolios,
    budget.element,
    menu.element,
  );
  const footer = h('footer', { class: 'pp-footer' }, summary, submit, reason, status);
  const body = h('div', { class: 'pp-body', id: bodyId }, header, sectionsBox, footer);
  const panel = h(
    'section',
    { class: 'pp', 'aria-labelledby': title.id, 'data-open': 'false' },
    toggle,
    body,
  );
  root.replaceChildren(panel);

  const setOpen = (open: boolean): void => {
    panel.dataset.open = String(open);
    toggle.setAttribute('aria-expanded', String(open));
    setText(toggle, open ? t('panel:drawer.close') : t('panel:drawer.open'));
  };
  toggle.addEventListener('click', () => setOpen(panel.dataset.open !== 'true'));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.dataset.open === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
  submit.addEventListener('click', () => {
    if (submit.getAttribute('aria-disabled') === 'true') return;
    opts.onSubmit();
  });

  // ---- sections ---------------------------------------------------------------------------
  const contextFor = (section: PlanSection): SectionContext => {
    const access = sectionAccess(opts.portfolios).find((a) => a.section === section)!;
    return {
      state: opts.state,
      town: town(),
      draft,
      editable: access.editable,
      holder: access.holder,
      idPrefix: prefix,
      current: () => draft,
      emit: (changed, value) => edit(changed, value),
      localError: (controlId, kind) => {
        if (kind) localErrors.set(controlId, kind);
        else localErrors.delete(controlId);
        refresh();
      },
    };
  };

  const reconcile = (): void => {
    RENDERERS.forEach((renderer, i) => {
      const ctx = contextFor(renderer.section);
      const shape = `${currentLanguage()}|${ctx.editable}|${renderer.shape(ctx)}`;
      const existing = views.get(renderer.section);
      if (existing && existing.shape === shape) {
        existing.view.sync(ctx);
        return;
      }
      const focus = existing ? rememberFocus(existing.view.element) : null;
      // Rebuilt controls show the draft, not what was typed before.
      for (const id of [...localErrors.keys()]) {
        if (sectionOfControl(id) === renderer.section) localErrors.delete(id);
      }
      const view = renderSection(renderer, ctx);
      if (existing) existing.view.element.replaceWith(view.element);
      else sectionsBox.insertBefore(view.element, sectionsBox.children[i] ?? null);
      views.set(renderer.section, { view, shape });
      const fallback = FALLBACK_FOCUS[renderer.section];
      restoreFocus(focus, fallback ? [`${prefix}${fallback}`] : []);
    });
  };

  const handles = (): ControlHandle[] => [
    budget.handle,
    ...[...views.values()].flatMap((v) => v.view.handles),
  ];

  // ---- derived state: validation, budget, submit ------------------------------------------
  const refresh = (): void => {
    errors = validateDraft(opts.state, opts.townId, draft);
    const shown = budget.update(opts.state, opts.townId, draft);
    const count = applyErrors({
      budgetLimit: budgetTexts(shown).limit,
      errors,
      localErrors,
      draft,
      handles: handles(),
      summary,
      lastEdited,
      focusControl: (id) =>
        handles()
          .find((handle) => handle.id === id)
          ?.focus(),
    });
    const state = submitState(opts.portfolios, count);
    const block =
      state.enabled && opts.submittable === false
        ? { enabled: false, reason: 'notPlanning' as const }
        : state;
    setAttr(submit, 'aria-disabled', block.enabled ? null : 'true');
    setText(
      reason,
      block.enabled
        ? t('panel:submit.ready')
        : block.reason === 'notMayor'
          ? t('panel:submit.notMayor')
          : block.reason === 'notPlanning'
            ? t('panel:submit.notPlanning')
            : t('panel:submit.invalid', { count }),
    );
    reason.dataset.state = block.enabled ? 'ok' : 'blocked';
    setText(
      status,
      opts.submitted ? t('panel:submit.submitted', { round: opts.state.round + 1 }) : '',
    );
  };

  const edit = <S extends PlanSection>(section: S, value: TownPlan[S]): void => {
    const active = document.activeElement;
    lastEdited = handles().find((handle) => handle.targets.some((x) => x === active))?.id ?? null;
    draft = { ...draft, [section]: value };
    opts.onChange(section, value);
    reconcile();
    refresh();
  };

  // ---- texts that follow the language -----------------------------------------------------
  const renderFrame = (): void => {
    const current = town();
    setText(title, t('panel:title'));
    setText(
      subtitle,
      t('panel:subtitle', {
        town: townName(opts.state, current.id),
        year: opts.state.year,
        round: opts.state.round + 1,
      }),
    );
    setText(
      portfolios,
      opts.portfolios.length > 0
        ? t('panel:portfolios', {
            list: opts.portfolios
              .map((p) => t(`common:portfolioShort.${p}`))
              .join(t('panel:listSeparator')),
          })
        : t('panel:noPortfolio'),
    );
    setOpen(panel.dataset.open === 'true');
    setText(submit, t('panel:submit.button'));
    const focus = rememberFocus(languageSlot);
    languageSlot.replaceChildren(opts.languageSwitch === false ? '' : languageSwitch(prefix));
    restoreFocus(focus);
    timer.render();
  };

  const rerenderAll = (): void => {
    const focus = rememberFocus(panel);
    for (const { view } of views.values()) view.element.remove();
    views.clear();
    const freshBudget = budgetMeter(prefix);
    budget.element.replaceWith(freshBudget.element);
    budget = freshBudget;
    renderFrame();
    menu.relabel();
    reconcile();
    refresh();
    restoreFocus(focus);
  };

  const unsubscribe = onLanguageChange(rerenderAll);
  timer.setDeadline(opts.deadline);
  renderFrame();
  reconcile();
  refresh();

  return {
    update(partial) {
      const previous = opts;
      opts = { ...opts, ...partial };
      if (partial.draft) draft = structuredClone(partial.draft);
      if (partial.deadline !== undefined && partial.deadline !== previous.deadline) {
        timer.setDeadline(partial.deadline);
      }
      if (partial.state || partial.portfolios || partial.townId) renderFrame();
      reconcile();
      refresh();
    },
    errors: () => errors,
    destroy() {
      unsubscribe();
      timer.destroy();
      root.replaceChildren();
    },
  };
}
