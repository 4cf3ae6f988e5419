/**
 * Diplomacy as data the engine understands: towns propose to co-fund a sector's innovation centre
 * (sector-based rather than township-based centres, 003 §7.3), a joint specialised market, or a
 * river clean-up (pollution flows downstream, DESIGN §3 fact 10). A proposal takes effect when
 * every addressee accepts; it expires after two rounds. Joint works are split among partners.
 */
import { INFRA_SPECS } from './costs';
import type { RoundContext } from './context';
import type { MatchState, Proposal, TownPlan } from './types';

export const PROPOSAL_LIFETIME_ROUNDS = 2;

export function conductDiplomacy(ctx: RoundContext, plans: ReadonlyMap<string, TownPlan>): void {
  const { state } = ctx;
  for (const town of state.towns) {
    const plan = plans.get(town.id);
    if (!plan) continue;
    for (const response of plan.diplomacy.responses) {
      const proposal = state.proposals.find((p) => p.id === response.proposalId);
      if (!proposal || proposal.status !== 'open' || !proposal.to.includes(town.id)) continue;
      if (response.accept) {
        if (!proposal.accepted.includes(town.id)) proposal.accepted.push(town.id);
      } else {
        proposal.declined.push(town.id);
        proposal.status = 'declined';
        ctx.events.push({ type: 'ProposalDeclined', proposalId: proposal.id, by: town.id });
      }
    }
  }
  for (const proposal of state.proposals) {
    if (proposal.status !== 'open') continue;
    if (proposal.to.every((id) => proposal.accepted.includes(id))) {
      proposal.status = 'agreed';
      enact(ctx, proposal);
      ctx.events.push({ type: 'ProposalAgreed', proposalId: proposal.id });
    } else if (state.round - proposal.round >= PROPOSAL_LIFETIME_ROUNDS) {
      proposal.status = 'expired';
    }
  }
  for (const town of state.towns) {
    const plan = plans.get(town.id);
    if (!plan || !state.diplomacy) continue;
    for (const draft of plan.diplomacy.proposals) {
      const proposal: Proposal = {
        id: `p${state.nextId++}`,
        round: state.round,
        from: town.id,
        to: [...draft.to],
        kind: draft.kind,
        sector: draft.sector ?? null,
        accepted: [],
        declined: [],
        status: 'open',
      };
      state.proposals.push(proposal);
      ctx.events.push({
        type: 'ProposalMade',
        proposalId: proposal.id,
        from: town.id,
        to: proposal.to,
        kind: proposal.kind,
      });
    }
    const statement = plan.diplomacy.statement?.trim();
    if (statement) ctx.events.push({ type: 'StatementPosted', town: town.id, text: statement });
  }
  // Settled proposals older than their lifetime are dropped to keep the state small.
  state.proposals = state.proposals.filter(
    (p) => p.status === 'open' || state.round - p.round < PROPOSAL_LIFETIME_ROUNDS,
  );
}

function enact(ctx: RoundContext, proposal: Proposal): void {
  const { state } = ctx;
  const partners = [proposal.from, ...proposal.to];
  if (proposal.kind === 'cofundCentre' && proposal.sector) {
    const sector = proposal.sector;
    // A town belongs to one centre per sector: joining a new one leaves the old.
    for (const centre of state.centres) {
      if (centre.sector === sector)
        centre.funders = centre.funders.filter((id) => !partners.includes(id));
    }
    state.centres = state.centres.filter((c) => c.funders.length > 1);
    const id = `c${state.nextId++}`;
    state.centres.push({ id, sector, funders: partners, openedRound: state.round });
    ctx.events.push({ type: 'CentreOpened', centreId: id, sector, funders: partners });
    return;
  }
  const kind = proposal.kind === 'jointMarket' ? 'market' : 'wastewater';
  const spec = INFRA_SPECS[kind];
  for (const id of partners) {
    const town = state.towns.find((t) => t.id === id);
    if (!town) continue;
    if (kind === 'market' && proposal.sector && town.infra.markets.includes(proposal.sector))
      continue;
    const underway = town.infra.projects.filter((p) => p.kind === 'wastewater').length;
    if (kind === 'wastewater' && town.infra.wastewater + underway >= spec.maxLevel) continue;
    town.infra.projects.push({
      kind,
      sector: kind === 'market' ? proposal.sector : null,
      yearsLeft: spec.years,
      costPerYear: spec.cost / spec.years / partners.length,
    });
  }
}

export function openProposalsFor(state: MatchState, townId: string): Proposal[] {
  return state.proposals.filter((p) => p.status === 'open' && p.to.includes(townId));
}
