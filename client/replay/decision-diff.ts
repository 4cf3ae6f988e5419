/**
 * "What did Town 3 change in 1992?": the decisions of one town in one round, compared with the
 * policies it had standing before the round. Pure (no DOM, no i18n) so it is unit-tested on real
 * logs; decisions-view.ts words it.
 *
 * A plan has two kinds of content. Standing policies (preferential, innovation, environment)
 * carry over from round to round, so the interesting part is what changed. One-off actions (work
 * orders, proposals, answers, a statement) are new every round, so they are listed as they are.
 */
import { caretakerPlan, validatePlan } from '../../shared';
import type { InfraOrder, MatchLog, MatchState, ProposalDraft, TownPlan } from '../../shared';

export const STANDING_SECTIONS = ['preferential', 'innovation', 'environment'] as const;
export type StandingSection = (typeof STANDING_SECTIONS)[number];

export type PolicyValue = number | boolean | string | readonly string[] | null;

export interface PolicyChange {
  section: StandingSection;
  /** The plan field, e.g. `foreignTaxRate` or `targetSectors`. */
  field: string;
  before: PolicyValue;
  after: PolicyValue;
  /** For list fields (sectors): what was added and what was dropped. */
  added: string[];
  removed: string[];
}

export interface DecisionDiff {
  /** False when nobody submitted a plan and the caretaker kept last round's policies. */
  submitted: boolean;
  changes: PolicyChange[];
  build: InfraOrder[];
  proposals: ProposalDraft[];
  responses: { proposalId: string; accept: boolean }[];
  statement: string | null;
}

function asValue(value: unknown): PolicyValue {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Lists of sectors are sets: ticking the same sectors in another order changes nothing. */
function sameValue(a: PolicyValue, b: PolicyValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = [...a].sort();
    const sb = [...b].sort();
    return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
  }
  return a === b;
}

function sectionChanges(
  section: StandingSection,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): PolicyChange[] {
  // The submitted plan's key order first, so the diff reads in the order of the policy panel.
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const out: PolicyChange[] = [];
  for (const field of fields) {
    const was = asValue(before[field]);
    const now = asValue(after[field]);
    if (sameValue(was, now)) continue;
    const wasList = Array.isArray(was) ? was : [];
    const nowList = Array.isArray(now) ? now : [];
    out.push({
      section,
      field,
      before: was,
      after: now,
      added: nowList.filter((x) => !wasList.includes(x)),
      removed: wasList.filter((x) => !nowList.includes(x)),
    });
  }
  return out;
}

/**
 * Compare the plan a town played in a round with its standing policies before it.
 * `standing` is the town's `plan` in the state before the round; `submitted` is the logged plan,
 * or undefined when the town's player submitted nothing (the engine then plays the caretaker).
 */
export function decisionDiff(standing: TownPlan, submitted: TownPlan | undefined): DecisionDiff {
  const played = submitted ?? caretakerPlan(standing);
  const changes = STANDING_SECTIONS.flatMap((section) =>
    sectionChanges(
      section,
      standing[section] as unknown as Record<string, unknown>,
      played[section] as unknown as Record<string, unknown>,
    ),
  );
  const statement = played.diplomacy.statement?.trim();
  return {
    submitted: submitted !== undefined,
    changes,
    build: [...played.build],
    proposals: [...played.diplomacy.proposals],
    responses: [...played.diplomacy.responses],
    statement: statement ? statement : null,
  };
}

/** The decisions of `townId` in `round` (1-based) of a verified log; states[r] is after round r. */
export function roundDecisions(
  log: MatchLog,
  states: readonly MatchState[],
  round: number,
  townId: string,
): DecisionDiff | null {
  const entry = log.rounds[round - 1];
  const state = states[round - 1];
  const before = state?.towns.find((t) => t.id === townId);
  if (!entry || !before) return null;
  const logged = entry.plans[townId];
  if (logged === undefined) return decisionDiff(before.plan, undefined);
  // Compare the plan as the engine applied it (defaults filled in), not as it was typed.
  const check = validatePlan(state, townId, logged);
  return decisionDiff(before.plan, check.ok ? check.plan : logged);
}

/** Whether the diff has anything to say at all. */
export function isEmptyDiff(diff: DecisionDiff): boolean {
  return (
    diff.changes.length === 0 &&
    diff.build.length === 0 &&
    diff.proposals.length === 0 &&
    diff.responses.length === 0 &&
    diff.statement === null
  );
}
