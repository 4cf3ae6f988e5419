/**
 * Predict, then reveal (issue 15): the questions a presenter can ask the class before playing
 * round k of a replay, built from the log's own figures at round k − 1, and the right answer as
 * the log shows it at round k. Asking first makes students commit to a causal story before the
 * result is shown, so the reveal confirms or contradicts it (the debrief's point, DESIGN §5).
 *
 * Pure: texts are i18n keys with parameters (each student reads them in their own language); a
 * town travels as its id (`town` parameter) and the viewer puts its name in. `englishText` renders
 * a message in English for the stored record, which the research export reads without a client.
 */
import { logRoundSpan, replaySteps, type MatchLog } from '../engine/match-log';
import type { MatchState } from '../engine/types';
import { indicatorValue, type WhatIfIndicator } from '../engine/what-if';
import type { PredictionKind } from './extras';

export type MessageParams = Record<string, string | number>;

/** A text to show: an i18n key of the `predict` namespace and its parameters. */
export interface PredictMessage {
  key: string;
  params: MessageParams;
}

/** A question as asked: what it says, its options, and the recipe that checks it. */
export interface AskedQuestion {
  kind: PredictionKind;
  /** The round whose result is asked about (the class sees round − 1 while answering). */
  round: number;
  indicator?: WhatIfIndicator;
  townId?: string;
  text: PredictMessage;
  options: PredictMessage[];
  /** Town questions: the town of each option. */
  optionTowns?: string[];
  /** Direction questions: the change counted as "about the same" (absolute, ≥ 0). */
  tolerance?: number;
  /** Range questions: the edges between brackets (ascending; n − 1 edges for n brackets). */
  edges?: number[];
  /** The value at round − 1, for direction and range questions. */
  before?: number;
  /** Free questions: the option the instructor marked right, if any. */
  marked?: number;
}

/** At most this many options: the stored record keeps 2 to 8 (extras.ts readPredictions). */
export const MAX_OPTIONS = 8;
export const FREE_OPTIONS_MIN = 2;
export const FREE_OPTIONS_MAX = 5;
export const FREE_TEXT_MAX = 200;
export const FREE_OPTION_MAX = 80;

/** Town questions: which indicator, and whether the most or the least change wins. */
const TOWN_QUESTIONS: { id: string; indicator: WhatIfIndicator; most: 'gain' | 'loss' }[] = [
  { id: 'losesFirms', indicator: 'firms', most: 'loss' },
  { id: 'gainsOutput', indicator: 'gdp', most: 'gain' },
  { id: 'dirtiestRiver', indicator: 'pollution', most: 'gain' },
];

/** Indicators asked about one town (direction and range), with the smallest meaningful change. */
const TOWN_INDICATORS: { indicator: WhatIfIndicator; minimum: number; integer: boolean }[] = [
  { indicator: 'pollution', minimum: 0.5, integer: false },
  { indicator: 'firms', minimum: 1, integer: true },
  { indicator: 'gdp', minimum: 1, integer: false },
  { indicator: 'jobs', minimum: 10, integer: true },
];

/** "About the same" means within 5 % of the value at round − 1 (at least the minimum). */
export const DIRECTION_TOLERANCE = 0.05;

/** The states at round − 1 and round, replayed (and verified) from the log. */
export function statesAround(
  log: MatchLog,
  round: number,
): { before: MatchState; after: MatchState } | null {
  const { first, last } = logRoundSpan(log);
  if (!Number.isInteger(round) || round <= first || round > last) return null;
  let before: MatchState | null = null;
  for (const step of replaySteps(log)) {
    if (step.round === round - 1) before = step.state;
    if (step.round === round && before) return { before, after: step.state };
  }
  return null;
}

const value = (state: MatchState, townId: string, indicator: WhatIfIndicator): number => {
  const town = state.towns.find((t) => t.id === townId);
  return town ? indicatorValue(town, indicator) : 0;
};

/** A "nice" step (1, 2 or 5 × 10^k) near a tenth of the value, for range brackets. */
function niceStep(v: number, integer: boolean): number {
  const raw = Math.max(Math.abs(v) * 0.1, integer ? 1 : 0.1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((u) => u * power >= raw) ?? 10;
  return unit * power;
}

const roundTo = (v: number, digits = 2): number => Number(v.toFixed(digits));

/** Five brackets around the value: much lower, lower, about the same, higher, much higher. */
function rangeEdges(v: number, integer: boolean): number[] {
  const step = niceStep(v, integer);
  const centre = Math.round(v / step) * step;
  return [-1.5, -0.5, 0.5, 1.5].map((k) => roundTo(centre + k * step));
}

function rangeOption(edges: number[], i: number, integer: boolean): PredictMessage {
  const lo = i > 0 ? edges[i - 1] : null;
  const hi = i < edges.length ? edges[i] : null;
  if (integer) {
    // Whole figures: show the integers each half-open bracket [lo, hi) holds.
    const min = lo === null ? null : Math.ceil(lo);
    const max = hi === null ? null : Math.ceil(hi) - 1;
    if (min === null) return { key: 'range.atMost', params: { max: max! } };
    if (max === null) return { key: 'range.atLeast', params: { min } };
    if (min === max) return { key: 'range.exactly', params: { value: min } };
    return { key: 'range.between', params: { min, max } };
  }
  if (lo === null) return { key: 'range.below', params: { max: hi! } };
  if (hi === null) return { key: 'range.atLeast', params: { min: lo } };
  return { key: 'range.between', params: { min: lo, max: hi } };
}

/** The questions the presenter may ask before playing `round` (empty if the log has no such round). */
export function questionMenu(log: MatchLog, round: number): AskedQuestion[] {
  const states = statesAround(log, round);
  if (!states) return [];
  const { before } = states;
  const out: AskedQuestion[] = [];
  // With many towns, offer the largest ones by the figure asked about (the stored record keeps 8).
  for (const q of TOWN_QUESTIONS) {
    const towns = [...before.towns]
      .sort((a, b) => indicatorValue(b, q.indicator) - indicatorValue(a, q.indicator))
      .slice(0, MAX_OPTIONS)
      .map((t) => t.id);
    const order = new Map(before.towns.map((t, i) => [t.id, i]));
    towns.sort((a, b) => order.get(a)! - order.get(b)!);
    out.push({
      kind: 'town',
      round,
      indicator: q.indicator,
      text: { key: `town.${q.id}`, params: {} },
      options: towns.map((id) => ({ key: 'town.option', params: { town: id } })),
      optionTowns: towns,
    });
  }
  for (const town of before.towns) {
    for (const { indicator, minimum, integer } of TOWN_INDICATORS) {
      const v = value(before, town.id, indicator);
      const tolerance = roundTo(Math.max(Math.abs(v) * DIRECTION_TOLERANCE, minimum));
      out.push({
        kind: 'direction',
        round,
        indicator,
        townId: town.id,
        before: roundTo(v),
        tolerance,
        text: {
          key: `direction.${indicator}`,
          params: {
            town: town.id,
            tolerance: integer ? Math.ceil(tolerance) : roundTo(tolerance, 1),
          },
        },
        options: ['up', 'down', 'same'].map((d) => ({
          key: `direction.${indicator}Option.${d}`,
          params: {},
        })),
      });
      const edges = rangeEdges(v, integer);
      out.push({
        kind: 'range',
        round,
        indicator,
        townId: town.id,
        before: roundTo(v),
        edges,
        text: { key: `range.${indicator}`, params: { town: town.id, now: roundTo(v, 1) } },
        options: [0, 1, 2, 3, 4].map((i) => rangeOption(edges, i, integer)),
      });
    }
  }
  return out;
}

/** A stable id for a menu question (kind, indicator, town), for the presenter's choice. */
export function menuId(q: AskedQuestion): string {
  const recipe = q.kind === 'town' ? q.text.key : `${q.kind}.${q.indicator}.${q.townId}`;
  return `${q.round}:${recipe}`;
}

/** An instructor's own question with 2 to 5 options; null when it is not one. */
export function freeQuestion(
  round: number,
  text: string,
  options: string[],
  marked?: number,
): AskedQuestion | null {
  const clean = text.trim().slice(0, FREE_TEXT_MAX);
  const opts = options.map((o) => o.trim().slice(0, FREE_OPTION_MAX)).filter((o) => o);
  if (!clean || opts.length < FREE_OPTIONS_MIN || opts.length > FREE_OPTIONS_MAX) return null;
  if (marked !== undefined && (!Number.isInteger(marked) || marked < 0 || marked >= opts.length))
    return null;
  return {
    kind: 'free',
    round,
    text: { key: 'free.text', params: { text: clean } },
    options: opts.map((o) => ({ key: 'free.option', params: { text: o } })),
    ...(marked !== undefined ? { marked } : {}),
  };
}

/**
 * The right options as the log shows them at the question's round: every town tied for the
 * extreme change; the direction beyond the tolerance; the bracket the new value falls in (half-open
 * [edge, next edge)). A free question's right option is the one the instructor marked, if any.
 * Empty when the log does not reach that round.
 */
export function correctAnswer(question: AskedQuestion, log: MatchLog): number[] {
  if (question.kind === 'free') return question.marked !== undefined ? [question.marked] : [];
  const states = statesAround(log, question.round);
  const indicator = question.indicator;
  if (!states || !indicator) return [];
  const { before, after } = states;
  const change = (id: string) => value(after, id, indicator) - value(before, id, indicator);
  if (question.kind === 'town') {
    const towns = question.optionTowns ?? [];
    const gain = !question.text.key.includes('losesFirms');
    const scores = towns.map((id) => (gain ? change(id) : -change(id)));
    const best = Math.max(...scores);
    return scores.flatMap((s, i) => (Math.abs(s - best) < 1e-9 ? [i] : []));
  }
  const townId = question.townId ?? '';
  if (question.kind === 'direction') {
    const d = change(townId);
    const tolerance = question.tolerance ?? 0;
    return [d > tolerance ? 0 : d < -tolerance ? 1 : 2];
  }
  const now = value(after, townId, indicator);
  const edges = question.edges ?? [];
  const bracket = edges.filter((edge) => now >= edge).length;
  return [bracket];
}

/** The English templates of the `predict` namespace's question texts (client/i18n en file). */
export const ENGLISH: Record<string, string> = {
  'town.losesFirms': 'Which town loses the most firms next round?',
  'town.gainsOutput': 'Which town gains the most output next round?',
  'town.dirtiestRiver': 'Whose river gets dirtier the most next round?',
  'town.option': '{{town}}',
  'direction.pollution':
    'Will {{town}}’s river get dirtier? (about the same: within ±{{tolerance}})',
  'direction.firms': 'Will {{town}} have more firms? (about the same: within ±{{tolerance}})',
  'direction.gdp': 'Will {{town}}’s output grow? (about the same: within ±{{tolerance}})',
  'direction.jobs': 'Will {{town}} have more jobs? (about the same: within ±{{tolerance}})',
  'direction.pollutionOption.up': 'Dirtier',
  'direction.pollutionOption.down': 'Cleaner',
  'direction.pollutionOption.same': 'About the same',
  'direction.firmsOption.up': 'More firms',
  'direction.firmsOption.down': 'Fewer firms',
  'direction.firmsOption.same': 'About the same',
  'direction.gdpOption.up': 'Grows',
  'direction.gdpOption.down': 'Shrinks',
  'direction.gdpOption.same': 'About the same',
  'direction.jobsOption.up': 'More jobs',
  'direction.jobsOption.down': 'Fewer jobs',
  'direction.jobsOption.same': 'About the same',
  'range.pollution': 'How dirty will {{town}}’s river be? (now {{now}})',
  'range.firms': 'How many firms will {{town}} have? (now {{now}})',
  'range.gdp': 'How much output will {{town}} have? (now {{now}})',
  'range.jobs': 'How many jobs will {{town}} have? (now {{now}})',
  'range.below': 'Below {{max}}',
  'range.atMost': '{{max}} or fewer',
  'range.atLeast': '{{min}} or more',
  'range.exactly': '{{value}}',
  'range.between': '{{min}} – {{max}}',
  'free.text': '{{text}}',
  'free.option': '{{text}}',
};

/** A message in English (town ids replaced by the names `towns` gives), for the stored record. */
export function englishText(message: PredictMessage, towns: Record<string, string> = {}): string {
  const template = ENGLISH[message.key] ?? message.key;
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const v = message.params[name];
    if (v === undefined) return '';
    return name === 'town' ? (towns[String(v)] ?? String(v)) : String(v);
  });
}
