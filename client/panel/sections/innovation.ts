/**
 * Decision family 3 (DESIGN §2): innovation centres per sector (alone or co-funded), vocational
 * school, university partnership, quality standards, industry associations, vouchers.
 */
import {
  LIMITS,
  POLICY_COSTS,
  SECTOR_IDS,
  type InnovationPlan,
  type TownPlan,
} from '../../../shared';
import { centreCostPerFunder, cofundersOf } from '../../../shared/engine/costs';
import { formatMoney, t } from '../../i18n';
import { checkboxField, numberField, sectorChecklist, type SectionContext } from '../controls';
import { sectorName } from '../labels';
import { withImpact, type CostRule } from '../impact';
import type { Control } from '../controls';
import type { Part, SectionRenderer } from './section';

function controls(ctx: SectionContext): Part[] {
  const level = ctx.state.national;
  const money = (m: number): string => formatMoney(m * level);
  const set = (patch: Partial<InnovationPlan>): void =>
    ctx.emit('innovation', { ...ctx.current().innovation, ...patch });
  const inno = (plan: TownPlan, patch: Partial<InnovationPlan>): TownPlan => ({
    ...plan,
    innovation: { ...plan.innovation, ...patch },
  });
  const spend = (off: Partial<InnovationPlan>, on?: Partial<InnovationPlan>): CostRule => ({
    kind: 'spend',
    off: (plan) => inno(plan, off),
    on: on ? (plan) => inno(plan, on) : undefined,
  });
  const impact = (control: Control, rule: CostRule): Control =>
    withImpact(ctx, control, control.handle.id.replace('innovation-', ''), rule);
  return [
    impact(
      sectorChecklist(
        ctx,
        'innovation-centres',
        t('panel:field.centres.label', { max: LIMITS.maxCentres }),
        'field.centres.hint',
        (plan) => plan.innovation.centres,
        (centres) => set({ centres }),
        (sector) => {
          const funders = cofundersOf(ctx.state, ctx.town.id, sector);
          const cost = money(centreCostPerFunder(funders));
          return funders > 1
            ? t('panel:field.centres.shared', { sector: sectorName(sector), count: funders, cost })
            : t('panel:field.centres.option', { sector: sectorName(sector), cost });
        },
      ),
      spend({ centres: [] }),
    ),
    impact(
      checkboxField(
        ctx,
        'innovation-vocationalSchool',
        t('panel:field.vocationalSchool.label', { cost: money(POLICY_COSTS.vocationalSchool) }),
        'field.vocationalSchool.hint',
        (plan) => plan.innovation.vocationalSchool,
        (vocationalSchool) => set({ vocationalSchool }),
      ),
      spend({ vocationalSchool: false }, { vocationalSchool: true }),
    ),
    impact(
      checkboxField(
        ctx,
        'innovation-universityPartnership',
        t('panel:field.universityPartnership.label', {
          cost: money(POLICY_COSTS.universityPartnership),
        }),
        'field.universityPartnership.hint',
        (plan) => plan.innovation.universityPartnership,
        (universityPartnership) => set({ universityPartnership }),
      ),
      spend({ universityPartnership: false }, { universityPartnership: true }),
    ),
    impact(
      sectorChecklist(
        ctx,
        'innovation-qualityStandards',
        t('panel:field.qualityStandards.label', { cost: money(POLICY_COSTS.qualityStandards) }),
        'field.qualityStandards.hint',
        (plan) => plan.innovation.qualityStandards,
        (qualityStandards) => set({ qualityStandards }),
      ),
      spend({ qualityStandards: [] }),
    ),
    impact(
      sectorChecklist(
        ctx,
        'innovation-industryAssociation',
        t('panel:field.industryAssociation.label', {
          cost: money(POLICY_COSTS.industryAssociation),
        }),
        'field.industryAssociation.hint',
        (plan) => plan.innovation.industryAssociation,
        (industryAssociation) => set({ industryAssociation }),
      ),
      spend({ industryAssociation: [] }),
    ),
    impact(
      numberField(
        ctx,
        'innovation-innovationVouchers',
        (plan) => plan.innovation.innovationVouchers,
        (innovationVouchers) => set({ innovationVouchers }),
      ),
      spend({ innovationVouchers: 0 }),
    ),
  ];
}

export const innovationSection: SectionRenderer = {
  section: 'innovation',
  // Centre costs depend on who already co-funds a centre in each sector.
  shape: (ctx) =>
    `${ctx.state.national}|${SECTOR_IDS.map((s) => cofundersOf(ctx.state, ctx.town.id, s)).join()}`,
  controls,
};
