import { describe, expect, it } from 'vitest';
import { centreFunders, innovate, updateSkills } from '../../shared/engine/innovation';
import { createMatch } from '../../shared/engine/match';
import { advance, bareContext, planWith, town } from './helpers';

describe('innovation', () => {
  it.each([1, 2])('a centre raises technology and patents (seed %i)', (seed) => {
    const state = createMatch('foshan-2007', { seed });
    const start = town(state, 'foshan').industries.ceramics;
    const none = town(
      advance(state, 3, () => ({ foshan: planWith(() => {}) })),
      'foshan',
    ).industries.ceramics;
    const centre = town(
      advance(state, 3, () => ({ foshan: planWith((p) => (p.innovation.centres = ['ceramics'])) })),
      'foshan',
    ).industries.ceramics;
    expect(centre.technology).toBeGreaterThan(none.technology);
    expect(centre.technology).toBeGreaterThan(start.technology);
    expect(centre.patents).toBeGreaterThan(none.patents);
    expect(centre.technology).toBeLessThanOrEqual(1);
  });

  it('a centre shared by two paying towns lifts technology more than a solo one', () => {
    const gain = (shared: boolean): number => {
      const state = createMatch('foshan-2007', { seed: 1 });
      for (const id of ['foshan', 'qingyuan'])
        town(state, id).plan.innovation.centres = ['ceramics'];
      if (shared)
        state.centres = [
          { id: 'c1', sector: 'ceramics', funders: ['foshan', 'qingyuan'], openedRound: 0 },
        ];
      const f = town(state, 'foshan');
      const before = f.industries.ceramics.technology;
      innovate(bareContext(state), f);
      return f.industries.ceramics.technology - before;
    };
    expect(gain(true)).toBeGreaterThan(gain(false));
  });

  it('only funders still paying for the centre count', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    state.centres = [
      { id: 'c1', sector: 'ceramics', funders: ['foshan', 'qingyuan', 'shunde'], openedRound: 0 },
    ];
    const f = town(state, 'foshan');
    expect(centreFunders(state, f, 'ceramics')).toBe(0); // Foshan itself does not pay
    f.plan.innovation.centres = ['ceramics'];
    expect(centreFunders(state, f, 'ceramics')).toBe(1);
    town(state, 'shunde').plan.innovation.centres = ['ceramics'];
    expect(centreFunders(state, f, 'ceramics')).toBe(2);
  });

  it('sectors without workers gain nothing', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    f.plan.innovation.centres = ['toys'];
    const ctx = bareContext(state);
    const before = f.industries.toys.technology;
    innovate(ctx, f);
    expect(f.industries.toys.technology).toBe(before);
    expect(ctx.towns.get('foshan')!.techGain.toys).toBe(0);
  });

  it('vocational schools raise skills; neglected services lower them', () => {
    const state = createMatch('foshan-2007', { seed: 1 });
    const f = town(state, 'foshan');
    f.publicServices = 1;
    f.skills = 0.5;
    f.plan.innovation.vocationalSchool = true;
    updateSkills(bareContext(state), f, 10);
    expect(f.skills).toBeGreaterThan(0.5);
    f.plan.innovation.vocationalSchool = false;
    f.publicServices = 0.3;
    const before = f.skills;
    updateSkills(bareContext(state), f, 80);
    expect(f.skills).toBeLessThan(before);
  });
});
