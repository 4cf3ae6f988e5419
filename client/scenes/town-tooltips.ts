/**
 * What the tooltip says about a building or a district: its sector, kind, state, the firms and
 * jobs it stands for, and for a district its cluster type, life stage, patents and technology.
 */
import { formatCount, formatPercent, t } from '../i18n';
import type { DistrictInfo, Structure, TownLayout, View } from './layout-types';
import type { TooltipLine } from './tooltip';

const FIRM_KINDS = ['sme', 'foreign', 'leading', 'soe'] as const;

/** Title and figures of a building in a view. */
export function describeStructure(
  s: Structure,
  view: View,
  layout: TownLayout,
): [string, TooltipLine[]] {
  const state = view === 'after' ? s.state : s.before;
  const title = t(`scene:kind.${s.kind}`);
  const lines: TooltipLine[] = [];
  if (s.sector)
    lines.push({ label: t('scene:tip.sector'), value: t(`common:sectorShort.${s.sector}`) });
  if (s.kind === 'sme' || s.kind === 'foreign' || s.kind === 'leading' || s.kind === 'soe') {
    lines.push({ label: t('scene:tip.state'), value: t(`scene:state.${state}`) });
    const d = layout.districts.find((x) => x.sector === s.sector);
    if (state === 'active' && view === 'after') {
      lines.push({
        label: t('scene:tip.standsFor'),
        value: t('scene:tip.firmsApprox', { count: formatCount(Math.max(1, s.firms)) }),
      });
      lines.push({ label: t('scene:tip.jobs'), value: formatCount(s.jobs) });
    }
    if (d) {
      const firms = view === 'after' ? d.firms : d.firmsBefore;
      lines.push({
        label: t('scene:tip.districtTotal'),
        value: t('scene:tip.kindCount', {
          n: formatCount(firms[s.kind]),
          kind: t(`common:firmKind.${s.kind}`),
        }),
      });
    }
  } else if (s.kind === 'construction') {
    if (s.builds)
      lines.push({ label: t('scene:tip.builds'), value: t(`scene:tip.infra.${s.builds}`) });
    const left = view === 'after' ? s.detail : s.detailBefore;
    if (left) lines.push({ label: t('scene:tip.yearsLeft', { count: left }) });
  } else if (s.kind === 'patent') {
    const n = view === 'after' ? s.detail : s.detailBefore;
    lines.push({
      label: t('scene:tip.patents', {
        n: formatCount(Math.round(n ?? 0)),
        sector: s.sector ? t(`common:sectorShort.${s.sector}`) : '',
      }),
    });
  } else if (s.kind === 'skills' || s.kind === 'vocational') {
    const v = view === 'after' ? s.detail : s.detailBefore;
    if (s.kind === 'vocational') lines.push({ label: t('scene:tip.funded') });
    lines.push({ label: t('scene:tip.skills', { value: formatPercent(v ?? 0) }) });
  } else if (s.kind === 'university' || s.kind === 'inspection') {
    lines.push({ label: t('scene:tip.funded') });
  } else if (s.kind === 'housing') {
    const stage = view === 'after' ? s.stage : s.beforeStage;
    lines.push({ label: t(`scene:tip.density${stage}`) });
    lines.push({
      label: t(
        (view === 'after' ? s.lit : s.litBefore) ? 'scene:tip.lightsOn' : 'scene:tip.lightsOff',
      ),
    });
  }
  if (s.upgraded && view === 'after' && state === 'active')
    lines.push({ label: t('scene:tip.upgraded') });
  if (s.kind === 'university' || s.kind === 'vocational') {
    const stage = view === 'after' ? s.stage : s.beforeStage;
    lines.push({ label: t('scene:tip.stage'), value: t(`scene:tip.stage${stage}`) });
  }
  if (s.kind === 'innovation' && (view === 'after' ? s.stage : s.beforeStage) === 2)
    lines.push({ label: t('scene:tip.campus') });
  return [title, lines];
}

/** Title and figures of a sector district. */
export function describeDistrict(d: DistrictInfo): [string, TooltipLine[]] {
  const sector = t(`common:sectorShort.${d.sector}`);
  const total = (f: Record<string, number>) => FIRM_KINDS.reduce((a, k) => a + f[k], 0);
  const lines: TooltipLine[] = [
    { label: t('scene:district.firms'), value: formatCount(total(d.firms)) },
    {
      label: t('scene:district.byKind', {
        sme: formatCount(d.firms.sme),
        foreign: formatCount(d.firms.foreign),
        leading: formatCount(d.firms.leading),
        soe: formatCount(d.firms.soe),
      }),
    },
    { label: t('scene:district.previous'), value: formatCount(total(d.firmsBefore)) },
    { label: t('scene:tip.jobs'), value: formatCount(d.jobs) },
    {
      label: t('scene:district.buildings'),
      value: t('scene:district.buildingsValue', {
        active: d.buildings.active,
        closed: d.buildings.closed,
        empty: d.buildings.emptyLot,
      }),
    },
    { label: t('scene:district.stage'), value: t(`common:lifeStage.${d.lifeStage}`) },
    { label: t('scene:district.cluster'), value: t(`common:clusterType.${d.clusterType}`) },
    { label: t('scene:district.patents'), value: formatCount(d.patents) },
    { label: t('scene:district.technology'), value: formatPercent(d.technology) },
  ];
  if (d.specialised) lines.push({ label: t('scene:district.specialised') });
  if (d.market) lines.push({ label: t('scene:district.market') });
  return [t('scene:district.title', { sector }), lines];
}
