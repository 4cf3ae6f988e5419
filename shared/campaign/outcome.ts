/**
 * Victory, defeat and stars for a campaign entry, read off the states of a match. Pure and
 * deterministic: the same states always give the same outcome, so the server, the client and
 * the tests agree on when a scenario is won or lost.
 */
import type { MatchState } from '../engine/types';
import { chapterOf } from './entries';
import type { DefeatRule, Format, Goal } from './rules';
import { oneDecimal, percent, text, whole } from './text';
import type { CampaignEntry, Outcome, Text } from './types';

function shown(value: number, format: Format): Text {
  if (Number.isNaN(value)) return text('—', '—');
  switch (format) {
    case 'whole':
      return text(whole(value), whole(value));
    case 'index':
      return text(oneDecimal(value), oneDecimal(value));
    case 'percent':
      return text(percent(value), percent(value));
    case 'round':
      return Number.isFinite(value)
        ? text(`round ${whole(value)}`, `第 ${whole(value)} 轮`)
        : text('none yet', '尚无');
    case 'flag':
      return value >= 1 ? text('yes', '是') : text('no', '否');
  }
}

function met(goal: Goal, value: number): boolean {
  if (Number.isNaN(value)) return false;
  return goal.op === '>=' ? value >= goal.target : value <= goal.target;
}

function goalLine(goal: Goal, value: number, mark: string): Text {
  const v = shown(value, goal.format);
  const target = shown(goal.target, goal.format);
  const op = goal.op === '>=' ? '≥' : '≤';
  if (goal.format === 'flag') {
    return text(`${mark} ${goal.label.en}: ${v.en}`, `${mark} ${goal.label.zh}：${v.zh}`);
  }
  return text(
    `${mark} ${goal.label.en}: ${v.en} (goal ${op} ${target.en})`,
    `${mark} ${goal.label.zh}：${v.zh}（目标 ${op} ${target.zh}）`,
  );
}

function broken(rule: DefeatRule, value: number): boolean {
  if (Number.isNaN(value)) return false;
  return rule.op === '<' ? value < rule.threshold : value > rule.threshold;
}

/** The round at which a defeat rule first strikes, or null. */
function strikeRound(
  rule: DefeatRule,
  states: readonly MatchState[],
  last: number,
  townId: string,
): number | null {
  let run = 0;
  for (let i = 1; i <= last; i++) {
    run = broken(rule, rule.measure(states, i, townId)) ? run + 1 : 0;
    if (run >= rule.rounds) return i;
  }
  return null;
}

/**
 * The outcome of a campaign entry after the rounds played so far. states[0] is the start and
 * states[i] the state after round i. The match is 'playing' until entry.rounds have been played
 * unless a defeat rule strikes first; then it is 'won' (1–3 stars) or 'lost'.
 */
export function evaluateOutcome(
  entry: CampaignEntry,
  states: MatchState[],
  townId: string,
): Outcome {
  if (states.length === 0) throw new Error('evaluateOutcome needs at least the starting state');
  const { rules } = chapterOf(entry.id);
  const last = Math.min(states.length - 1, entry.rounds);

  let defeat: { rule: DefeatRule; round: number } | null = null;
  for (const rule of rules.defeats) {
    const round = strikeRound(rule, states, last, townId);
    if (round !== null && (defeat === null || round < defeat.round)) defeat = { rule, round };
  }
  if (defeat) {
    const { rule, round } = defeat;
    return {
      status: 'lost',
      stars: 0,
      reasons: [text(`${rule.reason.en} (round ${round})`, `${rule.reason.zh}（第 ${round} 轮）`)],
    };
  }

  const values = rules.goals.map((g) => g.measure(states, last, townId));
  const allMet = rules.goals.every((g, i) => met(g, values[i]));
  if (last < entry.rounds) {
    return {
      status: 'playing',
      stars: 0,
      reasons: rules.goals.map((g, i) => goalLine(g, values[i], met(g, values[i]) ? '✓' : '…')),
    };
  }
  const goalLines = rules.goals.map((g, i) =>
    goalLine(g, values[i], met(g, values[i]) ? '✓' : '✗'),
  );
  if (!allMet) return { status: 'lost', stars: 0, reasons: goalLines };
  const stretchValues = rules.stretch.map((g) => g.measure(states, last, townId));
  const bonus = rules.stretch.filter((g, i) => met(g, stretchValues[i])).length;
  const stretchLines = rules.stretch.map((g, i) =>
    goalLine(g, stretchValues[i], met(g, stretchValues[i]) ? '★' : '☆'),
  );
  return { status: 'won', stars: Math.min(3, 1 + bonus), reasons: [...goalLines, ...stretchLines] };
}
