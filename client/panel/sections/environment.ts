/** Decision family 4 (DESIGN §2): enforcement level, pollution fees, green-upgrading subsidies. */
import type { Enforcement, EnvironmentPlan, TownPlan } from '../../../shared';
import { t } from '../../i18n';
import { numberField, radioGroup, type SectionContext } from '../controls';
import { ENFORCEMENTS } from '../labels';
import { withImpact } from '../impact';
import type { Part, SectionRenderer } from './section';

function controls(ctx: SectionContext): Part[] {
  const set = (patch: Partial<EnvironmentPlan>): void =>
    ctx.emit('environment', { ...ctx.current().environment, ...patch });
  const noSubsidy = (plan: TownPlan): TownPlan => ({
    ...plan,
    environment: { ...plan.environment, greenSubsidy: 0 },
  });
  return [
    withImpact(
      ctx,
      radioGroup(
        ctx,
        'environment-enforcement',
        t('panel:field.enforcement.label'),
        ENFORCEMENTS.map((level) => ({
          value: level,
          label: t(`common:enforcement.${level}`),
          description: t(`panel:field.enforcement.${level}`),
        })),
        (plan) => plan.environment.enforcement,
        (value) => set({ enforcement: value as Enforcement }),
        'field.enforcement.hint',
      ),
      'enforcement',
      { kind: 'free' },
    ),
    withImpact(
      ctx,
      numberField(
        ctx,
        'environment-pollutionFee',
        (plan) => plan.environment.pollutionFee,
        (pollutionFee) => set({ pollutionFee }),
      ),
      'pollutionFee',
      { kind: 'fees' },
    ),
    withImpact(
      ctx,
      numberField(
        ctx,
        'environment-greenSubsidy',
        (plan) => plan.environment.greenSubsidy,
        (greenSubsidy) => set({ greenSubsidy }),
      ),
      'greenSubsidy',
      { kind: 'spend', off: noSubsidy },
    ),
  ];
}

export const environmentSection: SectionRenderer = {
  section: 'environment',
  shape: () => '',
  controls,
};
