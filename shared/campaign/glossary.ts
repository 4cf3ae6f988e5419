/**
 * The glossary of the self-guided campaign: the terms the briefings, the advisor and the town
 * panels use, each defined in both languages with a verbatim source in the papers.
 */
import type { Citation } from '../data/citation';
import { text } from './text';
import type { GlossaryEntry, Text } from './types';

const entry = (id: string, term: Text, definition: Text, source: Citation): GlossaryEntry => ({
  id,
  term,
  definition,
  source,
});

export const GLOSSARY: GlossaryEntry[] = [
  entry(
    'sez',
    text('Special economic zone (SEZ)', '经济特区'),
    text(
      'A delimited area with its own administration and customs where firms enjoy tax, land and trade privileges under more liberal economic laws. Shenzhen, Zhuhai and Shantou were designated in 1980.',
      '划定范围、拥有独立管理机构和海关的区域，区内企业在更宽松的经济法规下享受税收、土地和贸易优惠。深圳、珠海和汕头于1980年获批设立。',
    ),
    {
      paper: '003',
      section: '§1.1',
      quote: 'it is a geographically delimited area, usually physically secured',
    },
  ),
  entry(
    'etdz',
    text('Economic and technological development zone (ETDZ)', '经济技术开发区'),
    text(
      "A smaller variant of the SEZ, informally China's national industrial parks, first set up in 14 coastal cities from 1984 and later inland.",
      '经济特区的一种规模较小的变体，俗称国家级工业园区，1984年起先在14个沿海城市设立，后来扩展到内地。',
    ),
    {
      paper: '003',
      section: '§3.1',
      quote:
        'economic and technological development zones, informally known as China’s national industrial',
    },
  ),
  entry(
    'specialised-town',
    text('Specialised town', '专业镇'),
    text(
      'A town with at least 30 % of its production and employment in one industry. Recognised specialised towns receive funds for innovation centres; Guangdong gave RMB 300,000 each, matched locally.',
      '某一产业占全镇产值和就业至少30%的城镇。被认定的专业镇可获得建设创新中心的资金，广东为每镇出资30万元，地方配套。',
    ),
    {
      paper: '000',
      section: '§4',
      quote: 'Specialization means that at least 30% of production and employment must be',
    },
  ),
  entry(
    'embeddedness',
    text('Embeddedness', '根植性（本地配套）'),
    text(
      'How far foreign plants are tied into the local economy; in the game, the share of their inputs bought from local firms. Plants with little of it leave easily.',
      '外资工厂融入当地经济的程度；在游戏中指其投入品从本地企业采购的比例。根植性低的工厂很容易迁走。',
    ),
    {
      paper: '002',
      section: '§2.2',
      quote: 'not take the local enterprises into its industrial chain.',
    },
  ),
  entry(
    'marshallian-district',
    text('Marshallian district', '马歇尔式产业区'),
    text(
      'A cluster of small and medium-sized, locally owned firms that trade and collaborate, sharing skilled workers, specialised suppliers and ideas.',
      '由本地中小企业组成的产业集群，企业之间相互交易与协作，共享熟练工人、专业供应商和知识。',
    ),
    {
      paper: '003',
      section: '§4',
      quote: 'industrial clusters have conventionally been recognized: information spillovers, the',
    },
  ),
  entry(
    'hub-and-spoke',
    text('Hub-and-spoke district', '轴辐式产业区'),
    text(
      "One or several large firms with many smaller suppliers working on the large firms' terms; its jobs depend on the growth of the hub firms.",
      '由一家或几家大企业和众多按大企业要求配套的小供应商组成；就业取决于核心企业的成长。',
    ),
    { paper: '003', section: 'Table 2', quote: 'large firms (hub firms)' },
  ),
  entry(
    'satellite-platform',
    text('Satellite platform', '卫星平台式产业区'),
    text(
      'Branch plants of outside firms with minimal trade or networking among them or with local firms; it depends on recruiting and keeping the plants.',
      '由外来企业的分厂组成，彼此之间及与本地企业之间几乎没有交易和联系；其发展取决于能否吸引并留住这些分厂。',
    ),
    { paper: '003', section: 'Table 2', quote: 'Minimum inter-firm' },
  ),
  entry(
    'state-anchored',
    text('State-anchored district', '国家锚定式产业区'),
    text(
      'A cluster built around a large public or non-profit entity, such as a state-owned enterprise, and its suppliers; it depends on continued political support.',
      '围绕大型公共或非营利机构（如国有企业）及其供应商形成的产业集群，其发展取决于持续的政治支持。',
    ),
    { paper: '003', section: 'Table 2', quote: 'Large public or nonprofit' },
  ),
  entry(
    'race-to-the-bottom',
    text('Race to the bottom', '逐底竞争'),
    text(
      "Thousands of firms competing on price alone, cutting quality and using cheap or fake materials, until the cluster's reputation and prices collapse. Quality standards ended it in Wenzhou.",
      '成千上万的企业只拼价格，降低质量、使用廉价甚至假冒的材料，直到集群的声誉和价格一起崩溃。温州靠质量标准扭转了局面。',
    ),
    {
      paper: '003',
      section: '§6.1',
      quote:
        '“racing to the bottom” (Wang 2009); such cut-throat competition sometimes pushes firms to',
    },
  ),
  entry(
    'hukou',
    text('Hukou', '户口'),
    text(
      "China's household registration system. Migrants without a local hukou have less access to schools and services; the SEZs attracted skilled people with housing, schooling and help to transfer their hukou.",
      '中国的户籍登记制度。没有本地户口的外来人口较难享受教育和公共服务；特区通过住房、子女教育和户口迁移吸引人才。',
    ),
    {
      paper: '003',
      section: '§3.3',
      quote: 'research funding, subsidies for children’s education, and assistance in “Hukou”',
    },
  ),
  entry(
    'one-village-one-product',
    text('One village, one product', '一村一品'),
    text(
      'A Japanese model (Oita prefecture, 1979) adopted by China in 1989: towns specialise in one product and offer packages of preferential policies to attract more firms making it.',
      '源自日本大分县（1979年）的模式，中国于1989年引入：城镇专门生产一种产品，并以一揽子优惠政策吸引更多同类企业。',
    ),
    {
      paper: '000',
      section: '§4',
      quote: 'decided to implement the plan “one village, one product”',
    },
  ),
  entry(
    'technology-innovation-centre',
    text('Technology innovation centre', '技术创新中心'),
    text(
      "A public centre that offers a cluster's firms R&D, design, testing and training below market prices, like Xiqiao's from 2000. A centre shared by the towns of one sector overcomes fragmentation.",
      '为集群企业提供低于市场价格的研发、设计、检测和培训服务的公共平台，如2000年成立的西樵技术创新中心。同一产业的多个城镇共建中心可以克服碎片化。',
    ),
    {
      paper: '003',
      section: '§4.3',
      quote:
        'from local governments, to build a public technology innovation center (TIC) to support',
    },
  ),
  entry(
    'empty-box',
    text('Empty box', '空盒子'),
    text(
      'A zone or park whose firms are not integrated with the rest of the local economy: few local suppliers, few spillovers, and plants that can leave at any time.',
      '区内企业与当地经济其他部分脱节的园区：本地配套少，溢出效应小，工厂随时可能离开。',
    ),
    {
      paper: '001',
      section: '¶15',
      quote:
        'These policy experiences often end up in “empty boxes”, i.e. industrial areas that are not integrated to the rest of the local economy',
    },
  ),
  entry(
    'emptying-the-cage',
    text('Emptying the cage (腾笼换鸟)', '腾笼换鸟'),
    text(
      "'Empty the cage and change the birds': a Guangdong policy slogan for pushing low-value, polluting industries out to make room for higher-value ones. The papers do not use the phrase but describe the policy in Foshan: support withdrawn and the law enforced, so firms closed or moved away.",
      '广东的政策口号，指把低附加值、高污染的产业迁出，为高附加值产业腾出空间。论文没有使用这个说法，但描述了佛山的做法：撤销扶持、严格执法，企业随之关闭或外迁。',
    ),
    {
      paper: '001',
      section: '¶20',
      quote:
        'This practically meant less governmental support and a more binding respect of the laws.',
    },
  ),
  entry(
    'policy-district',
    text('Policy district', '政策区'),
    text(
      'An estate whose tax, credit and land favours go to any firm in the district rather than to a chosen industry. It fills land fast but builds few linkages between firms.',
      '把税收、信贷和土地优惠给予区内任何企业、而不是特定产业的园区。它能很快填满土地，却难以形成企业间的产业联系。',
    ),
    {
      paper: '002',
      section: '§2.2',
      quote: 'China’s industrial estate are mostly “policy districts”',
    },
  ),
  entry(
    'industry-preferential',
    text('Industry-preferential policy', '产业优惠政策'),
    text(
      "Favours targeted at a chosen industry instead of a district, so that suppliers and buyers of the same chain gather and link up. In the game: the plan's target sectors.",
      '把优惠集中给予选定的产业而非某个区域，使同一产业链上的供应商和客户聚集并相互联系。在游戏中即计划里的“扶持产业”。',
    ),
    {
      paper: '002',
      section: '§2.2',
      quote: 'different from “industry preferential” “policy districts”',
    },
  ),
  entry(
    'block-economy',
    text('Block economy', '块状经济'),
    text(
      "Zhejiang's landscape of endogenous clusters: every village has its characteristic product and every town its characteristic industry, grown from family firms and local crafts.",
      '浙江内生型产业集群的格局：村村有特色产品，镇镇有特色产业，由家庭企业和传统手艺发展而来。',
    ),
    {
      paper: '002',
      section: '§2.1',
      quote: 'Clusters in Zhejiang are known as“the block-shaped economy”traditionally.',
    },
  ),
  entry(
    'imbedding-cluster',
    text('Imbedding-type cluster', '嵌入型集群'),
    text(
      'A cluster brought in from outside by foreign investment, as in Guangdong and Jiangsu: quick to start, but with weak ties to local firms and unstable.',
      '由外资从外部引入的产业集群，如广东和江苏的集群：起步快，但与本地企业联系薄弱，不够稳定。',
    ),
    {
      paper: '002',
      section: '§2.2',
      quote:
        'characteristic of small and medium-sized enterprise clusters in Guangdong and Jiangsu is“imbedding',
    },
  ),
  entry(
    'leading-enterprise',
    text('Leading enterprise', '龙头企业'),
    text(
      'A large firm at the core of a cluster whose growth, spin-offs and imitators build the cluster around it.',
      '处于产业集群核心的大企业，它的成长、衍生企业和模仿者带动整个集群的形成。',
    ),
    {
      paper: '002',
      section: '§3.2',
      quote: 'Selecting and supporting the leading enterprise is the key',
    },
  ),
  entry(
    'specialised-market',
    text('Specialised market', '专业市场'),
    text(
      "A marketplace for one cluster's products that brings suppliers, producers and buyers together, like Xiqiao's South Textile Market.",
      '专门交易某一集群产品的市场，把供应商、生产商和买家聚在一起，如西樵的南方纺织市场。',
    ),
    {
      paper: '003',
      section: '§4.3',
      quote: 'the city government set up the South Textile Market in 1985 to replace the',
    },
  ),
  entry(
    'fragmentation',
    text('Fragmentation', '碎片化'),
    text(
      'Many small towns specialised in the same product compete for the same buyers and each lacks scale for innovation. Sector-based centres shared across towns are the remedy.',
      '许多专做同一产品的小城镇争夺同一批买家，各自都缺乏创新所需的规模。跨城镇按产业共建创新中心是解决之道。',
    ),
    {
      paper: '003',
      section: '§6',
      quote: 'actually competing with other towns in the same province or other provinces',
    },
  ),
  entry(
    'isolated-island',
    text('Isolated island', '孤岛'),
    text(
      'A zone whose schools, health care and transport lag behind its population, so it struggles to attract and keep talent.',
      '教育、医疗和交通跟不上人口增长的园区，难以吸引和留住人才。',
    ),
    { paper: '003', section: '§6.5', quote: 'like an “isolated island” with few cultural and' },
  ),
  entry(
    'eco-standards',
    text('Eco-standards (RoHS, WEEE)', '环保标准（RoHS、WEEE）'),
    text(
      'Environmental standards that industrial countries set for imported products; polluting exporters that do not upgrade lose their buyers.',
      '发达国家对进口产品设定的环保标准；不升级的污染型出口企业会失去买家。',
    ),
    {
      paper: '003',
      section: '§6.3',
      quote: '(Restriction of the Use of Certain Hazardous Substances), WEEE (Waste Electrical and',
    },
  ),
  entry(
    'green-upgrading',
    text('Green upgrading', '绿色升级'),
    text(
      'Cleaner processes adopted by polluting firms, pushed by stricter standards and paid for partly with public money, so that they clean up rather than close or move.',
      '污染企业在更严格标准的推动和部分公共资金的支持下采用更清洁的工艺，从而治理污染而不是关闭或外迁。',
    ),
    {
      paper: '003',
      section: '§7.4',
      quote:
        'quality of growth rather than on quantity, but also force firms to invest more in environmental',
    },
  ),
  entry(
    'go-west',
    text('Go West', '西部大开发'),
    text(
      "Policies since the mid-1980s to develop China's central and western provinces, where clusters now grow, partly from firms leaving the costly coast.",
      '20世纪80年代中期以来推动中西部省份发展的政策；如今那里也在形成产业集群，部分来自离开高成本沿海地区的企业。',
    ),
    {
      paper: '001',
      section: '¶11',
      quote:
        'Following the “Go West” policy that aims at favouring the development of the central provinces of China, some clusters are also developing in this area.',
    },
  ),
  entry(
    'first-mover-advantage',
    text('First-mover advantage', '先行者优势'),
    text(
      'In the race for foreign investment the first zone to open with good location and policies wins most investors, and late copies of the same policy earn less.',
      '在引资竞争中，最先开放且区位和政策优越的地区会吸引大部分投资者，后来的模仿者收益较少。',
    ),
    { paper: '003', section: '§3.3', quote: 'the first-mover advantage is always important.' },
  ),
  entry(
    'bottom-up-cluster',
    text('Bottom-up cluster', '自下而上的集群'),
    text(
      'A cluster started by firms themselves, from local crafts and entrepreneurs, which government supports later; the opposite of a top-down zone.',
      '由企业自身依托传统手艺和本地企业家发起、政府随后扶持的产业集群，与自上而下建立的园区相对。',
    ),
    {
      paper: '000',
      section: '§5',
      quote: 'Many Chinese clusters are bottom-up clusters, where the initiative came from',
    },
  ),
];

/** The terms issue 6 requires (by id). */
export const REQUIRED_TERMS: readonly string[] = [
  'sez',
  'etdz',
  'specialised-town',
  'embeddedness',
  'marshallian-district',
  'hub-and-spoke',
  'satellite-platform',
  'state-anchored',
  'race-to-the-bottom',
  'hukou',
  'one-village-one-product',
  'technology-innovation-centre',
  'empty-box',
  'emptying-the-cage',
];
