/**
 * Chapter 2: Wenzhou's heritage craft grows a Marshallian cluster of family firms, and a race to
 * the bottom threatens it until quality standards save it (002 §2.1; 003 §4.2, §4.3).
 */
import { firms, ofStart, qualityStandards, reputation } from '../measures';
import { buildIn, planOf, type PlanPatch } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

/** Cheap credit, low taxes and equal treatment for private family firms (002 §3). */
const familyFirms: PlanPatch = (plan) => {
  Object.assign(plan.preferential, {
    domesticTaxRate: 0.1,
    targetSectors: ['footwear'],
    equalTreatmentPrivate: true,
  });
};

export const blockEconomyChapter: CampaignChapter = {
  entry: {
    id: 'block-economy',
    order: 2,
    scenarioId: 'block-economy-zhejiang',
    playerTown: 'wenzhou',
    rounds: 12,
    tutorial: false,
    title: text('Block economy: Wenzhou shoes', '块状经济：温州鞋'),
    situation: text(
      '1980. Wenzhou families have made shoes for centuries, and the reforms let them open workshops again. Cheap credit and low taxes can turn the craft into a cluster of thousands of firms, but a flood of newcomers cutting corners can ruin the name of Wenzhou shoes. Grow the cluster and keep its reputation.',
      '1980年。温州人做鞋已有上千年的传统，改革让家家户户重新开起了作坊。低息信贷和低税率能把这门手艺变成数千家企业组成的产业集群，但大批偷工减料的新企业也可能毁掉“温州鞋”的名声。既要壮大集群，也要守住声誉。',
    ),
    facts: [
      {
        text: text(
          "Zhejiang's clusters are a 'block-shaped economy': every village has its own characteristic product, every town its own industry.",
          '浙江的产业集群被称为“块状经济”：村村有特色产品，镇镇有特色产业。',
        ),
        citation: {
          paper: '002',
          section: '§2.1',
          quote:
            'every village has its own characteristic product, and every town has its own characteristic',
        },
      },
      {
        text: text(
          "Wenzhou's shoemaking goes back to 422 AD; after the reforms, families with the craft started the first low-end businesses.",
          '温州制鞋的历史可以追溯到公元422年；改革开放后，掌握手艺的家庭率先办起了低端鞋业。',
        ),
        citation: {
          paper: '003',
          section: '§4.2',
          quote:
            'footwear cluster in Zhejiang Province has a long history of shoemaking, dating back to',
        },
      },
      {
        text: text(
          'Production splits into many small steps, which lowers the barrier to entry: the Datang socks cluster counts 2,453 sock firms, 550 raw-material firms, 312 hemstitching factories and more.',
          '生产被分解为许多小环节，降低了进入门槛：大唐袜业集群有2453家袜企、550家原料企业、312家缝头厂等。',
        ),
        citation: {
          paper: '003',
          section: '§4.3',
          quote: 'the Datang socks cluster in Zhejiang Province comprises',
        },
      },
      {
        text: text(
          'In the 1980s Wenzhou shoes expanded in quantity without quality: low prices and a bad reputation.',
          '20世纪80年代，温州鞋只重数量、不重质量地扩张：价格低廉，名声很差。',
        ),
        citation: {
          paper: '003',
          section: '§4.3',
          quote:
            'experienced a rapid expansion of quantity without quality; as a result, they offered low',
        },
      },
      {
        text: text(
          'Such endogenous clusters grow more slowly than those built on foreign investment, but their firms are well rooted and the clusters stable.',
          '这类内生型集群比外资嵌入型集群成长得慢，但企业扎根当地，集群十分稳定。',
        ),
        citation: {
          paper: '002',
          section: '§2.1',
          quote:
            'However, enterprises in the clusters had strong industrial relationship, and clusters had strong gathering',
        },
      },
    ],
    objectives: [
      text(
        'Grow the footwear cluster to at least 1.5 times its number of firms in 1980.',
        '把鞋业集群的企业数量扩大到1980年的1.5倍以上。',
      ),
      text(
        'End with a footwear reputation of 60 % or better and quality standards in force.',
        '结束时鞋业声誉不低于60%，并实施质量标准。',
      ),
      text(
        'If the reputation stays below 25 % for two rounds, the name is ruined and the game is lost.',
        '如果声誉连续两轮低于25%，品牌就毁了，游戏失败。',
      ),
    ],
    victoryText: text(
      'Win: after round 12, footwear firms at 1.5 times their 1980 number, reputation at least 60 % and quality standards in force.',
      '胜利：第12轮结束时，鞋企数量达到1980年的1.5倍，声誉不低于60%，并实施质量标准。',
    ),
    defeatText: text(
      'Defeat: footwear reputation below 25 %, debt at the borrowing limit or stability below 35, two rounds running; or the goals missed at the end.',
      '失败：鞋业声誉低于25%、债务达到借款上限或稳定度低于35连续两轮；或最终未达目标。',
    ),
    history: [
      {
        text: text(
          'The city issued strict regulations and quality standards for Wenzhou shoes and helped firms build brands. The paper concludes: "Such a measure actually saved the cluster."',
          '温州市政府出台了严格的法规和质量标准，并帮助企业创立品牌。论文的结论是：这一措施真正拯救了这个集群。',
        ),
        citation: {
          paper: '003',
          section: '§4.3',
          quote: 'Such a measure actually saved the cluster.',
        },
      },
      {
        text: text(
          "In 1991 Wenzhou's shoemakers founded China's first shoe industry association, which helped improve quality and build brands.",
          '1991年，温州鞋企成立了全国第一个鞋业协会，帮助企业提升质量、打造品牌。',
        ),
        citation: {
          paper: '003',
          section: '§4.3',
          quote:
            'Association of the Shoe Industry in 1991—the first shoemakers’ association in China.',
        },
      },
      {
        text: text(
          "Today Wenzhou alone makes a quarter of China's shoes and an eighth of the world's, with more than 300,000 employees.",
          '如今仅温州一地就生产了全国四分之一、世界八分之一的鞋，从业人员超过30万。',
        ),
        citation: {
          paper: '003',
          section: '§4.1',
          quote: 'Currently, only Wenzhou’s footwear products account for one-quarter of',
        },
      },
      {
        text: text(
          "Where standards are missing, thousands of firms still compete on price alone, a 'racing to the bottom' that can make clusters wither away.",
          '在缺乏标准的地方，成千上万的企业仍然只拼价格，这种“逐底竞争”可能让集群走向衰亡。',
        ),
        citation: {
          paper: '003',
          section: '§6.1',
          quote:
            '“racing to the bottom” (Wang 2009); such cut-throat competition sometimes pushes firms to',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('footwear firms against 1980', '鞋企数量相对1980年'),
        measure: ofStart(firms('footwear')),
        op: '>=',
        target: 1.5,
        format: 'percent',
      },
      {
        label: text('footwear reputation', '鞋业声誉'),
        measure: reputation('footwear'),
        op: '>=',
        target: 0.6,
        format: 'percent',
      },
      {
        label: text('quality standards for footwear', '鞋业质量标准'),
        measure: qualityStandards('footwear'),
        op: '>=',
        target: 1,
        format: 'flag',
      },
    ],
    stretch: [
      {
        label: text('footwear reputation', '鞋业声誉'),
        measure: reputation('footwear'),
        op: '>=',
        target: 0.75,
        format: 'percent',
      },
      {
        label: text('footwear firms against 1980', '鞋企数量相对1980年'),
        measure: ofStart(firms('footwear')),
        op: '>=',
        target: 2.5,
        format: 'percent',
      },
    ],
    defeats: [
      {
        reason: text(
          "The reputation of Wenzhou shoes stayed below 25 % two rounds running: a race to the bottom ruined the cluster's name",
          '温州鞋的声誉连续两轮低于25%：逐底竞争毁掉了集群的名声',
        ),
        measure: reputation('footwear'),
        op: '<',
        threshold: 0.25,
        rounds: 2,
      },
      debtDefeat(),
      unrestDefeat(35),
    ],
  },
  scripted: {
    // Grow the family firms, then standards and an association from round 2, and a shoe market.
    win: (round) =>
      planOf(
        familyFirms,
        (plan) => {
          plan.preferential.smeCreditGuarantee = 1;
          if (round >= 2) {
            plan.innovation.qualityStandards = ['footwear'];
            plan.innovation.industryAssociation = ['footwear'];
          }
        },
        buildIn(round, { 2: [{ kind: 'market', sector: 'footwear' }] }),
      ),
    // Quantity without quality: every newcomer welcome, no standards (003 §4.3).
    lose: () => planOf(familyFirms),
  },
};
