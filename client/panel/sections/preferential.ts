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
  return [
    num('foreignTaxRate'),
    num('domesticTaxRate'),
    num('foreignTaxHolidayYears'),
    num('landDiscount'),
    num('smeCreditGuarantee'),
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
    sectorChecklist(
      ctx,
      'preferential-withdrawSectors',
      t('panel:field.withdrawSectors.label'),
      'field.withdrawSectors.hint',
      (plan) => plan.preferential.withdrawSectors,
      (withdrawSectors) => set({ withdrawSectors }),
    ),
    checkboxField(
      ctx,
      'preferential-equalTreatmentPrivate',
      t('panel:field.equalTreatmentPrivate.label'),
      'field.equalTreatmentPrivate.hint',
      (plan) => plan.preferential.equalTreatmentPrivate,
      (equalTreatmentPrivate) => set({ equalTreatmentPrivate }),
    ),
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
    num('talentHukou'),
  ];
}

export const preferentialSection: SectionRenderer = {
  section: 'preferential',
  // Costs shown in labels follow the national cost level, which changes every round.
  shape: (ctx) => `${ctx.state.national}`,
  controls,
};
