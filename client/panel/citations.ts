/**
 * The paper behind every control's one-line explanation and every cause the results name
 * (DESIGN §1: in-game texts cite the papers by id and section). Quotes are verbatim phrases the
 * unit tests find in ../shared/seeds, so a hint never claims what its paper does not say.
 * Keys of HINT_CITATIONS are the `panel:` translation keys of the hints they support.
 */
import type { CauseCode } from '../../shared';
import type { Citation } from '../../shared/data/citation';

const c = (paper: Citation['paper'], section: string, quote: string): Citation => ({
  paper,
  section,
  quote,
});

const AIRPORT = c(
  '003',
  '§3.3',
  'Its over-sized airport exhausted its initial capital and became a drag',
);
const FOSHAN = c('001', '¶20', 'many ceramic tiles firms had to close');
const TIC = c(
  '003',
  '§7.3',
  'technology innovation centers could be designed as sector-based in a province',
);

export const HINT_CITATIONS: Record<string, Citation> = {
  'field.foreignTaxRate.hint': c(
    '003',
    '§3.3',
    'For FDI, the corporate tax rate was especially generous—15 percent',
  ),
  'field.domesticTaxRate.hint': c(
    '003',
    '§3.3',
    'effective tax rate of 25 percent for both foreign and domestic companies.',
  ),
  'field.foreignTaxHolidayYears.hint': c(
    '003',
    '§3.3',
    'rates, breaks, and exemptions; preferential fees for land or facility use',
  ),
  'field.landDiscount.hint': c(
    '003',
    '§3.3',
    'including inexpensive land, tax breaks, rapid customs clearance',
  ),
  'field.smeCreditGuarantee.hint': c(
    '002',
    '§3',
    'support domestic small and medium-sized companies in areas such as loans',
  ),
  'field.targetSectors.hint': c(
    '002',
    '§2.2.2',
    'only 175 foreign-funded enterprises from 5 development',
  ),
  'field.withdrawSectors.hint': FOSHAN,
  'field.equalTreatmentPrivate.hint': c(
    '002',
    '§3',
    'privately owned enterprises, give them equal treatment as FDI',
  ),
  'field.oneStopOffice.hint': c(
    '002',
    '§3.3',
    'one-stop office that can provide essential services to existing foreign firms and newcomers',
  ),
  'field.talentHukou.hint': c(
    '003',
    '§3.3',
    'subsidies for children’s education, and assistance in “Hukou”',
  ),
  'section.build.hint': c(
    '003',
    '§3.3',
    'electricity, gas, sewerage, telephone, and ports, which in most cases involve heavy government',
  ),
  'build.kindHint.roads': c(
    '003',
    '§4.3',
    'Besides basic infrastructure such as roads, water, electricity, and',
  ),
  'build.kindHint.power': c(
    '003',
    '§3.3',
    'all infrastructures in the park had been built by the local',
  ),
  'build.kindHint.port': c('003', '§4.3', 'invested RMB 40 million in building a logistics'),
  'build.kindHint.market': c('003', '§4.3', 'set up the South Textile Market in 1985'),
  'build.kindHint.park': c(
    '001',
    '¶22',
    'including setting up an industrial park on the basis of an existing cluster',
  ),
  'build.kindHint.housing': c('003', '§6.5', 'many of them do not have sufficient health'),
  'build.kindHint.wastewater': c(
    '003',
    '§6.3',
    'one is the serious water, air, and land pollution',
  ),
  'budget.hint': AIRPORT,
  'field.centres.hint': TIC,
  'field.vocationalSchool.hint': c('003', '§7.3', 'providing more skills training and vocational'),
  'field.universityPartnership.hint': c(
    '003',
    '§4.3',
    'Wenzhou University has played an important role in supporting technology innovation',
  ),
  'field.qualityStandards.hint': c(
    '003',
    '§4.3',
    'experienced a rapid expansion of quantity without quality',
  ),
  'field.industryAssociation.hint': c('003', '§4.3', 'the first shoemakers’ association in China'),
  'field.innovationVouchers.hint': c(
    '003',
    '§7.3',
    'SME-specific programs such as innovation vouchers',
  ),
  'field.enforcement.hint': c('001', '¶20', 'a weak enforcement of the law'),
  'field.pollutionFee.hint': c(
    '003',
    '§3.3',
    'set specific rules and monetary punishment mechanisms to prevent environmental',
  ),
  'field.greenSubsidy.hint': c(
    '003',
    '§7.4',
    'This measure, however, also needs to be implemented with',
  ),
  'diplomacy.proposalsHint': c(
    '003',
    '§6',
    'actually competing with other towns in the same province',
  ),
  'diplomacy.responsesHint': c('003', '§6', 'so that they can achieve greater economies of scale'),
  'field.statement.hint': c(
    '003',
    '§4.3',
    'informal enforcement mechanisms, such as community ties, reputation',
  ),
};

/** Papers behind the engine's causes, shown beside each cause in the results. */
export const CAUSE_CITATIONS: Partial<Record<CauseCode, Citation>> = {
  spinOffs: c(
    '001',
    '¶18',
    'more than one thousand factories were created during the 1980s by dismissed workers',
  ),
  heritageCraft: c('003', '§4.2', 'has a long history of shoemaking, dating back to'),
  foreignInvestment: c('003', '§3.3', 'FDI and the Chinese diaspora have played important roles'),
  relocationIn: c('003', '§4.2', 'many coastal clusters have begun to'),
  relocationOut: c('003', '§4.2', 'many coastal clusters have begun to'),
  strictEnforcement: FOSHAN,
  supportWithdrawn: FOSHAN,
  shakeOut: c('003', 'Table 6', 'Performance of the Xiqiao Cluster before and after'),
  exportShock: c('003', '§6.2', 'which rely mostly on exports,'),
  ecoStandards: c('003', '§6.3', 'increasingly tough eco-standards set by'),
  fragmentation: c('003', '§6', 'actually competing with other towns in the same province'),
  raceToTheBottom: c('003', '§4.3', 'experienced a rapid expansion of quantity without quality'),
  soeReform: c(
    '001',
    '¶18',
    'more than one thousand factories were created during the 1980s by dismissed workers',
  ),
  leadingEnterprise: c('002', '§3.2', 'Selecting and supporting the leading enterprise is the key'),
  productivity: c('000', 'Table 1', 'external economies created by labor market pooling'),
  firmGrowth: c('003', 'Table 6', 'Performance of the Xiqiao Cluster before and after'),
  wages: c('003', '§6.3', 'land, skilled labor, and energy resources such as'),
  landCosts: c('003', '§6.3', 'land, skilled labor, and energy resources such as'),
  landSales: c(
    '003',
    '§3.3',
    'important initial finance for infrastructure and real estate development',
  ),
  construction: AIRPORT,
  upkeep: AIRPORT,
  interest: AIRPORT,
  publicServiceCosts: c('003', '§6.5', 'many of them do not have sufficient health'),
  emissions: c('003', '§6.3', 'one is the serious water, air, and land pollution'),
  downstreamSpill: c('003', '§6.3', 'one is the serious water, air, and land pollution'),
  services: c('003', '§6.5', 'many of them do not have sufficient health'),
  migrants: c('003', '§6.5', 'many of them do not have sufficient health'),
  // The central evaluation's costs (issue 12, shared/engine/scoring.ts).
  pollutionCost: c('003', '§6.3', 'one is the serious water, air, and land pollution'),
  debtCost: AIRPORT,
  indicatorPoints: c(
    '001',
    '¶28',
    'from a sole pursuit of economic growth to a wider one that encompasses social development',
  ),
};

/** Central evaluation's turn from growth alone to social development. */
export const EVALUATION_CITATION = c(
  '001',
  '¶28',
  'from a sole pursuit of economic growth to a wider one that encompasses social development',
);

/** Markusen's typology of clusters, which the cluster types follow. */
export const CLUSTER_TYPE_CITATION = c(
  '003',
  '§1.2',
  'Markusen (1996) has classified clusters into four',
);
