/**
 * Predict, then reveal in the class replay (issue 15). The presenter picks a question about the
 * next round (from the log's own figures, or written by hand with 2 to 5 options), asks, watches
 * the answer count, reveals, then plays the round. A follower answers on a card with big buttons,
 * and after the reveal sees how the class answered and whether it was right. Committing to a
 * guess before the result is what makes the result teach (DESIGN §5, the debrief).
 */
import { t } from '../i18n';
import { h } from '../app/dom';
import type { MatchLog } from '../../shared/engine/match-log';
import { menuId, questionMenu, type AskedQuestion } from '../../shared/debrief/questions';
import { askableRound, bars, freeOptions, messageText, verdict } from './predict-model';
import type { PredictChannel, PredictUpdate, SyncRole } from './sync';

export interface PredictPanel {
  /** The whole card; hidden unless a class transport carries predictions. */
  element: HTMLElement;
  /** The sync channel changed (presenting, following, or none). */
  connect(channel: PredictChannel | null, role: SyncRole | null): void;
  /** The viewer moved: the presenter's menu is about the next round. */
  moved(round: number): void;
  relabel(): void;
  destroy(): void;
}

const FREE = '__free';
const FREE_SLOTS = 5;

export function mountPredict(
  log: MatchLog,
  rounds: number,
  townName: (id: string) => string,
  play: (round: number) => void,
): PredictPanel {
  let channel: PredictChannel | null = null;
  let role: SyncRole | null = null;
  let update: PredictUpdate | null = null;
  let off: (() => void) | null = null;
  let round = 0;
  let menu: AskedQuestion[] = [];
  let menuRound = -1;

  const title = h('h2', { id: 'predict-title' });
  const body = h('div', { class: 'predict-body' });
  const error = h('p', { class: 'predict-error', role: 'alert', id: 'predict-error' });
  const element = h(
    'section',
    { class: 'replay-card predict-card', 'aria-labelledby': title.id, hidden: '' },
    title,
    body,
    error,
  );

  // The presenter's form keeps what was typed across updates.
  const select = h('select', { id: 'predict-menu', class: 'predict-select' });
  const selectLabel = h('label', { for: select.id });
  const freeText = h('input', { id: 'predict-free-text', type: 'text', maxlength: '200' });
  const freeTextLabel = h('label', { for: freeText.id });
  const optionInputs = Array.from({ length: FREE_SLOTS }, (_, i) =>
    h('input', { id: `predict-free-option-${i}`, type: 'text', maxlength: '80' }),
  );
  const optionLabels = optionInputs.map((input) => h('label', { for: input.id }));
  const marked = h('select', { id: 'predict-free-marked' });
  const markedLabel = h('label', { for: marked.id });
  const free = h(
    'div',
    { class: 'predict-free', hidden: '' },
    h('div', { class: 'predict-field' }, freeTextLabel, freeText),
    ...optionInputs.map((input, i) => h('div', { class: 'predict-field' }, optionLabels[i], input)),
    h('div', { class: 'predict-field' }, markedLabel, marked),
  );
  const askButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'predict-ask' });
  const form = h(
    'div',
    { class: 'predict-form' },
    h('div', { class: 'predict-field' }, selectLabel, select),
    free,
    askButton,
  );
  select.addEventListener('change', () => {
    free.hidden = select.value !== FREE;
  });
  for (const input of optionInputs) input.addEventListener('input', fillMarked);
  askButton.addEventListener('click', ask);

  const name = (id: string): string => townName(id);
  const text = (m: AskedQuestion['text']): string => messageText(m, t, name);

  function fillMarked(): void {
    const keep = marked.value;
    const options = [h('option', { value: '' }, t('predict:ui.noMark'))];
    optionInputs.forEach((input, i) => {
      if (input.value.trim()) options.push(h('option', { value: String(i) }, input.value.trim()));
    });
    marked.replaceChildren(...options);
    if ([...marked.options].some((o) => o.value === keep)) marked.value = keep;
  }

  function fillMenu(): void {
    const next = askableRound(round, rounds);
    if (next !== menuRound) {
      menuRound = next ?? -1;
      menu = next === null ? [] : questionMenu(log, next);
    }
    const keep = select.value;
    select.replaceChildren(
      ...menu.map((q) => h('option', { value: menuId(q) }, text(q.text))),
      h('option', { value: FREE }, t('predict:ui.freeOption')),
    );
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
    free.hidden = select.value !== FREE;
  }

  function ask(): void {
    if (!channel || menuRound < 0) return;
    if (select.value !== FREE) {
      channel.ask({ round: menuRound, menuId: select.value });
      return;
    }
    // Blank options are dropped; the mark follows its option to its new place.
    const typed = optionInputs.map((input) => input.value);
    const options = freeOptions(typed);
    const question = freeText.value.trim();
    if (!options || !question) {
      error.textContent = t('predict:ui.error', { reason: t('predict:ui.freeInvalid') });
      return;
    }
    const mark = marked.value === '' ? undefined : typed[Number(marked.value)]?.trim();
    const index = mark ? options.indexOf(mark) : -1;
    channel.ask({
      round: menuRound,
      free: { text: question, options, ...(index >= 0 ? { marked: index } : {}) },
    });
  }

  /** Widths through the CSSOM (a style attribute would break a strict style-src policy). */
  function fill(percent: number): HTMLElement {
    const node = h('span', { class: 'predict-bar-fill' });
    node.style.width = `${percent}%`;
    return node;
  }

  function distribution(view: NonNullable<PredictUpdate['view']>, mine: number | null) {
    const list = h('ul', { class: 'predict-bars', 'aria-label': t('predict:ui.distribution') });
    for (const bar of bars(view)) {
      const option = text(view.question.options[bar.option]);
      list.append(
        h(
          'li',
          {
            class: `predict-bar${bar.correct ? ' is-correct' : ''}${mine === bar.option ? ' is-mine' : ''}`,
          },
          h('span', { class: 'predict-bar-label' }, option),
          h('span', { class: 'predict-bar-track', 'aria-hidden': 'true' }, fill(bar.percent)),
          h('span', { class: 'predict-bar-count' }, t('predict:ui.votes', { count: bar.count })),
        ),
      );
    }
    const right = view.revealed?.correct ?? [];
    const correct = right.length
      ? t('predict:ui.correct', {
          option: right.map((i) => text(view.question.options[i])).join(' / '),
        })
      : t('predict:ui.opinion');
    return [
      h('h3', { class: 'predict-subtitle' }, t('predict:ui.distribution')),
      list,
      h('p', { class: 'predict-correct', id: 'predict-correct' }, correct),
    ];
  }

  function renderPresenter(): void {
    const view = update?.view ?? null;
    const parts: HTMLElement[] = [];
    if (view && !view.revealed) {
      const reveal = h(
        'button',
        { type: 'button', class: 'btn btn-primary', id: 'predict-reveal' },
        t('predict:ui.reveal'),
      );
      reveal.addEventListener('click', () => channel?.reveal(view.id));
      parts.push(
        h('p', { class: 'predict-question', id: 'predict-question' }, text(view.question.text)),
        h(
          'p',
          { class: 'predict-count', id: 'predict-count', role: 'status' },
          t('predict:ui.answered', { count: update?.answered ?? 0, total: update?.followers ?? 0 }),
        ),
        h('p', { class: 'predict-hint' }, t('predict:ui.waitingReveal')),
        reveal,
      );
      body.replaceChildren(...parts);
      return;
    }
    if (view?.revealed) {
      const playButton = h(
        'button',
        { type: 'button', class: 'btn btn-primary', id: 'predict-play' },
        t('predict:ui.play', { round: view.question.round }),
      );
      playButton.addEventListener('click', () => play(view.question.round));
      parts.push(
        h('p', { class: 'predict-question', id: 'predict-question' }, text(view.question.text)),
        ...distribution(view, null),
        h('p', { class: 'predict-hint' }, t('predict:ui.revealedPlay')),
        playButton,
      );
    }
    fillMenu();
    selectLabel.textContent = t('predict:ui.menuLabel', { round: menuRound });
    freeTextLabel.textContent = t('predict:ui.freeText');
    optionLabels.forEach((l, i) => (l.textContent = t('predict:ui.freeOptionN', { n: i + 1 })));
    markedLabel.textContent = t('predict:ui.freeMarked');
    askButton.textContent = t('predict:ui.ask');
    fillMarked();
    if (menuRound < 0) parts.push(h('p', { class: 'predict-hint' }, t('predict:ui.noQuestions')));
    else parts.push(form);
    body.replaceChildren(...parts);
  }

  function renderFollower(): void {
    const view = update?.view ?? null;
    if (!view) {
      body.replaceChildren(h('p', { class: 'predict-hint' }, t('predict:ui.none')));
      return;
    }
    const mine = update?.mine ?? null;
    const parts: HTMLElement[] = [
      h('p', { class: 'predict-question', id: 'predict-question' }, text(view.question.text)),
    ];
    if (!view.revealed) {
      const group = h('div', {
        class: 'predict-options',
        role: 'group',
        'aria-labelledby': 'predict-question',
      });
      view.question.options.forEach((option, i) => {
        const b = h(
          'button',
          {
            type: 'button',
            class: `btn predict-option${mine === i ? ' btn-primary' : ''}`,
            'aria-pressed': mine === i ? 'true' : 'false',
            'data-option': String(i),
          },
          text(option),
        );
        b.addEventListener('click', () => channel?.answer(view.id, i));
        group.append(b);
      });
      parts.push(
        h('p', { class: 'predict-hint' }, t('predict:ui.pick')),
        group,
        h(
          'p',
          { class: 'predict-mine', id: 'predict-mine', role: 'status' },
          mine === null
            ? ''
            : t('predict:ui.yourAnswer', { option: text(view.question.options[mine]) }),
        ),
      );
    } else {
      const v = verdict(view, mine);
      parts.push(
        ...distribution(view, mine),
        h(
          'p',
          { class: `predict-verdict is-${v}`, id: 'predict-verdict', role: 'status' },
          v === 'opinion' || v === 'pending' ? '' : t(`predict:ui.${v}`),
        ),
      );
    }
    body.replaceChildren(...parts);
  }

  function render(): void {
    element.hidden = !channel || !role;
    title.textContent = t('predict:ui.title');
    error.textContent = update?.error ? t('predict:ui.error', { reason: update.error }) : '';
    if (!channel) return;
    if (role === 'presenter') renderPresenter();
    else renderFollower();
  }

  render();
  return {
    element,
    connect(next, nextRole) {
      if (next === channel && (next ? nextRole : null) === role) return;
      off?.();
      off = null;
      channel = next;
      role = next ? nextRole : null;
      update = null;
      if (channel) {
        off = channel.onUpdate((u) => {
          const fresh = Boolean(u.view && u.view.id !== update?.view?.id);
          update = u;
          render();
          // A student's phone shows the card low in the page: bring a new question into view.
          if (fresh && role === 'follower') element.scrollIntoView({ block: 'nearest' });
        });
      }
      render();
    },
    moved(next) {
      if (next === round) return;
      round = next;
      if (role === 'presenter') render();
    },
    relabel: render,
    destroy() {
      off?.();
      off = null;
    },
  };
}
