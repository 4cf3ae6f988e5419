/**
 * The papers behind the advisor's hints, one verbatim quote per mechanism (checked against
 * ../shared/seeds by tests/campaign/citations.test.ts).
 */
import type { Citation } from '../data/citation';

export const CITE = {
  emptyBox: {
    paper: '001',
    section: '¶15',
    quote:
      'These policy experiences often end up in “empty boxes”, i.e. industrial areas that are not integrated to the rest of the local economy',
  },
  unstable: { paper: '002', section: '§2.2', quote: 'Clusters are unstable and enterprises lack' },
  race: {
    paper: '003',
    section: '§4.3',
    quote:
      'experienced a rapid expansion of quantity without quality; as a result, they offered low',
  },
  fragmentation: {
    paper: '003',
    section: '§6',
    quote: 'actually competing with other towns in the same province or other provinces',
  },
  greenSupport: {
    paper: '003',
    section: '§7.4',
    quote:
      'public goods, government and public institutions may need to provide R&D and technological',
  },
  ceramicsMove: {
    paper: '001',
    section: '¶20',
    quote:
      'in a few years many ceramic tiles firms had to close and many other decided to move in different places',
  },
  withdrawn: {
    paper: '001',
    section: '¶20',
    quote:
      'This practically meant less governmental support and a more binding respect of the laws.',
  },
  airport: {
    paper: '003',
    section: '§3.3',
    quote: 'Its over-sized airport exhausted its initial capital and became a drag',
  },
  risingCosts: {
    paper: '003',
    section: '§4.2',
    quote:
      'limited land, and tough environmental requirements, many coastal clusters have begun to',
  },
  chengdu: {
    paper: '003',
    section: '§4.2',
    quote:
      'cluster in Chengdu, in Sichuan Province, which was a result of cluster diffusion. By the',
  },
  specialised: {
    paper: '000',
    section: '§4',
    quote: 'Specialization means that at least 30% of production and employment must be',
  },
  centreGrant: {
    paper: '003',
    section: '§4.3',
    quote: 'government has invested RMB 300,000 in each specialized town, with matching funds',
  },
  skills: {
    paper: '003',
    section: '§6',
    quote: 'Lack of skilled technical and managerial personnel.',
  },
  island: {
    paper: '003',
    section: '§6.5',
    quote: 'like an “isolated island” with few cultural and',
  },
  hukou: {
    paper: '003',
    section: '§3.3',
    quote: 'research funding, subsidies for children’s education, and assistance in “Hukou”',
  },
  exportShock: {
    paper: '003',
    section: '§6.2',
    quote:
      'crisis, the clusters in the Pearl River Delta region, for example, which rely mostly on exports,',
  },
  ecoStandards: {
    paper: '003',
    section: '§6.3',
    quote: '(Restriction of the Use of Certain Hazardous Substances), WEEE (Waste Electrical and',
  },
  leading: {
    paper: '002',
    section: '§3.2',
    quote: 'Selecting and supporting the leading enterprise is the key',
  },
  shakeOut: {
    paper: '003',
    section: 'Table 6',
    quote: 'Table 6. Performance of the Xiqiao Cluster before and after the Establishment of the',
  },
  pollution: {
    paper: '003',
    section: '§6.3',
    quote: 'one is the serious water, air, and land pollution and the',
  },
} satisfies Record<string, Citation>;

/** Every citation the advisor can give (for the citation tests). */
export const ADVISOR_CITATIONS: readonly Citation[] = Object.values(CITE);
