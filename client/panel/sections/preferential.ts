/** Decision family 1 (DESIGN §2): taxes, holidays, land, credit, targeting, services, talent. */
import { LIMITS, POLICY_COSTS, type PreferentialPolicy, type TownPlan } from '../../../shared';
import { formatMoney, t } from '../../i18n';
import {
  checkboxField,
  numberField,
  sectorChecklist,
  type Control,
  type SectionContext,
} from '../controls';
import { withImpact, type CostRule } from '../impact';
import type { SectionRenderer } from './section';

type NumberKey =
  | 'foreignTaxRate'
  | 'domesticTaxRate'
  | 'foreignTaxHolidayYears'
  | 'landDiscount'
  | 'smeCreditGuarantee'
  | 'talentHukou';

function controls(ctx: SectionContext): Control[] {
  const set = (patch: Partial<PreferentialPolicy>): void =>
    ctx.emit('preferential', { ...ctx.current().preferential, ...patch });
  const num = (key: NumberKey): Control =>
    numberField(
      ctx,
      `preferential-${key}`,
      (plan: TownPlan) => plan.preferential[key],
      (value) => set({ [key]: value }),
    );
  const level = ctx.state.national;
  const pref = (plan: TownPlan, patch: Partial<PreferentialPolicy>): TownPlan => ({
    ...plan,
    preferential: { ...plan.preferential, ...patch },
  });
  const impact = (control: Control, rule: CostRule): Control =>
    withImpact(ctx, control, control.handle.id.replace('preferential-', ''), rule);
  const forgone = (patch: Partial<PreferentialPolicy>): CostRule => ({
    kind: 'forgone',
    off: (plan) => pref(plan, patch),
  });
  const spend = (
    patch: Partial<PreferentialPolicy>,
    on?: Partial<PreferentialPolicy>,
  ): CostRule => ({
    kind: 'spend',
    off: (plan) => pref(plan, patch),
    on: on ? (plan) => pref(plan, on) : undefined,
  });
  const free: CostRule = { kind: 'free' };
  return [
    impact(num('foreignTaxRate'), forgone({ foreignTaxRate: LIMITS.maxTaxRate })),
    impact(num('domesticTaxRate'), forgone({ domesticTaxRate: LIMITS.maxTaxRate })),
    impact(num('foreignTaxHolidayYears'), { kind: 'later' }),
    impact(num('landDiscount'), forgone({ landDiscount: 0 })),
    impact(num('smeCreditGuarantee'), spend({ smeCreditGuarantee: 0 })),
    impact(
      sectorChecklist(
        ctx,
        'preferential-targetSectors',
        t('panel:field.targetSectors.label', { max: LIMITS.maxTargetSectors }),
        'field.targetSectors.hint',
        (plan) => plan.preferential.targetSectors,
        (targetSectors) => set({ targetSectors }),
        undefined,
        t('panel:field.targetSectors.none'),
      ),
      free,
    ),
    impact(
      sectorChecklist(
        ctx,
        'preferential-withdrawSectors',
        t('panel:field.withdrawSectors.label'),
        'field.withdrawSectors.hint',
        (plan) => plan.preferential.withdrawSectors,
        (withdrawSectors) => set({ withdrawSectors }),
      ),
      free,
    ),
    impact(
      checkboxField(
        ctx,
        'preferential-equalTreatmentPrivate',
        t('panel:field.equalTreatmentPrivate.label'),
        'field.equalTreatmentPrivate.hint',
        (plan) => plan.preferential.equalTreatmentPrivate,
        (equalTreatmentPrivate) => set({ equalTreatmentPrivate }),
      ),
      free,
    ),
    impact(
      checkboxField(
        ctx,
        'preferential-oneStopOffice',
        t('panel:field.oneStopOffice.label', {
          cost: formatMoney(POLICY_COSTS.oneStopOffice * level),
        }),
        'field.oneStopOffice.hint',
        (plan) => plan.preferential.oneStopOffice,
        (oneStopOffice) => set({ oneStopOffice }),
      ),
      spend({ oneStopOffice: false }, { oneStopOffice: true }),
    ),
    impact(num('talentHukou'), spend({ talentHukou: 0 })),
  ];
}

export const preferentialSection: SectionRenderer = {
  section: 'preferential',
  // Costs shown in labels follow the national cost level, which changes every round.
  shape: (ctx) => `${ctx.state.national}`,
  controls,
};
