/**
 * Historical events (DESIGN §2 list) with their effects on the region's conditions. They run on a
 * scenario's timeline in their year, and every one can also be played as a card by the
 * instructor at any round. Texts quote the papers.
 */
import type { SectorId } from './sectors';
import type { Citation } from './citation';

export interface EventEffects {
  /** Multiply export demand for all sectors (number) or some. */
  exportDemand?: number | Partial<Record<SectorId, number>>;
  /** Multiply the region's yearly foreign-plant arrivals. */
  fdiFlow?: number;
  taxFloor?: number;
  preferentialDilution?: number;
  ecoStandard?: number;
  greenEvaluation?: number;
  specialisedTownGrant?: boolean;
  parkCleanup?: boolean;
  soeReform?: boolean;
  fdiOpening?: 'sez' | 'coastal' | 'all';
}

export interface EventDefinition {
  id: string;
  year: number;
  title: string;
  text: string;
  citation: Citation;
  effects: EventEffects;
  /** Effects applied some years later (demand recovers after a crash, a clean-up ends). */
  recovery?: { afterYears: number; effects: EventEffects };
}

export const EVENTS: EventDefinition[] = [
  {
    id: 'sez1980',
    year: 1980,
    title: 'Special economic zones designated',
    text: 'Shenzhen, Zhuhai, Shantou and Xiamen become special economic zones: foreign investors may enter them with tax concessions and cheap land.',
    citation: {
      paper: '003',
      section: '§3.1',
      quote:
        'By August 1980, Shenzhen, Zhuhai, and Shantou in Guangdong Province were designated as',
    },
    effects: { fdiOpening: 'sez', fdiFlow: 1 },
  },
  {
    id: 'coastalCities1984',
    year: 1984,
    title: '14 coastal cities opened',
    text: 'Economic and technological development zones open in 14 coastal cities; coastal towns may now admit foreign plants.',
    citation: {
      paper: '003',
      section: '§3.1',
      quote: 'From 1984 to 1988, 14 ETDZs were established in additional coastal cities',
    },
    effects: { fdiOpening: 'coastal', fdiFlow: 1.6 },
  },
  {
    id: 'ovop1989',
    year: 1989,
    title: '"One village, one product"',
    text: 'The authorities adopt the Japanese "one village, one product" model: towns are encouraged to specialise in one product.',
    citation: {
      paper: '000',
      section: '§4',
      quote: 'decided to implement the plan “one village, one product”',
    },
    effects: { soeReform: true },
  },
  {
    id: 'southernTour1992',
    year: 1992,
    title: "Deng's southern tour",
    text: "Deng's southern tour reasserts reform; 35 more development zones are created and foreign capital pours in, Taiwanese IT among it.",
    citation: {
      paper: '003',
      section: '§3.3',
      quote: 'Deng’s southern tour in 1992 clearly demonstrated his determination to reassert the',
    },
    effects: { fdiOpening: 'all', fdiFlow: 2.2 },
  },
  {
    id: 'specialisedTowns1999',
    year: 1999,
    title: "Guangdong's specialised-town programme",
    text: 'The province funds a technology innovation centre in each specialised town, with matching local money (RMB 300,000 per town).',
    citation: {
      paper: '003',
      section: '§4.3',
      quote: 'government has invested RMB 300,000 in each specialized town, with matching funds',
    },
    effects: { specialisedTownGrant: true },
  },
  {
    id: 'wto2001',
    year: 2001,
    title: 'WTO accession',
    text: 'China joins the WTO: export markets open wider, but the unique advantages of preferential zones fade.',
    citation: {
      paper: '003',
      section: '§3.1',
      quote: 'China’s entry into the WTO, the original unique advantages of FTZs faded.',
    },
    effects: { preferentialDilution: 0.5, exportDemand: 1.2, fdiFlow: 1.2 },
  },
  {
    id: 'parkCleanup2004',
    year: 2004,
    title: 'Clean-up of unqualified industrial parks',
    text: 'Nearly 7,000 parks are reviewed; half-empty ones are closed (1,568 remain by the end of 2006).',
    citation: {
      paper: '003',
      section: '§3.1',
      quote:
        'expansion of industrial parks, China stepped up its efforts to clean up unqualified industrial parks.',
    },
    effects: { parkCleanup: true },
    recovery: { afterYears: 3, effects: { parkCleanup: false } },
  },
  {
    id: 'unifiedTax2007',
    year: 2007,
    title: 'A unified 25 % corporate tax',
    text: 'A common effective tax rate of 25 % for foreign and domestic firms ends the tax privileges of foreign plants.',
    citation: {
      paper: '003',
      section: '§3.3',
      quote: 'effective tax rate of 25 percent for both foreign and domestic companies.',
    },
    effects: { taxFloor: 0.25, preferentialDilution: 0.9 },
  },
  {
    id: 'crisis2008',
    year: 2008,
    title: 'The global export crash',
    text: "Export orders collapse: in nine months 50,000 of Guangdong's 1 million industrial firms fail. Clusters that rely on exports are hit hardest.",
    citation: {
      paper: '003',
      section: '§6.2',
      quote:
        '50,000 out of 1 million industrial enterprises in Guangdong Province had collapsed, and its 30',
    },
    effects: { exportDemand: 0.6, fdiFlow: 0.5 },
    recovery: { afterYears: 3, effects: { exportDemand: 1.5, fdiFlow: 1.8 } },
  },
  {
    id: 'ecoStandards',
    year: 2006,
    title: 'Tougher eco-standards abroad',
    text: 'Buyers abroad enforce RoHS and WEEE: polluting exporters without green upgrading lose orders.',
    citation: {
      paper: '003',
      section: '§6.3',
      quote: '(Restriction of the Use of Certain Hazardous Substances), WEEE (Waste Electrical and',
    },
    effects: { ecoStandard: 1 },
  },
  {
    id: 'cheaperRivals',
    year: 2010,
    title: 'Cheaper rivals abroad',
    text: 'Vietnam and Bangladesh undercut labour-intensive exports: footwear, toys and apparel lose buyers unless they upgrade.',
    citation: {
      paper: '003',
      section: '§7.3',
      quote:
        'Bangladesh and Vietnam, it needs to upgrade the current SEZs and clusters through technology',
    },
    effects: { exportDemand: { footwear: 0.8, toys: 0.8, textiles: 0.85, furniture: 0.9 } },
  },
  {
    id: 'greenTurn',
    year: 2012,
    title: 'A green turn in evaluating officials',
    text: 'The central evaluation of towns now weighs the environment and social development, not growth alone.',
    citation: {
      paper: '003',
      section: '§5',
      quote: 'challenges of recent years, greater emphasis is now placed on “green” and social',
    },
    effects: { greenEvaluation: 1 },
  },
];

export function findEvent(id: string): EventDefinition | undefined {
  return EVENTS.find((e) => e.id === id);
}
