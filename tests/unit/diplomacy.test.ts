import { describe, expect, it } from 'vitest';
import { INFRA_SPECS, planCost } from '../../shared/engine/costs';
import { openProposalsFor } from '../../shared/engine/diplomacy';
import { createMatch } from '../../shared/engine/match';
import { validatePlan } from '../../shared/engine/plan-schema';
import type { MatchState, ProposalDraft } from '../../shared/engine/types';
import { planWith, step, town } from './helpers';

/** Round 0: Foshan proposes; returns the state after the round and the proposal id. */
function propose(
  draft: ProposalDraft,
  state: MatchState = createMatch('foshan-2007', { seed: 1 }),
) {
  const result = step(state, { foshan: planWith((p) => (p.diplomacy.proposals = [draft])) });
  const made = result.events.find((e) => e.type === 'ProposalMade');
  expect(made).toBeDefined();
  const id = made && made.type === 'ProposalMade' ? made.proposalId : '';
  return { state: result.state, id };
}

function respond(state: MatchState, townId: string, proposalId: string, accept: boolean) {
  return step(state, {
    [townId]: planWith((p) => (p.diplomacy.responses = [{ proposalId, accept }])),
  });
}

describe('diplomacy', () => {
  const cofund: ProposalDraft = { kind: 'cofundCentre', to: ['shunde'], sector: 'ceramics' };

  it('a proposal is recorded as open and addressed to its recipients', () => {
    const { state, id } = propose(cofund);
    expect(state.proposals).toEqual([
      expect.objectContaining({
        id,
        from: 'foshan',
        to: ['shunde'],
        kind: 'cofundCentre',
        sector: 'ceramics',
        status: 'open',
      }),
    ]);
    expect(openProposalsFor(state, 'shunde').map((p) => p.id)).toEqual([id]);
    expect(openProposalsFor(state, 'qingyuan')).toEqual([]);
  });

  it('a cofundCentre proposal accepted in the next round creates a shared centre with both funders', () => {
    const { state, id } = propose(cofund);
    const result = respond(state, 'shunde', id, true);
    expect(result.state.centres).toHaveLength(1);
    const [centre] = result.state.centres;
    expect(centre.sector).toBe('ceramics');
    expect([...centre.funders].sort()).toEqual(['foshan', 'shunde']);
    expect(result.state.proposals.find((p) => p.id === id)?.status).toBe('agreed');
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'ProposalAgreed', proposalId: id }),
    );
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'CentreOpened', centreId: centre.id, sector: 'ceramics' }),
    );
    // Each funder now pays less for the centre than a town funding it alone.
    const plan = planWith((p) => (p.innovation.centres = ['ceramics']));
    const s = result.state;
    expect(planCost(s, town(s, 'foshan'), plan).innovation).toBeLessThan(
      planCost(s, town(s, 'qingyuan'), plan).innovation,
    );
  });

  it('a declined proposal creates nothing', () => {
    const { state, id } = propose(cofund);
    const result = respond(state, 'shunde', id, false);
    expect(result.state.centres).toEqual([]);
    expect(result.state.proposals.find((p) => p.id === id)?.status).toBe('declined');
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'ProposalDeclined', proposalId: id, by: 'shunde' }),
    );
    expect(result.events.some((e) => e.type === 'CentreOpened')).toBe(false);
    // A settled proposal can no longer be answered.
    expect(
      validatePlan(
        result.state,
        'shunde',
        planWith((p) => (p.diplomacy.responses = [{ proposalId: id, accept: true }])),
      ).ok,
    ).toBe(false);
  });

  it('a proposal needs every addressee: one acceptance out of two is not enough', () => {
    const { state, id } = propose({
      kind: 'cofundCentre',
      to: ['shunde', 'qingyuan'],
      sector: 'ceramics',
    });
    const half = respond(state, 'shunde', id, true).state;
    expect(half.centres).toEqual([]);
    expect(half.proposals.find((p) => p.id === id)?.status).toBe('open');
    const full = respond(half, 'qingyuan', id, true).state;
    expect(full.centres).toHaveLength(1);
    expect([...full.centres[0].funders].sort()).toEqual(['foshan', 'qingyuan', 'shunde']);
  });

  it('an unanswered proposal expires after two rounds', () => {
    const { state, id } = propose(cofund);
    const later = step(step(state).state).state;
    expect(later.centres).toEqual([]);
    expect(openProposalsFor(later, 'shunde')).toEqual([]);
    expect(
      validatePlan(
        later,
        'shunde',
        planWith((p) => (p.diplomacy.responses = [{ proposalId: id, accept: true }])),
      ).ok,
    ).toBe(false);
  });

  it('a river clean-up splits the cost of wastewater works among the partners', () => {
    const { state, id } = propose({ kind: 'riverCleanup', to: ['qingyuan'] });
    const s = respond(state, 'qingyuan', id, true).state;
    for (const townId of ['foshan', 'qingyuan']) {
      const t = town(s, townId);
      const works = t.infra.projects.filter((p) => p.kind === 'wastewater');
      const done = t.infra.wastewater;
      expect(works.length + done).toBeGreaterThan(0);
      for (const w of works)
        expect(w.costPerYear).toBeCloseTo(
          INFRA_SPECS.wastewater.cost / INFRA_SPECS.wastewater.years / 2,
          6,
        );
    }
  });

  it('joining a new centre for a sector leaves the old one', () => {
    const first = propose(cofund);
    const state = respond(first.state, 'shunde', first.id, true).state;
    const second = propose({ kind: 'cofundCentre', to: ['qingyuan'], sector: 'ceramics' }, state);
    const s = respond(second.state, 'qingyuan', second.id, true).state;
    const withFoshan = s.centres.filter(
      (c) => c.sector === 'ceramics' && c.funders.includes('foshan'),
    );
    expect(withFoshan).toHaveLength(1);
    expect([...withFoshan[0].funders].sort()).toEqual(['foshan', 'qingyuan']);
  });

  // BUG: plan-schema.ts does not reject repeated addressees (`to: ['shunde', 'shunde']`), and
  // diplomacy.ts enact() copies them into the centre's funders (['foshan', 'shunde', 'shunde']).
  // Foshan then pays centreCostPerFunder(3) = 2 instead of 2.5, and innovation/market count three
  // coordinated towns.
  it('a centre never lists the same funder twice (proposal to a repeated addressee)', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const draft: ProposalDraft = {
      kind: 'cofundCentre',
      to: ['shunde', 'shunde'],
      sector: 'ceramics',
    };
    const check = validatePlan(
      state,
      'foshan',
      planWith((p) => (p.diplomacy.proposals = [draft])),
    );
    if (!check.ok) return; // rejecting repeated addressees is one acceptable fix
    const { state: s1, id } = propose(draft, state);
    const s2 = respond(s1, 'shunde', id, true).state;
    for (const centre of s2.centres)
      expect(new Set(centre.funders).size).toBe(centre.funders.length);
  });

  // BUG: diplomacy.ts enact() checks `town.infra.wastewater >= maxLevel` but ignores wastewater
  // works already under construction, so a river clean-up pushes a town past INFRA_SPECS.maxLevel.
  it('a river clean-up never takes wastewater works beyond their maximum level', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    for (const t of state.towns) t.infra.wastewater = INFRA_SPECS.wastewater.maxLevel - 1;
    const first = step(state, {
      foshan: planWith((p) => {
        p.build = [{ kind: 'wastewater' }]; // the last level allowed
        p.diplomacy.proposals = [{ kind: 'riverCleanup', to: ['qingyuan'] }];
      }),
    });
    const id = first.state.proposals[0].id;
    let s = respond(first.state, 'qingyuan', id, true).state;
    for (let r = 0; r < 3; r++) s = step(s).state;
    for (const t of s.towns)
      expect(t.infra.wastewater, t.id).toBeLessThanOrEqual(INFRA_SPECS.wastewater.maxLevel);
  });
});
