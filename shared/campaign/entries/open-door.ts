/**
 * Chapter 1, the tutorial: Shenzhen in 1980, racing Zhuhai and Shantou for the first foreign
 * investors (003 §3). The first mover with good location and policies races ahead; building
 * far beyond demand leaves debt (Zhuhai's airport, 003 §3.3).
 */
import { firstForeignRound, foreignPlants, leadOver, ofStart } from '../measures';
import { realGdp } from '../measures';
import { buildIn, planOf, type PlanPatch } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

/** SEZ preferential policy: 15 % for foreign firms, holidays, cheap land, one stop (003 §3.3). */
const openDoor: PlanPatch = (plan) => {
  Object.assign(plan.preferential, {
    foreignTaxRate: 0.15,
    domesticTaxRate: 0.25,
    foreignTaxHolidayYears: 5,
    landDiscount: 0.5,
    oneStopOffice: true,
    targetSectors: ['toys', 'electronics'],
  });
};

export const openDoorChapter: CampaignChapter = {
  entry: {
    id: 'open-door',
    order: 1,
    scenarioId: 'open-door-1980',
    playerTown: 'shenzhen',
    rounds: 10,
    tutorial: true,
    title: text('Open Door: Pearl River Delta 1980', '对外开放：1980年的珠江三角洲'),
    situation: text(
      'August 1980. Your county, across a narrow river from Hong Kong, has just become the Shenzhen special economic zone, together with Zhuhai and Shantou. Foreign investors may now come in with tax concessions and cheap land, and they will go to the zone that moves first and best. Your budget is small: every road you build must pay for itself.',
      '1980年8月。与香港一河之隔的你的县刚刚成为深圳经济特区，珠海和汕头也同时获批。外商现在可以凭借税收优惠和廉价土地进入特区，他们会流向行动最早、条件最好的那一个。你的预算很少：每修一条路都必须物有所值。',
    ),
    facts: [
      {
        text: text(
          'In August 1980 Shenzhen, Zhuhai and Shantou were designated special economic zones; Xiamen followed in October.',
          '1980年8月，深圳、珠海和汕头被设立为经济特区，同年10月厦门跟进。',
        ),
        citation: {
          paper: '003',
          section: '§3.1',
          quote:
            'By August 1980, Shenzhen, Zhuhai, and Shantou in Guangdong Province were designated as',
        },
      },
      {
        text: text(
          "Shenzhen's site was strategic: across a narrow river from Hong Kong, where China could learn markets and modern management.",
          '深圳的选址极具战略意义：与香港仅一河之隔，中国可以从那里学习市场经济和现代管理。',
        ),
        citation: {
          paper: '003',
          section: '§3.1',
          quote:
            'river from Hong Kong, the principal area from which China could learn capitalist modes of',
        },
      },
      {
        text: text(
          'The zones taxed foreign firms at 15 % against 30 % for domestic firms, and offered tax holidays and cheap land.',
          '特区对外资企业征收15%的所得税（内资企业为30%），并提供免税期和廉价土地。',
        ),
        citation: {
          paper: '003',
          section: '§3.3',
          quote: 'For FDI, the corporate tax rate was especially generous—15 percent',
        },
      },
      {
        text: text(
          'With intense competition for foreign investment, the first mover has the advantage.',
          '在激烈的引资竞争中，先行者总是占据优势。',
        ),
        citation: {
          paper: '003',
          section: '§3.3',
          quote: 'the first-mover advantage is always important.',
        },
      },
    ],
    objectives: [
      text(
        'Bring in your first foreign plant within the first two rounds.',
        '在前两轮内引进第一家外资工厂。',
      ),
      text(
        'By the end of 1989, have at least 40 foreign plants, more than Zhuhai or Shantou.',
        '到1989年底拥有至少40家外资工厂，且多于珠海和汕头。',
      ),
      text(
        'Do not build beyond demand: debt at the borrowing limit two rounds running loses the game.',
        '不要超前过度建设：债务连续两轮达到借款上限即告失败。',
      ),
    ],
    victoryText: text(
      'Win: a first foreign plant by round 2, and after round 10 at least 40 foreign plants, ahead of Zhuhai and Shantou.',
      '胜利：第2轮前引进首家外资工厂；第10轮结束时拥有至少40家外资工厂，领先珠海和汕头。',
    ),
    defeatText: text(
      'Defeat: debt at the borrowing limit or stability below 35 for two rounds running, or too few foreign plants at the end.',
      '失败：债务达到借款上限或社会稳定度低于35连续两轮，或最终外资工厂不足。',
    ),
    history: [
      {
        text: text(
          'Against a national average of about 10 % a year in 1980–84, Shenzhen grew 58 % a year, Zhuhai 32 %, Xiamen 13 % and Shantou 9 %.',
          '1980—1984年全国年均增长约10%，深圳年均增长58%，珠海32%，厦门13%，汕头9%。',
        ),
        citation: {
          paper: '003',
          section: '§3.1',
          quote:
            'roughly 10 percent from 1980 to 1984, Shenzhen grew at a phenomenal 58 percent annual rate,',
        },
      },
      {
        text: text(
          "In 1981 the four zones took 59.8 % of China's foreign investment, Shenzhen alone 50.6 %.",
          '1981年，四个特区吸收了全国59.8%的外商直接投资，其中深圳一地就占50.6%。',
        ),
        citation: {
          paper: '003',
          section: '§3.1',
          quote: 'In 1981, the four zones accounted for 59.8 percent of total FDI in China, with',
        },
      },
      {
        text: text(
          'Zhuhai overbuilt its infrastructure beyond sustainable demand: its oversized airport exhausted its initial capital and became a drag on the economy.',
          '珠海的基础设施建设超出了可持续的需求：规模过大的机场耗尽了最初的资本，成为经济的拖累。',
        ),
        citation: {
          paper: '003',
          section: '§3.3',
          quote: 'Its over-sized airport exhausted its initial capital and became a drag',
        },
      },
      {
        text: text(
          'Shantou reached average growth, stalled at times by scandals, smuggling and poor social trust.',
          '汕头的增长只达到平均水平，还不时因丑闻、走私和社会信用缺失而停滞。',
        ),
        citation: {
          paper: '003',
          section: '§3.3',
          quote: 'Shantou has reached average rates of economic growth, but',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('first foreign plant', '首家外资工厂'),
        measure: firstForeignRound,
        op: '<=',
        target: 2,
        format: 'round',
      },
      {
        label: text('foreign plants', '外资工厂'),
        measure: foreignPlants(),
        op: '>=',
        target: 40,
        format: 'whole',
      },
      {
        label: text('lead in foreign plants over Zhuhai and Shantou', '外资工厂数领先珠海、汕头'),
        measure: leadOver(foreignPlants(), ['zhuhai', 'shantou']),
        op: '>=',
        target: 1,
        format: 'whole',
      },
    ],
    stretch: [
      {
        label: text('foreign plants', '外资工厂'),
        measure: foreignPlants(),
        op: '>=',
        target: 70,
        format: 'whole',
      },
      {
        // Shenzhen's 58 % a year for four years is a sixfold rise (003 §3.1).
        label: text('real GDP against 1980', '实际GDP相对1980年'),
        measure: ofStart(realGdp),
        op: '>=',
        target: 8,
        format: 'percent',
      },
    ],
    defeats: [
      debtDefeat(
        text(
          "Debt stayed at the borrowing limit two rounds running: like Zhuhai's airport, works beyond demand drained the budget",
          '债务连续两轮达到借款上限：和珠海机场一样，超出需求的工程耗尽了财政',
        ),
      ),
      unrestDefeat(35),
    ],
  },
  scripted: {
    // Open early with SEZ incentives and build roads, power and housing as the plants arrive.
    win: (round) =>
      planOf(
        openDoor,
        buildIn(round, {
          1: [{ kind: 'roads' }],
          3: [{ kind: 'power' }],
          5: [{ kind: 'housing' }],
          6: [{ kind: 'roads' }],
          8: [{ kind: 'housing' }],
        }),
      ),
    // Zhuhai's mistake: no incentives, and a port, roads, power and a park all at once.
    lose: (round) =>
      planOf(
        buildIn(round, {
          1: [{ kind: 'port' }, { kind: 'roads' }, { kind: 'power' }, { kind: 'park' }],
        }),
      ),
  },
};
