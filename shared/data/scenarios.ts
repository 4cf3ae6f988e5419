/**
 * Scenarios: a region of towns, a start year, a round length, objectives and score weights, each
 * grounded in the papers. A match may use fewer towns than a scenario defines (the first ones) or
 * more (extra towns are generated from the seed).
 */
import type { Citation } from './citation';
import type { SectorId } from './sectors';
import type { Enforcement, ScoreWeights } from '../engine/types';

export interface IndustrySeed {
  sme?: number;
  foreign?: number;
  leading?: number;
  soe?: number;
  technology?: number;
  reputation?: number;
  embeddedness?: number;
}

export interface TownSeed {
  id: string;
  name: string;
  x: number;
  y: number;
  coastal: boolean;
  portKm: number;
  hubKm: number;
  riverOrder: number | null;
  landArea: number;
  locals: number;
  heritage: SectorId | null;
  sez?: boolean;
  skills?: number;
  wage?: number;
  cash?: number;
  industries?: Partial<Record<SectorId, IndustrySeed>>;
  enforcement?: Enforcement;
  note?: string;
}

export interface Scenario {
  id: string;
  title: string;
  summary: string;
  citations: Citation[];
  startYear: number;
  roundYears: number;
  defaultRounds: number;
  /** Timeline events by id; events dated before the start year are already in force. */
  timeline: string[];
  objectives: string[];
  weights: ScoreWeights;
  /** Regional foreign plants per year before event multipliers. */
  fdiFlow: number;
  towns: TownSeed[];
}

const GROWTH: ScoreWeights = {
  growth: 4,
  gdpPerHead: 2,
  jobs: 2,
  exports: 2,
  fdi: 2,
  patents: 0.5,
  environment: 0.2,
  services: 0.5,
  fiscal: 1,
  stability: 1,
};
const BALANCED: ScoreWeights = {
  growth: 2,
  gdpPerHead: 2,
  jobs: 1.5,
  exports: 1,
  fdi: 0.5,
  patents: 1.5,
  environment: 2,
  services: 1.5,
  fiscal: 1,
  stability: 1.5,
};

const ALL_EVENTS = [
  'sez1980',
  'coastalCities1984',
  'ovop1989',
  'southernTour1992',
  'specialisedTowns1999',
  'wto2001',
  'parkCleanup2004',
  'ecoStandards',
  'unifiedTax2007',
  'crisis2008',
  'cheaperRivals',
  'greenTurn',
];

export const SCENARIOS: Scenario[] = [
  {
    id: 'open-door-1980',
    title: 'Open Door: Pearl River Delta 1980',
    summary:
      'Four zones open to foreign capital. Shenzhen grew at 58 % a year in 1980–84 while the country grew about 10 %: the first town to open with a good location and policies races ahead, and late copies earn less.',
    citations: [
      {
        paper: '003',
        section: '§3.1',
        quote:
          'roughly 10 percent from 1980 to 1984, Shenzhen grew at a phenomenal 58 percent annual rate,',
      },
      {
        paper: '003',
        section: '§3.3',
        quote: 'Its over-sized airport exhausted its initial capital and became a drag',
      },
    ],
    startYear: 1980,
    roundYears: 1,
    defaultRounds: 30,
    timeline: ALL_EVENTS,
    objectives: [
      'Attract foreign plants early and keep them: build local links so they do not leave when costs rise.',
      'Avoid building infrastructure far beyond demand (Zhuhai).',
    ],
    weights: GROWTH,
    fdiFlow: 12,
    towns: [
      {
        id: 'shenzhen',
        name: 'Shenzhen',
        x: 70,
        y: 60,
        coastal: true,
        portKm: 10,
        hubKm: 30,
        riverOrder: null,
        landArea: 30,
        locals: 90000,
        heritage: null,
        sez: true,
        industries: { toys: { sme: 40 }, electronics: { sme: 10 } },
      },
      {
        id: 'zhuhai',
        name: 'Zhuhai',
        x: 40,
        y: 75,
        coastal: true,
        portKm: 15,
        hubKm: 70,
        riverOrder: 4,
        landArea: 25,
        locals: 80000,
        heritage: null,
        sez: true,
        industries: { furniture: { sme: 30 } },
      },
      {
        id: 'shantou',
        name: 'Shantou',
        x: 98,
        y: 40,
        coastal: true,
        portKm: 10,
        hubKm: 320,
        riverOrder: null,
        landArea: 20,
        locals: 120000,
        heritage: 'toys',
        sez: true,
        industries: { toys: { sme: 60 } },
      },
      {
        id: 'dongguan',
        name: 'Dongguan',
        x: 60,
        y: 45,
        coastal: true,
        portKm: 40,
        hubKm: 80,
        riverOrder: 3,
        landArea: 30,
        locals: 150000,
        heritage: null,
        industries: { footwear: { sme: 50 }, toys: { sme: 30 } },
      },
      {
        id: 'foshan',
        name: 'Foshan',
        x: 35,
        y: 40,
        coastal: false,
        portKm: 60,
        hubKm: 110,
        riverOrder: 2,
        landArea: 25,
        locals: 200000,
        heritage: 'ceramics',
        industries: { ceramics: { sme: 150, soe: 6 }, appliances: { sme: 30, soe: 3 } },
      },
      {
        id: 'xiqiao',
        name: 'Xiqiao',
        x: 25,
        y: 45,
        coastal: false,
        portKm: 80,
        hubKm: 130,
        riverOrder: 1,
        landArea: 15,
        locals: 120000,
        heritage: 'textiles',
        industries: { textiles: { sme: 300, reputation: 0.6 } },
      },
      {
        id: 'qingyuan',
        name: 'Qingyuan',
        x: 30,
        y: 10,
        coastal: false,
        portKm: 180,
        hubKm: 220,
        riverOrder: 0,
        landArea: 35,
        locals: 180000,
        heritage: 'furniture',
        industries: { furniture: { sme: 40 } },
      },
    ],
  },
  {
    id: 'block-economy-zhejiang',
    title: 'Block economy: Zhejiang',
    summary:
      'Every village has its own characteristic product. Family firms grow a Marshallian cluster from a heritage craft; a rapid expansion of quantity without quality ruins reputations until quality standards save the cluster (Wenzhou shoes).',
    citations: [
      {
        paper: '002',
        section: '§2.1',
        quote:
          'every village has its own characteristic product, and every town has its own characteristic',
      },
      {
        paper: '003',
        section: '§4.3',
        quote:
          'experienced a rapid expansion of quantity without quality; as a result, they offered low',
      },
      { paper: '003', section: '§4.3', quote: 'Such a measure actually saved the cluster.' },
    ],
    startYear: 1980,
    roundYears: 1,
    defaultRounds: 25,
    timeline: ALL_EVENTS,
    objectives: [
      'Grow your heritage cluster from family firms.',
      'Survive the race to the bottom: adopt quality standards before the reputation collapses.',
    ],
    weights: { ...GROWTH, fdi: 0.5, jobs: 3 },
    fdiFlow: 6,
    towns: [
      {
        id: 'wenzhou',
        name: 'Wenzhou',
        x: 60,
        y: 80,
        coastal: true,
        portKm: 10,
        hubKm: 350,
        riverOrder: 2,
        landArea: 25,
        locals: 250000,
        heritage: 'footwear',
        industries: { footwear: { sme: 200, soe: 3, reputation: 0.6 } },
      },
      {
        id: 'datang',
        name: 'Datang',
        x: 40,
        y: 30,
        coastal: false,
        portKm: 120,
        hubKm: 200,
        riverOrder: 0,
        landArea: 15,
        locals: 100000,
        heritage: 'textiles',
        industries: { textiles: { sme: 150, reputation: 0.6 } },
      },
      {
        id: 'yiwu',
        name: 'Yiwu',
        x: 45,
        y: 50,
        coastal: false,
        portKm: 150,
        hubKm: 250,
        riverOrder: 1,
        landArea: 20,
        locals: 150000,
        heritage: 'toys',
        industries: { toys: { sme: 120 } },
      },
      {
        id: 'yongkang',
        name: 'Yongkang',
        x: 30,
        y: 60,
        coastal: false,
        portKm: 170,
        hubKm: 280,
        riverOrder: null,
        landArea: 20,
        locals: 130000,
        heritage: 'appliances',
        industries: { appliances: { sme: 80, soe: 2 } },
      },
      {
        id: 'haining',
        name: 'Haining',
        x: 70,
        y: 20,
        coastal: true,
        portKm: 60,
        hubKm: 120,
        riverOrder: null,
        landArea: 18,
        locals: 110000,
        heritage: 'furniture',
        industries: { furniture: { sme: 90 }, footwear: { sme: 40 } },
      },
    ],
  },
  {
    id: 'foshan-2007',
    title: 'Foshan at the crossroads (2007)',
    summary:
      'Foshan built a ceramic-tile cluster on support and weak enforcement of environmental law. Now the government considers the industry too polluting: less support and a binding respect of the laws. Many firms close, many move away — can the town keep from hollowing out?',
    citations: [
      {
        paper: '001',
        section: '¶20',
        quote:
          'a favourable legislation on environmental issues (or to be more precise a weak enforcement of the law)',
      },
      {
        paper: '001',
        section: '¶20',
        quote:
          'in a few years many ceramic tiles firms had to close and many other decided to move in different places',
      },
      {
        paper: '003',
        section: '§7.4',
        quote:
          'public goods, government and public institutions may need to provide R&D and technological',
      },
    ],
    startYear: 2007,
    roundYears: 1,
    defaultRounds: 10,
    timeline: ALL_EVENTS,
    objectives: [
      'Cut pollution without losing the town: support green upgrading and grow other sectors.',
      'Watch where the ceramics firms go: lax neighbours take them, and their smoke.',
    ],
    weights: BALANCED,
    fdiFlow: 10,
    towns: [
      {
        id: 'foshan',
        name: 'Foshan',
        x: 45,
        y: 45,
        coastal: false,
        portKm: 50,
        hubKm: 110,
        riverOrder: 1,
        landArea: 40,
        locals: 400000,
        heritage: 'ceramics',
        enforcement: 'lax',
        wage: 1.6,
        skills: 0.5,
        industries: {
          ceramics: { sme: 700, leading: 4, technology: 0.3, reputation: 0.6 },
          appliances: { sme: 250, leading: 2, foreign: 20, technology: 0.35, embeddedness: 0.3 },
          furniture: { sme: 200, technology: 0.2 },
        },
      },
      {
        id: 'qingyuan',
        name: 'Qingyuan',
        x: 35,
        y: 15,
        coastal: false,
        portKm: 180,
        hubKm: 220,
        riverOrder: 0,
        landArea: 45,
        locals: 250000,
        heritage: null,
        enforcement: 'lax',
        wage: 0.9,
        industries: { ceramics: { sme: 60 }, furniture: { sme: 60 } },
      },
      {
        id: 'shunde',
        name: 'Shunde',
        x: 55,
        y: 55,
        coastal: false,
        portKm: 40,
        hubKm: 90,
        riverOrder: 2,
        landArea: 35,
        locals: 350000,
        heritage: 'appliances',
        wage: 1.5,
        skills: 0.5,
        industries: {
          appliances: { sme: 400, leading: 3, foreign: 30, technology: 0.4, embeddedness: 0.35 },
          furniture: { sme: 250 },
        },
      },
      {
        id: 'zhaoqing',
        name: 'Zhaoqing',
        x: 15,
        y: 35,
        coastal: false,
        portKm: 120,
        hubKm: 180,
        riverOrder: null,
        landArea: 40,
        locals: 250000,
        heritage: null,
        enforcement: 'lax',
        wage: 1.0,
        industries: { ceramics: { sme: 80 }, textiles: { sme: 80 } },
      },
      {
        id: 'jiangmen',
        name: 'Jiangmen',
        x: 40,
        y: 75,
        coastal: true,
        portKm: 20,
        hubKm: 100,
        riverOrder: 3,
        landArea: 30,
        locals: 300000,
        heritage: null,
        wage: 1.3,
        industries: { textiles: { sme: 150 }, appliances: { sme: 80, foreign: 15 } },
      },
    ],
  },
  {
    id: 'export-crash-2008',
    title: 'The 2008 export crash',
    summary:
      'In the first nine months of 2008, 50,000 of Guangdong’s 1 million industrial enterprises collapsed. Clusters that rely on exports are hit hardest; towns that serve domestic demand and upgrade weather the storm.',
    citations: [
      {
        paper: '003',
        section: '§6.2',
        quote:
          '50,000 out of 1 million industrial enterprises in Guangdong Province had collapsed, and its 30',
      },
      {
        paper: '003',
        section: '§6.2',
        quote:
          'crisis, the clusters in the Pearl River Delta region, for example, which rely mostly on exports,',
      },
    ],
    startYear: 2006,
    roundYears: 1,
    defaultRounds: 8,
    timeline: ALL_EVENTS,
    objectives: [
      'Keep jobs and firms through the crash.',
      'Turn toward domestic demand and upgrading (003 §7.2).',
    ],
    weights: BALANCED,
    fdiFlow: 10,
    towns: [
      {
        id: 'dongguan',
        name: 'Dongguan',
        x: 60,
        y: 45,
        coastal: true,
        portKm: 30,
        hubKm: 80,
        riverOrder: 2,
        landArea: 40,
        locals: 300000,
        heritage: null,
        wage: 1.5,
        skills: 0.45,
        industries: {
          toys: { sme: 300, foreign: 120, embeddedness: 0.1 },
          electronics: { sme: 150, foreign: 100, embeddedness: 0.15, technology: 0.3 },
        },
      },
      {
        id: 'shunde',
        name: 'Shunde',
        x: 50,
        y: 55,
        coastal: false,
        portKm: 40,
        hubKm: 90,
        riverOrder: 3,
        landArea: 35,
        locals: 350000,
        heritage: 'appliances',
        wage: 1.4,
        skills: 0.5,
        industries: {
          appliances: { sme: 400, leading: 3, foreign: 20, technology: 0.4, embeddedness: 0.35 },
          furniture: { sme: 200 },
        },
      },
      {
        id: 'xiqiao',
        name: 'Xiqiao',
        x: 30,
        y: 45,
        coastal: false,
        portKm: 80,
        hubKm: 130,
        riverOrder: 1,
        landArea: 20,
        locals: 150000,
        heritage: 'textiles',
        wage: 1.2,
        industries: { textiles: { sme: 1200, leading: 2, technology: 0.35, reputation: 0.7 } },
      },
      {
        id: 'shantou',
        name: 'Shantou',
        x: 95,
        y: 40,
        coastal: true,
        portKm: 10,
        hubKm: 320,
        riverOrder: null,
        landArea: 25,
        locals: 250000,
        heritage: 'toys',
        wage: 1.1,
        industries: { toys: { sme: 500, foreign: 20 } },
      },
      {
        id: 'qingyuan',
        name: 'Qingyuan',
        x: 35,
        y: 15,
        coastal: false,
        portKm: 180,
        hubKm: 220,
        riverOrder: 0,
        landArea: 45,
        locals: 250000,
        heritage: null,
        wage: 0.9,
        industries: { ceramics: { sme: 100 }, furniture: { sme: 80 } },
      },
    ],
  },
  // Issue 6: the campaign's two further chapters. The map is stylised: distances are shortened
  // so that both deltas (and the interior) fit one region.
  {
    id: 'imbedding-clusters',
    title: 'Imbedding clusters: Dongguan vs Suzhou',
    summary:
      'Taiwanese IT capital moves to the mainland. Dongguan took the first wave in the 1990s; in the second wave of the late 1990s Suzhou, next to Shanghai, became the major beneficiary. "Imbedding type" clusters start fast but their foreign plants buy little from local firms: in Suzhou only 175 of more than 2,100 foreign firms had local suppliers. Win the wave and embed it.',
    citations: [
      {
        paper: '002',
        section: '§2.2',
        quote:
          'In the 1990s, with the international transfer of IT industry, Dongguan absorbed Taiwan capital, and has',
      },
      {
        paper: '002',
        section: '§2.2',
        quote:
          'transfer in the late 1990s, Suzhou has replaced Dongguan and become the major beneficiary of Taiwan',
      },
      {
        paper: '002',
        section: '§2.2',
        quote:
          'foreign-funded enterprises, among which only 175 foreign-funded enterprises from 5 development',
      },
      { paper: '002', section: '§2.2', quote: 'Clusters are unstable and enterprises lack' },
    ],
    startYear: 1995,
    roundYears: 1,
    defaultRounds: 10,
    timeline: ALL_EVENTS,
    objectives: [
      'Win a share of the second wave of Taiwanese IT plants.',
      'Embed them: target the industry and grow local suppliers, so the plants are not "empty boxes" that leave when costs rise.',
    ],
    weights: { ...GROWTH, fdi: 3, jobs: 1.5 },
    fdiFlow: 8,
    towns: [
      {
        id: 'suzhou',
        name: 'Suzhou',
        x: 78,
        y: 22,
        coastal: true,
        portKm: 60,
        hubKm: 80,
        riverOrder: 2,
        landArea: 40,
        locals: 500000,
        heritage: 'textiles',
        wage: 1.0,
        skills: 0.5,
        industries: {
          textiles: { sme: 300, soe: 4, reputation: 0.65 },
          electronics: { sme: 40, foreign: 8, embeddedness: 0.06 },
        },
        note: 'Silk town beside Shanghai with industrial estates to fill (002 §2.2).',
      },
      {
        id: 'dongguan',
        name: 'Dongguan',
        x: 30,
        y: 82,
        coastal: true,
        portKm: 40,
        hubKm: 60,
        riverOrder: 2,
        landArea: 10,
        locals: 400000,
        heritage: null,
        wage: 1.4,
        skills: 0.35,
        industries: {
          electronics: { sme: 150, foreign: 150, embeddedness: 0.15, technology: 0.25 },
          toys: { sme: 200, foreign: 60 },
          footwear: { sme: 150, foreign: 20 },
        },
        note: 'First-wave Taiwanese IT base, its land nearly full and wages rising (002 §2.2).',
      },
      {
        id: 'kunshan',
        name: 'Kunshan',
        x: 86,
        y: 18,
        coastal: false,
        portKm: 60,
        hubKm: 50,
        riverOrder: 3,
        landArea: 20,
        locals: 250000,
        heritage: null,
        wage: 1.05,
        skills: 0.4,
        industries: {
          electronics: { sme: 30, foreign: 20, embeddedness: 0.06 },
          textiles: { sme: 60 },
        },
        note: 'IT cluster supported mainly by investors from Taiwan (003 §4.3).',
      },
      {
        id: 'huizhou',
        name: 'Huizhou',
        x: 45,
        y: 75,
        coastal: true,
        portKm: 30,
        hubKm: 90,
        riverOrder: 1,
        landArea: 25,
        locals: 300000,
        heritage: null,
        wage: 1.2,
        skills: 0.35,
        industries: {
          electronics: { sme: 60, foreign: 40, embeddedness: 0.1 },
          toys: { sme: 80 },
        },
      },
      {
        id: 'wujiang',
        name: 'Wujiang',
        x: 74,
        y: 30,
        coastal: false,
        portKm: 110,
        hubKm: 110,
        riverOrder: 1,
        landArea: 25,
        locals: 300000,
        heritage: 'textiles',
        wage: 0.95,
        skills: 0.35,
        industries: {
          textiles: { sme: 400, reputation: 0.65 },
          electronics: { sme: 20, foreign: 4 },
        },
      },
    ],
  },
  {
    id: 'go-west',
    title: 'Go West: Chengdu shoes',
    summary:
      "Rising costs, limited land and tough environmental requirements push coastal clusters inland. Chengdu gathered more than 1,200 footwear firms by 2005 through cluster diffusion. Attract the relocating shoemakers without importing the coast's pollution, and train the skills the cluster needs.",
    citations: [
      {
        paper: '003',
        section: '§4.2',
        quote:
          'limited land, and tough environmental requirements, many coastal clusters have begun to',
      },
      {
        paper: '003',
        section: '§4.2',
        quote:
          'cluster in Chengdu, in Sichuan Province, which was a result of cluster diffusion. By the',
      },
      {
        paper: '003',
        section: '§4.2',
        quote:
          'end of 2005, this region had agglomerated more than 1,200 footwear firms and more than',
      },
      {
        paper: '003',
        section: '§6.3',
        quote: 'These problems have forced some firms to move inland or abroad; however,',
      },
      { paper: '003', section: '§6', quote: 'Lack of skilled technical and managerial personnel.' },
    ],
    startYear: 2000,
    roundYears: 1,
    defaultRounds: 8,
    timeline: ALL_EVENTS,
    objectives: [
      'Attract footwear firms moving inland from the coast.',
      'Keep pollution in check and build the skills of the workforce.',
    ],
    weights: BALANCED,
    fdiFlow: 6,
    towns: [
      {
        id: 'chengdu',
        name: 'Chengdu',
        x: 10,
        y: 40,
        coastal: false,
        portKm: 900,
        hubKm: 1200,
        riverOrder: 1,
        landArea: 50,
        locals: 600000,
        heritage: null,
        wage: 0.75,
        skills: 0.3,
        industries: {
          footwear: { sme: 60, reputation: 0.5 },
          furniture: { sme: 80 },
          appliances: { sme: 30, soe: 3 },
        },
        note: 'Inland city with cheap labour and land (003 §4.2).',
      },
      {
        id: 'chongqing',
        name: 'Chongqing',
        x: 22,
        y: 55,
        coastal: false,
        portKm: 800,
        hubKm: 1100,
        riverOrder: 2,
        landArea: 45,
        locals: 700000,
        heritage: null,
        wage: 0.75,
        skills: 0.3,
        enforcement: 'lax',
        industries: {
          appliances: { sme: 60, soe: 5 },
          footwear: { sme: 30 },
          ceramics: { sme: 40 },
        },
      },
      {
        id: 'wenzhou',
        name: 'Wenzhou',
        x: 90,
        y: 45,
        coastal: true,
        portKm: 10,
        hubKm: 350,
        riverOrder: null,
        landArea: 25,
        locals: 700000,
        heritage: 'footwear',
        wage: 1.8,
        skills: 0.45,
        industries: {
          footwear: { sme: 1500, leading: 4, technology: 0.3, reputation: 0.7 },
        },
        note: 'Coastal shoe capital where wages and land have grown dear (003 §4.1, §6.3).',
      },
      {
        id: 'dongguan',
        name: 'Dongguan',
        x: 80,
        y: 85,
        coastal: true,
        portKm: 40,
        hubKm: 60,
        riverOrder: null,
        landArea: 35,
        locals: 500000,
        heritage: null,
        wage: 1.7,
        skills: 0.4,
        industries: {
          footwear: { sme: 500, foreign: 80 },
          toys: { sme: 300, foreign: 60 },
          electronics: { sme: 150, foreign: 150, embeddedness: 0.15 },
        },
      },
    ],
  },
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
