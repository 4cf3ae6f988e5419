/**
 * Chapter 6: Chengdu attracts footwear firms leaving the costly coast (003 §4.2), and must keep
 * the pollution they bring in check and train the skills the cluster lacks (003 §6, §6.3).
 */
import { firms, pollution, skills } from '../measures';
import { buildIn, planOf, type PlanPatch } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

/** Welcome the relocating shoemakers: low taxes, cheap land, credit, equal treatment. */
const welcome: PlanPatch = (plan) => {
  Object.assign(plan.preferential, {
    domesticTaxRate: 0.15,
    foreignTaxRate: 0.15,
    foreignTaxHolidayYears: 2,
    landDiscount: 0.5,
    targetSectors: ['footwear'],
    equalTreatmentPrivate: true,
    smeCreditGuarantee: 2,
  });
};

export const goWestChapter: CampaignChapter = {
  entry: {
    id: 'go-west',
    order: 6,
    scenarioId: 'go-west',
    playerTown: 'chengdu',
    rounds: 8,
    tutorial: false,
    title: text('Go West: Chengdu shoes', '西进：成都鞋业'),
    situation: text(
      '2000. On the coast, wages and land have grown dear, and the shoemakers of Wenzhou and Dongguan look inland. Chengdu has cheap labour and land. Attract the relocating footwear firms, but watch out: they bring smoke and wastewater, and the new cluster needs skilled hands it does not yet have.',
      '2000年。沿海的工资和地价越来越高，温州和东莞的鞋企开始把目光投向内地。成都有廉价的劳动力和土地。你要吸引这些外迁的鞋企，但要当心：它们会带来废气和污水，而新的产业集群还需要成都尚不具备的熟练工人。',
    ),
    facts: [
      {
        text: text(
          'Because of rising costs, limited land and tough environmental rules, many coastal clusters have begun to move inland.',
          '由于成本上升、土地有限和环保要求趋严，许多沿海产业集群已开始向内地转移。',
        ),
        citation: {
          paper: '003',
          section: '§4.2',
          quote:
            'limited land, and tough environmental requirements, many coastal clusters have begun to',
        },
      },
      {
        text: text(
          'Such transfers are facilitated by government but still based largely on market choice.',
          '这种转移虽有政府推动，但在很大程度上仍取决于市场选择。',
        ),
        citation: {
          paper: '003',
          section: '§4.2',
          quote: 'such transfers are still based largely on market choice, where',
        },
      },
      {
        text: text(
          "Following the 'Go West' policy for the central and western provinces, clusters are developing there too.",
          '在支持中西部发展的“西部大开发”政策带动下，那里也开始形成产业集群。',
        ),
        citation: {
          paper: '001',
          section: '¶11',
          quote:
            'Following the “Go West” policy that aims at favouring the development of the central provinces of China, some clusters are also developing in this area.',
        },
      },
      {
        text: text(
          'In some coastal cities virtually no land is left for space-hungry manufacturing.',
          '在一些沿海城市，已几乎没有土地可供占地多的制造业使用。',
        ),
        citation: {
          paper: '003',
          section: '§6.3',
          quote:
            'no more land is available for heavily resource-based manufacturing activities, which require a lot',
        },
      },
      {
        text: text(
          'Most clusters lack skilled technical and managerial staff, which holds back their growth and upgrading.',
          '大多数产业集群缺乏技术和管理人才，这制约了它们的发展和升级。',
        ),
        citation: {
          paper: '003',
          section: '§6',
          quote: 'Lack of skilled technical and managerial personnel.',
        },
      },
    ],
    objectives: [
      text(
        'Grow a footwear cluster of at least 600 firms by the end of 2007.',
        '到2007年底形成至少600家企业的鞋业集群。',
      ),
      text('Keep pollution at 35 or below.', '把污染指数控制在35以下。'),
      text('Raise workforce skills to at least 40 %.', '把劳动力技能水平提高到40%以上。'),
    ],
    victoryText: text(
      'Win: after round 8, at least 600 footwear firms, pollution at 35 or less and skills at 40 % or more.',
      '胜利：第8轮结束时至少有600家鞋企，污染指数不高于35，技能水平不低于40%。',
    ),
    defeatText: text(
      'Defeat: debt at the borrowing limit or stability below 35 for two rounds running, or any goal missed at the end.',
      '失败：债务达到借款上限或稳定度低于35连续两轮，或最终任一目标未达成。',
    ),
    history: [
      {
        text: text(
          'By the end of 2005 Chengdu had gathered more than 1,200 footwear firms and 3,000 related firms, making over 10 million pairs of leather shoes a year.',
          '到2005年底，成都已聚集了1200多家鞋企和3000多家相关企业，年产皮鞋逾1000万双。',
        ),
        citation: {
          paper: '003',
          section: '§4.2',
          quote:
            'end of 2005, this region had agglomerated more than 1,200 footwear firms and more than',
        },
      },
      {
        text: text(
          "Chengdu's cluster came to account for more than half of the leather-shoe exports of western China.",
          '成都鞋业集群的出口占到中国西部皮鞋出口的一半以上。',
        ),
        citation: {
          paper: '003',
          section: '§4.2',
          quote:
            'accounting for more than 50 percent of the leather shoe exports in western China.',
        },
      },
      {
        text: text(
          'Moving inland is only a short-term answer to rising costs: in the long run clusters must focus on the quality of growth.',
          '向内地转移只是应对成本上升的权宜之计：从长远看，产业集群必须更注重增长的质量。',
        ),
        citation: {
          paper: '003',
          section: '§6.3',
          quote:
            'that is only a short-term solution. In the long run, the SEZs and clusters will need to focus more',
        },
      },
      {
        text: text(
          'Wage rises tied to the skills of the workforce are more sustainable where clusters grow from within.',
          '与劳动力技能相匹配的工资上涨，在内生型集群中更可持续。',
        ),
        citation: {
          paper: '001',
          section: '¶26',
          quote:
            'the wage increase caused by economic growth and related to the skill-level of the labour force is more sustainable in the case of endogenous clustering',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('footwear firms', '鞋企'),
        measure: firms('footwear'),
        op: '>=',
        target: 600,
        format: 'whole',
      },
      {
        label: text('pollution', '污染指数'),
        measure: pollution,
        op: '<=',
        target: 35,
        format: 'index',
      },
      {
        label: text('workforce skills', '劳动力技能'),
        measure: skills,
        op: '>=',
        target: 0.4,
        format: 'percent',
      },
    ],
    stretch: [
      {
        // Chengdu had more than 1,200 footwear firms by the end of 2005 (003 §4.2).
        label: text('footwear firms', '鞋企'),
        measure: firms('footwear'),
        op: '>=',
        target: 1200,
        format: 'whole',
      },
      {
        label: text('pollution', '污染指数'),
        measure: pollution,
        op: '<=',
        target: 25,
        format: 'index',
      },
    ],
    defeats: [debtDefeat(), unrestDefeat(35)],
  },
  scripted: {
    // Welcome the shoemakers with a market, standards, green subsidies, wastewater and schools.
    win: (round) =>
      planOf(
        welcome,
        (plan) => {
          plan.innovation.qualityStandards = ['footwear'];
          plan.innovation.vocationalSchool = true;
          // Air pollution needs abatement at the source; wastewater plants only clean rivers.
          plan.environment.greenSubsidy = 3;
        },
        buildIn(round, {
          1: [{ kind: 'wastewater' }],
          2: [{ kind: 'market', sector: 'footwear' }],
          3: [{ kind: 'roads' }, { kind: 'power' }, { kind: 'wastewater' }],
          5: [{ kind: 'roads' }, { kind: 'power' }, { kind: 'wastewater' }],
        }),
      ),
    // Take every firm the coast sheds, polluters included, with lax enforcement and no schools.
    lose: () =>
      planOf(welcome, (plan) => {
        plan.preferential.targetSectors = ['footwear', 'ceramics'];
        plan.environment.enforcement = 'lax';
      }),
  },
};
