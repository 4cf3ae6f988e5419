/**
 * Chapter 3: Suzhou in the second wave of Taiwanese IT capital (002 §2.2). "Imbedding type"
 * clusters start fast but their foreign plants buy little locally; untargeted "policy district"
 * incentives make "empty boxes" (001 ¶15), targeted policy and local suppliers embed them.
 */
import { embeddedness, foreignPlants } from '../measures';
import { buildIn, planOf, type PlanPatch } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

/** Incentives for foreign investors, offered to any firm in the estate ("policy district"). */
const estateIncentives: PlanPatch = (plan) => {
  Object.assign(plan.preferential, {
    foreignTaxRate: 0.15,
    domesticTaxRate: 0.15,
    foreignTaxHolidayYears: 2,
    landDiscount: 0.3,
    oneStopOffice: true,
  });
};

/**
 * Industry-preferential policy: target IT and grow local suppliers with credit and equal
 * treatment for private firms (002 §3: "give them equal treatment as FDI").
 */
const industryPreferential: PlanPatch = (plan) => {
  plan.preferential.targetSectors = ['electronics'];
  plan.preferential.equalTreatmentPrivate = true;
  plan.preferential.smeCreditGuarantee = 4;
  plan.innovation.industryAssociation = ['electronics'];
  plan.innovation.vocationalSchool = true;
};

export const imbeddingChapter: CampaignChapter = {
  entry: {
    id: 'imbedding-clusters',
    order: 3,
    scenarioId: 'imbedding-clusters',
    playerTown: 'suzhou',
    rounds: 10,
    tutorial: false,
    title: text('Imbedding clusters: Dongguan vs Suzhou', '嵌入型集群：东莞与苏州'),
    situation: text(
      "1995. Suzhou is a silk town beside Shanghai with new industrial estates to fill. Taiwan's IT makers, who came to Dongguan in the first wave, are looking for their next base. Fill the estates fast with breaks for anyone, or target the industry and grow the local suppliers that keep the plants here.",
      '1995年。苏州是紧邻上海的丝绸之城，新建的工业园区等待招商。第一波落户东莞的台湾IT企业正在寻找下一个基地。你可以用一视同仁的优惠政策迅速填满园区，也可以有针对性地扶持这一产业，培育能把工厂留住的本地配套企业。',
    ),
    facts: [
      {
        text: text(
          "In the 1990s Dongguan absorbed Taiwanese capital and joined the global production network of Taiwan's IT industry.",
          '20世纪90年代，东莞吸收台资，融入了台湾IT产业的全球生产网络。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote:
            'In the 1990s, with the international transfer of IT industry, Dongguan absorbed Taiwan capital, and has',
        },
      },
      {
        text: text(
          "Suzhou's government made full use of its location and human resources and built industrial estates, with efficient and transparent services for investors.",
          '苏州政府充分利用区位和人力资源优势，兴建工业园区，并为投资者提供高效透明的服务。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote:
            'made full use of its advantageous location and human resources, and has built industrial estate such as',
        },
      },
      {
        text: text(
          "'Imbedding type' clusters start faster, but the ties between their firms are weak: foreign investors do not bring local firms into their supply chains.",
          '“嵌入型”集群起步快，但企业之间的联系薄弱：外资没有把本地企业纳入自己的产业链。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote:
            'relatively quicker starting speed, and the formation process was relative shorter; However, enterprises’',
        },
      },
      {
        text: text(
          "Most estates are 'policy districts': favourable policies go to a district rather than to an industry, which does little for linkages.",
          '大多数工业园区是“政策区”：优惠政策给予某个区域而非某个产业，不利于产业关联。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote: 'China’s industrial estate are mostly “policy districts”',
        },
      },
      {
        text: text(
          "Top-down zones often end up as 'empty boxes': industrial areas not integrated with the rest of the local economy.",
          '自上而下建立的园区常常沦为“空盒子”：与当地经济其他部分脱节的工业区。',
        ),
        citation: {
          paper: '001',
          section: '¶15',
          quote:
            'These policy experiences often end up in “empty boxes”, i.e. industrial areas that are not integrated to the rest of the local economy',
        },
      },
    ],
    objectives: [
      text(
        'Win a share of the second wave: at least 40 foreign electronics plants by the end of 2004.',
        '抢占第二波转移：到2004年底拥有至少40家外资电子工厂。',
      ),
      text(
        'Embed them: foreign plants buying at least 20 % of their inputs from local firms.',
        '让它们扎根：外资工厂至少20%的投入品从本地企业采购。',
      ),
    ],
    victoryText: text(
      'Win: after round 10, at least 40 foreign electronics plants with embeddedness of 20 % or more.',
      '胜利：第10轮结束时拥有至少40家外资电子工厂，本地配套率不低于20%。',
    ),
    defeatText: text(
      'Defeat: debt at the borrowing limit or stability below 35 for two rounds running, or the goals missed at the end.',
      '失败：债务达到借款上限或稳定度低于35连续两轮，或最终未达目标。',
    ),
    history: [
      {
        text: text(
          'In the second round of Taiwanese IT investment in the late 1990s, Suzhou replaced Dongguan as its major beneficiary.',
          '在20世纪90年代末台湾IT资本的第二轮转移中，苏州取代东莞成为最大受益者。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote:
            'transfer in the late 1990s, Suzhou has replaced Dongguan and become the major beneficiary of Taiwan',
        },
      },
      {
        text: text(
          "Yet of more than 2,100 foreign firms in Suzhou's 14 development zones, only 175 had local supply relations, with 134 local firms; nine zones had almost none.",
          '然而，在苏州14个开发区的2100多家外资企业中，只有175家与134家本地企业建立了配套关系，另外9个开发区几乎为零。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote:
            'foreign-funded enterprises, among which only 175 foreign-funded enterprises from 5 development',
        },
      },
      {
        text: text(
          "Dongguan's 2,800 electronics firms held 30 % of the world market for computer magnetic heads and cases, and 10 % for scanners and keyboards.",
          '东莞2800多家电子信息企业生产的电脑磁头、机箱占全球市场的30%，扫描仪、键盘等占10%。',
        ),
        citation: {
          paper: '002',
          section: '§2.2',
          quote: 'products such as scanners and keyboards 10%',
        },
      },
      {
        text: text(
          "The paper's advice: imbedding clusters lack embeddedness early on; government must help them grow from 'man foster' to 'nature up growth'.",
          '论文的建议：嵌入型集群早期缺乏根植性，政府要帮助它们从“人工培育”走向“自然成长”。',
        ),
        citation: {
          paper: '002',
          section: '§3',
          quote: 'clusters usually are lack of embeddedness at the early stage',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('foreign electronics plants', '外资电子工厂'),
        measure: foreignPlants('electronics'),
        op: '>=',
        target: 40,
        format: 'whole',
      },
      {
        label: text('embeddedness of electronics', '电子产业本地配套率'),
        measure: embeddedness('electronics'),
        op: '>=',
        target: 0.2,
        format: 'percent',
      },
    ],
    stretch: [
      {
        label: text('embeddedness of electronics', '电子产业本地配套率'),
        measure: embeddedness('electronics'),
        op: '>=',
        target: 0.3,
        format: 'percent',
      },
      {
        label: text('foreign electronics plants', '外资电子工厂'),
        measure: foreignPlants('electronics'),
        op: '>=',
        target: 80,
        format: 'whole',
      },
    ],
    defeats: [debtDefeat(), unrestDefeat(35)],
  },
  scripted: {
    // Target IT, grow local suppliers, an IT market and more estate land as the plants come.
    win: (round) =>
      planOf(
        estateIncentives,
        industryPreferential,
        buildIn(round, {
          1: [{ kind: 'market', sector: 'electronics' }],
          2: [{ kind: 'park' }],
          4: [{ kind: 'park' }],
        }),
      ),
    // A "policy district": deep breaks for any investor, nothing for the local supply chain.
    lose: (round) =>
      planOf(
        (plan) =>
          Object.assign(plan.preferential, {
            foreignTaxRate: 0.1,
            foreignTaxHolidayYears: 5,
            landDiscount: 0.7,
            oneStopOffice: true,
          }),
        buildIn(round, { 2: [{ kind: 'park' }], 4: [{ kind: 'park' }] }),
      ),
  },
};
