/**
 * The decisions tab: what the chosen town changed in the chosen round (the decision diff, in
 * words), who submitted it and what was said in class that round; beside it the engine's own
 * results panel for that town and round — explanations with their causes, evaluation, charts.
 */
import type {
  MatchLog,
  MatchState,
  RoundResult,
  SubmissionNote,
  TownIndicators,
} from '../../shared';
import {
  currentLanguage,
  formatMoney,
  formatNumber,
  formatPercent,
  hasTranslation,
  t,
} from '../i18n';
import { h } from '../app/dom';
import { infraName, proposalKindName, sectorName, townName } from '../panel/labels';
import { mountResultsPanel, type ResultsPanel } from '../panel/results-panel';
import { isEmptyDiff, roundDecisions, type PolicyChange, type PolicyValue } from './decision-diff';
import { reasonBlock } from './reason-view';

const SHARES = new Set(['foreignTaxRate', 'domesticTaxRate', 'landDiscount']);
const MONEY = new Set(['smeCreditGuarantee', 'talentHukou', 'innovationVouchers', 'greenSubsidy']);

function fieldName(field: string): string {
  const key = `replay:field.${field}`;
  return hasTranslation(key, 'en') ? t(key) : field;
}

function sectorList(values: readonly string[]): string {
  return values.length > 0
    ? values.map((s) => t(`common:sectorShort.${s}`)).join(', ')
    : t('replay:diff.none');
}

function valueText(field: string, value: PolicyValue): string {
  if (value === null) return t('replay:diff.none');
  if (Array.isArray(value)) return sectorList(value);
  if (typeof value === 'boolean') return t(value ? 'replay:diff.on' : 'replay:diff.off');
  if (typeof value === 'string') {
    const key = `common:enforcement.${value}`;
    return hasTranslation(key, 'en') ? t(key) : value;
  }
  const n = value as number;
  if (SHARES.has(field)) return formatPercent(n, 1);
  if (MONEY.has(field)) return formatMoney(n);
  if (field === 'pollutionFee') return formatNumber(n * 100, { digits: 1 });
  if (field === 'foreignTaxHolidayYears') return t('common:unit.years', { count: n });
  return formatNumber(n, { digits: 2 });
}

function changeLine(change: PolicyChange): string {
  const field = fieldName(change.field);
  if (Array.isArray(change.before) || Array.isArray(change.after)) {
    const parts = [
      change.added.length > 0 ? t('replay:diff.added', { list: sectorList(change.added) }) : '',
      change.removed.length > 0
        ? t('replay:diff.removed', { list: sectorList(change.removed) })
        : '',
    ].filter(Boolean);
    return t('replay:diff.listChange', { field, changes: parts.join('; ') });
  }
  return t('replay:diff.change', {
    field,
    before: valueText(change.field, change.before),
    after: valueText(change.field, change.after),
  });
}

function clock(at: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(at));
}

/** Who made the plan: the recorded submitters, else the town's player label from the header. */
function whoDecided(
  log: MatchLog,
  submissions: readonly SubmissionNote[],
  townId: string,
  submitted: boolean,
): string {
  if (!submitted) return t('replay:diff.caretaker');
  const by = submissions.filter((s) => s.town === townId);
  if (by.length > 0) {
    return t('replay:diff.submittedBy', {
      names: by.map((s) => `${s.by} (${clock(s.at)})`).join(', '),
    });
  }
  // `computer`, `computer:growth` (CLI bots), or the names of whoever played the town.
  const player = log.towns.find((x) => x.id === townId)?.player ?? '';
  if (player.startsWith('computer')) return t('replay:diff.byComputer');
  return player ? t('replay:diff.byPlayer', { player }) : t('replay:diff.submitted');
}

export interface DecisionsFrame {
  log: MatchLog;
  states: readonly MatchState[];
  results: readonly (RoundResult | null)[];
  round: number;
  townId: string;
  yearOf(round: number): number;
  /** Whether this town's reasons are kept from this viewer (a class replay, issue 15). */
  hideReason?(townId: string): boolean;
}

/** The diff, the submitter and the round's notes for one town and round. */
function diffBlock(frame: DecisionsFrame): HTMLElement {
  const { log, states, round, townId } = frame;
  const state = states[round];
  const name = townName(state, townId);
  const heading = h(
    'h3',
    { id: 'replay-diff-title' },
    round === 0
      ? t('replay:diff.startTitle', { town: name })
      : t('replay:diff.title', { town: name, year: frame.yearOf(round), round }),
  );
  const body = h('div', { class: 'replay-diff', id: 'replay-diff' });
  const section = h('section', { 'aria-labelledby': 'replay-diff-title' }, heading, body);
  const diff = round > 0 ? roundDecisions(log, states, round, townId) : null;
  if (!diff) {
    body.append(h('p', { class: 'muted' }, t('replay:diff.start')));
    return section;
  }
  const entry = log.rounds[round - 1];
  body.append(
    h('p', { class: 'muted' }, whoDecided(log, entry.submissions ?? [], townId, diff.submitted)),
  );
  const why = reasonBlock(entry.submissions ?? [], townId, frame.hideReason?.(townId) ?? false);
  if (why) body.append(why);
  if (isEmptyDiff(diff)) body.append(h('p', {}, t('replay:diff.noChange')));
  if (diff.changes.length > 0) {
    body.append(
      h('h4', {}, t('replay:diff.policies')),
      h(
        'ul',
        { class: 'replay-diff-list' },
        ...diff.changes.map((c) => h('li', {}, changeLine(c))),
      ),
    );
  }
  const actions: string[] = [
    ...diff.build.map((o) =>
      t('replay:diff.order', {
        work: infraName(o.kind),
        sector: o.sector ? ` (${sectorName(o.sector)})` : '',
      }),
    ),
    ...diff.proposals.map((p) =>
      t('replay:diff.proposal', {
        kind: proposalKindName(p.kind),
        towns: p.to.map((id) => townName(state, id)).join(', '),
      }),
    ),
    ...diff.responses.map((r) => {
      const proposal = states[round - 1].proposals.find((p) => p.id === r.proposalId);
      return t(r.accept ? 'replay:diff.accepted' : 'replay:diff.declined', {
        kind: proposal ? proposalKindName(proposal.kind) : r.proposalId,
        town: proposal ? townName(state, proposal.from) : '',
      });
    }),
    ...(diff.statement ? [t('replay:diff.statement', { text: diff.statement })] : []),
  ];
  if (actions.length > 0) {
    body.append(
      h('h4', {}, t('replay:diff.actions')),
      h('ul', { class: 'replay-diff-list' }, ...actions.map((a) => h('li', {}, a))),
    );
  }
  const notes = entry.notes ?? [];
  if (notes.length > 0) {
    body.append(
      h('h4', {}, t('replay:diff.classNotes')),
      h(
        'ul',
        { class: 'replay-diff-list' },
        ...notes.map((n) =>
          h(
            'li',
            {},
            t('replay:diff.note', {
              kind: t(`replay:noteKind.${n.kind}`),
              // The log names the instructor by role; each reader sees it in their language.
              author: n.author === 'instructor' ? t('replay:diff.instructor') : n.author,
              text: n.kind === 'control' ? controlText(n.text) : n.text,
            }),
          ),
        ),
      ),
    );
  }
  return section;
}

export interface DecisionsPanel {
  element: HTMLElement;
  update(frame: DecisionsFrame): void;
  destroy(): void;
}

export function mountDecisions(): DecisionsPanel {
  const diffBox = h('div', { class: 'replay-diff-box' });
  const resultsBox = h('div', { class: 'replay-results-box', id: 'replay-results' });
  const element = h('div', { class: 'replay-decisions' }, diffBox, resultsBox);
  let results: ResultsPanel | null = null;
  return {
    element,
    update(frame) {
      diffBox.replaceChildren(diffBlock(frame));
      const state = frame.states[frame.round];
      const history: TownIndicators[] = frame.states
        .slice(0, frame.round + 1)
        .map((s) => s.towns.find((x) => x.id === frame.townId)?.last)
        .filter((x): x is TownIndicators => x !== undefined);
      const result = frame.results[frame.round];
      const options = {
        state,
        townId: frame.townId,
        events: result?.events ?? [],
        explanations: result?.explanations ?? [],
        history,
      };
      if (results) results.update(options);
      else results = mountResultsPanel(resultsBox, { ...options, idPrefix: 'replay-rp-' });
    },
    destroy() {
      results?.destroy();
    },
  };
}

/** A logged control ("extend 60", "setDiplomacy off") with its name in the reader's language. */
function controlText(text: string): string {
  const [name, ...rest] = text.split(' ');
  const key = `instructor:controlName.${name}`;
  return [hasTranslation(key, currentLanguage()) ? t(key) : name, ...rest].join(' ');
}
