/**
 * Explanations: for each town, the causes of every headline change, adding up to the change
 * ("−120 ceramics firms: strict enforcement (−80), relocation to Town C (−40)"). The UI shows
 * them behind every number; the advisor draws its hints from them.
 */
import { SECTOR_IDS, SECTORS } from '../data/sectors';
import type { RoundContext, TownRoundData } from './context';
import { townData } from './context';
import { firmCount, totalFirms } from './industry';
import { pollutionIndex } from './pollution';
import type {
  Cause,
  CauseCode,
  EvaluationBreakdown,
  EvaluationCosts,
  EvaluationParts,
  Explanation,
  MatchState,
  TownState,
} from './types';

/** Merge flows into causes (same cause, sector and town add up), largest first. */
function mergeCauses(causes: Cause[]): Cause[] {
  const merged = new Map<string, Cause>();
  for (const c of causes) {
    const key = `${c.cause}|${c.sector ?? ''}|${c.town ?? ''}|${c.indicator ?? ''}`;
    const prev = merged.get(key);
    if (prev) prev.amount += c.amount;
    else merged.set(key, { ...c });
  }
  return [...merged.values()]
    .filter((c) => c.amount !== 0)
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.cause < b.cause ? -1 : 1));
}

export function buildExplanations(ctx: RoundContext, town: TownState): Explanation[] {
  const data = townData(ctx, town);
  const out: Explanation[] = [];
  const firmCauses: Cause[] = [];
  for (const sector of SECTOR_IDS) {
    const flows = data.flows.filter((f) => f.sector === sector);
    const before = data.firmsBefore[sector];
    const after = firmCount(town.industries[sector]);
    if (flows.length === 0 && before === after) continue;
    const causes = mergeCauses(
      flows.map((f) => ({ cause: f.cause, amount: f.count, sector, town: f.town })),
    );
    firmCauses.push(...causes.map((c) => ({ ...c })));
    if (before !== after)
      out.push({ town: town.id, metric: `firms_${sector}`, before, after, causes });
  }
  const firmsBefore = SECTOR_IDS.reduce((a, s) => a + data.firmsBefore[s], 0);
  out.push({
    town: town.id,
    metric: 'firms',
    before: firmsBefore,
    after: totalFirms(town),
    causes: mergeCauses(
      firmCauses.map((c) => ({ cause: c.cause, amount: c.amount, town: c.town })),
    ),
  });
  const gdpCauses: Cause[] = SECTOR_IDS.map((s) => ({
    cause: 'sectorOutput' as CauseCode,
    amount: data.outputAfter[s] - data.outputBefore[s],
    sector: s,
  }));
  const industrialDelta = gdpCauses.reduce((a, c) => a + c.amount, 0);
  gdpCauses.push({
    cause: 'servicesOutput',
    amount: town.last.gdp - data.gdpBefore - industrialDelta,
  });
  out.push({
    town: town.id,
    metric: 'gdp',
    before: data.gdpBefore,
    after: town.last.gdp,
    causes: mergeCauses(gdpCauses),
  });
  out.push({
    town: town.id,
    metric: 'pollution',
    before: data.pollutionBefore,
    after: pollutionIndex(town),
    causes: mergeCauses(data.pollutionCauses),
  });
  out.push({
    town: town.id,
    metric: 'fiscalBalance',
    before: data.fiscalBefore,
    after: town.last.fiscalBalance,
    causes: mergeCauses(data.fiscalCauses),
  });
  out.push({
    town: town.id,
    metric: 'stability',
    before: data.stabilityBefore,
    after: town.stability,
    causes: mergeCauses(data.stabilityCauses),
  });
  if (data.evaluation) out.push(evaluationExplanation(town, data, data.evaluation));
  return out;
}

const COST_CAUSE: Record<keyof EvaluationCosts, CauseCode> = {
  pollution: 'pollutionCost',
  debt: 'debtCost',
  unemployment: 'unemploymentCost',
};

/**
 * The central evaluation's change, by indicator and by cost (issue 12): each indicator's points
 * gained or lost, and the pollution, debt and unemployment costs (a rising cost is a negative
 * cause). The breakdown itself (score, weight, points and shortfall of every indicator, share
 * and points of every cost) travels with the explanation for the results panel.
 */
function evaluationExplanation(
  town: TownState,
  data: TownRoundData,
  breakdown: EvaluationBreakdown,
): Explanation {
  const was = data.evaluationPartsBefore;
  const causes: Cause[] = breakdown.rows.map((row) => ({
    cause: 'indicatorPoints',
    amount: row.points - was.points[row.key],
    indicator: row.key,
  }));
  for (const row of breakdown.costs)
    causes.push({ cause: COST_CAUSE[row.key], amount: was.costs[row.key] - row.points });
  // Whatever the floor at 0 gave back, now and before.
  const sum = (p: EvaluationParts): number =>
    Object.values(p.points).reduce((a, x) => a + x, 0) -
    Object.values(p.costs).reduce((a, x) => a + x, 0);
  const floorNow = breakdown.total - sum(town.evaluation);
  const floorBefore = data.evaluationBefore - sum(was);
  causes.push({ cause: 'evaluationFloor', amount: floorNow - floorBefore });
  return {
    town: town.id,
    metric: 'evaluation',
    before: data.evaluationBefore,
    after: breakdown.total,
    causes: mergeCauses(causes.filter((c) => Math.abs(c.amount) >= 1e-4)),
    evaluation: breakdown,
  };
}

const CAUSE_TEXT: Record<CauseCode, string> = {
  spinOffs: 'spin-offs',
  heritageCraft: 'heritage craft',
  foreignInvestment: 'foreign investment',
  relocationIn: 'relocation from',
  relocationOut: 'relocation to',
  unprofitable: 'unprofitable',
  strictEnforcement: 'strict enforcement',
  supportWithdrawn: 'support withdrawn',
  shakeOut: 'upgrading shake-out',
  exportShock: 'export demand',
  ecoStandards: 'eco-standards',
  fragmentation: 'competing towns',
  raceToTheBottom: 'race to the bottom',
  soeReform: 'SOE reform',
  leadingEnterprise: 'grew into a leading enterprise',
  productivity: 'productivity',
  firmGrowth: 'firm growth',
  wages: 'rising wages',
  landCosts: 'land costs',
  taxes: 'taxes',
  landSales: 'land leases',
  fees: 'pollution fees',
  transfers: 'central transfers',
  policySpending: 'policy spending',
  construction: 'construction',
  upkeep: 'upkeep',
  interest: 'interest',
  publicServiceCosts: 'public services',
  emissions: 'own emissions',
  downstreamSpill: 'upstream discharge from',
  abatement: 'abatement',
  naturalDecay: 'natural recovery',
  services: 'public services',
  pollution: 'pollution',
  unemployment: 'unemployment',
  incomeGrowth: 'income growth',
  migrants: 'migrants',
  baseline: 'return to normal',
  sectorOutput: 'output of',
  servicesOutput: 'services',
  indicatorPoints: 'points for',
  pollutionCost: 'pollution cost',
  debtCost: 'debt cost',
  unemploymentCost: 'unemployment cost',
  evaluationFloor: 'no evaluation below 0',
};

const signed = (x: number): string => {
  const rounded =
    Math.abs(x) >= 10 || Number.isInteger(x) ? Math.round(x) : Math.round(x * 10) / 10;
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded)}`;
};

/** English one-liner for logs, the CLI and tests; the client renders its own translations. */
export function explanationText(e: Explanation, state: MatchState): string {
  const name = (id: string | undefined): string =>
    state.towns.find((t) => t.id === id)?.name ?? id ?? '';
  const metric = e.metric.startsWith('firms_')
    ? `${SECTORS[e.metric.slice(6) as keyof typeof SECTORS].name.toLowerCase()} firms`
    : e.metric;
  const parts = e.causes.slice(0, 5).map((c) => {
    let label = CAUSE_TEXT[c.cause];
    if (c.sector && c.cause === 'sectorOutput') label += ` ${SECTORS[c.sector].name.toLowerCase()}`;
    if (c.indicator) label += ` ${c.indicator}`;
    if (c.town) label += ` ${name(c.town)}`;
    return `${label} (${signed(c.amount)})`;
  });
  return `${signed(e.after - e.before)} ${metric}: ${parts.join(', ')}`;
}
