/**
 * Chapter 5: Dongguan through the 2008 export crash (003 §6.2). Export-reliant clusters are hit
 * hardest; turning to domestic demand and upgrading through technology is the way out
 * (003 §7.2, §7.3).
 */
import { firms, ofStart, ofYear, realGdp } from '../measures';
import { technology } from '../measures';
import { planOf } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

export const exportCrashChapter: CampaignChapter = {
  entry: {
    id: 'export-crash',
    order: 5,
    scenarioId: 'export-crash-2008',
    playerTown: 'dongguan',
    rounds: 8,
    tutorial: false,
    title: text('The 2008 export crash', '2008年出口危机'),
    situation: text(
      '2006. Dongguan makes toys and electronics for export, much of it in foreign plants with few local suppliers. In 2008 export orders collapse across the Pearl River Delta. Keep firms and jobs through the storm, turn toward domestic demand and upgrade, so that GDP is back above its pre-crash level by the end.',
      '2006年。东莞为出口生产玩具和电子产品，其中很大一部分来自缺少本地配套的外资工厂。2008年，整个珠三角的出口订单骤然萎缩。你要在风暴中保住企业和就业，转向内需、推动升级，使GDP在结束时恢复到危机前的水平以上。',
    ),
    facts: [
      {
        text: text(
          'In the crisis, the Pearl River Delta clusters, which rely mostly on exports, were hit particularly hard.',
          '在这场危机中，主要依赖出口的珠三角产业集群受到的冲击尤为严重。',
        ),
        citation: {
          paper: '003',
          section: '§6.2',
          quote:
            'crisis, the clusters in the Pearl River Delta region, for example, which rely mostly on exports,',
        },
      },
      {
        text: text(
          "In the first nine months of 2008, some 50,000 of Guangdong's 1 million industrial enterprises collapsed.",
          '2008年前九个月，广东100万家工业企业中约有5万家倒闭。',
        ),
        citation: {
          paper: '003',
          section: '§6.2',
          quote:
            '50,000 out of 1 million industrial enterprises in Guangdong Province had collapsed, and its 30',
        },
      },
      {
        text: text(
          "The province's 30 million migrant workers were inevitably affected.",
          '全省3000万外来务工人员不可避免地受到了影响。',
        ),
        citation: {
          paper: '003',
          section: '§6.2',
          quote: 'million migrant workers were inevitably affected',
        },
      },
      {
        text: text(
          "Dongguan's IT cluster is export-oriented, built by multinationals using cheap labour for the low value-added stages of the chain.",
          '东莞的IT产业集群以出口为导向，跨国公司利用廉价劳动力从事产业链中附加值不高的环节。',
        ),
        citation: {
          paper: '002',
          section: '§3.4',
          quote: 'Dongguan and Suzhou are export-oriented industry clusters',
        },
      },
      {
        text: text(
          "After decades of growth, China's domestic market is bigger and more sophisticated, with a fast-growing middle class.",
          '经过几十年的发展，中国国内市场更大、更成熟，中产阶级迅速壮大。',
        ),
        citation: {
          paper: '003',
          section: '§7.2',
          quote: 'After decades of growth, the domestic market is becoming bigger',
        },
      },
    ],
    objectives: [
      text(
        'By the end of 2013, bring real GDP back to at least its level before the crash (end of 2007).',
        '到2013年底，使实际GDP恢复到危机前（2007年底）的水平以上。',
      ),
      text(
        "Don't let the number of firms fall below half of 2006: that would be a collapse.",
        '不要让企业数量跌破2006年的一半，否则就是崩溃。',
      ),
    ],
    victoryText: text(
      'Win: after round 8, real GDP at or above its level at the end of 2007.',
      '胜利：第8轮结束时，实际GDP不低于2007年底的水平。',
    ),
    defeatText: text(
      'Defeat: firms below half of 2006, or stability below 30 or debt at the borrowing limit for two rounds running; or GDP still below its pre-crash level at the end.',
      '失败：企业数量跌破2006年的一半，或稳定度低于30、债务达到借款上限连续两轮；或最终GDP仍低于危机前水平。',
    ),
    history: [
      {
        text: text(
          'The lesson drawn: China can gradually raise the share of domestic consumption as a source of growth.',
          '由此得出的教训：中国可以逐步提高国内消费在经济增长中的比重。',
        ),
        citation: {
          paper: '003',
          section: '§7.2',
          quote:
            'might be able to gradually increase the share of domestic consumption as a source of growth.',
        },
      },
      {
        text: text(
          'Losing its low-cost advantage to Bangladesh and Vietnam, China needs to upgrade its zones and clusters through technology and skills.',
          '随着低成本优势逐渐被孟加拉国和越南取代，中国需要通过技术和技能提升来升级园区和集群。',
        ),
        citation: {
          paper: '003',
          section: '§7.3',
          quote: 'it needs to upgrade the current SEZs and clusters through technology',
        },
      },
      {
        text: text(
          'The old low-cost labour and factor-based growth model cannot continue in the long run.',
          '依靠低成本劳动力和要素投入的旧增长模式从长远看难以为继。',
        ),
        citation: {
          paper: '003',
          section: '§7.1',
          quote:
            'cannot continue the old low-cost labor and factor-based growth model in the long run.',
        },
      },
      {
        text: text(
          'China as a whole came through: it became an important engine pulling the world out of the downturn.',
          '中国整体上挺过了危机，并成为带动世界走出衰退的重要引擎。',
        ),
        citation: {
          paper: '003',
          section: '§8',
          quote: 'China has become an important engine to drive the world out of the downturn.',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('real GDP against the end of 2007', '实际GDP相对2007年底'),
        measure: ofYear(realGdp, 2008),
        op: '>=',
        target: 1,
        format: 'percent',
      },
    ],
    stretch: [
      {
        label: text('real GDP against the end of 2007', '实际GDP相对2007年底'),
        measure: ofYear(realGdp, 2008),
        op: '>=',
        target: 1.5,
        format: 'percent',
      },
      {
        label: text('technology of electronics', '电子产业技术水平'),
        measure: technology('electronics'),
        op: '>=',
        target: 0.5,
        format: 'percent',
      },
    ],
    defeats: [
      {
        reason: text(
          "The town's firms fell below half their number of 2006: the cluster has collapsed",
          '企业数量跌破2006年的一半：产业集群已经崩溃',
        ),
        measure: ofStart(firms()),
        op: '<',
        threshold: 0.5,
        rounds: 1,
      },
      unrestDefeat(30),
      debtDefeat(),
    ],
  },
  scripted: {
    // Upgrade: target IT and appliances (which sell at home), a centre, schools, vouchers.
    win: () =>
      planOf((plan) => {
        Object.assign(plan.preferential, {
          foreignTaxRate: 0.25,
          domesticTaxRate: 0.25,
          targetSectors: ['electronics', 'appliances'],
          equalTreatmentPrivate: true,
          smeCreditGuarantee: 5,
        });
        Object.assign(plan.innovation, {
          centres: ['electronics'],
          vocationalSchool: true,
          universityPartnership: true,
          innovationVouchers: 2,
          industryAssociation: ['electronics'],
        });
      }),
    // Austerity in a slump: taxes at the 33 % maximum, no support and no upgrading.
    lose: () => planOf(),
  },
};
