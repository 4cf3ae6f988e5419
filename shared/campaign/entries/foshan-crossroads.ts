/**
 * Chapter 4: Foshan in 2007, deciding whether and how to enforce environmental law on its
 * ceramics cluster without hollowing out the town (001 ¶20; 003 §7.4: strict standards need
 * public support for green upgrading).
 */
import { jobs, ofStart, pollution } from '../measures';
import { buildIn, planOf, type PlanPatch } from '../plans';
import { debtDefeat, unrestDefeat } from '../defeats';
import type { CampaignChapter } from '../rules';
import { text } from '../text';

/** The unified 25 % corporate tax of 2007 for everyone (003 §3.3). */
const unifiedTax: PlanPatch = (plan) => {
  plan.preferential.foreignTaxRate = 0.25;
  plan.preferential.domesticTaxRate = 0.25;
};

export const foshanChapter: CampaignChapter = {
  entry: {
    id: 'foshan-crossroads',
    order: 4,
    scenarioId: 'foshan-2007',
    playerTown: 'foshan',
    rounds: 10,
    tutorial: false,
    title: text('Foshan at the crossroads (2007)', '十字路口的佛山（2007）'),
    situation: text(
      '2007. For thirty years Foshan built a ceramic-tile cluster on public support and weak enforcement of environmental law. Now the town finds the industry too polluting and not enough value adding. Enforce the law and firms may close or move away; do nothing and the smoke stays. Clean up without hollowing out the town.',
      '2007年。三十年来，佛山依靠政府扶持和宽松的环保执法发展起了陶瓷砖产业集群。如今，市政府认为这个产业污染太重、附加值太低。严格执法，企业可能关闭或外迁；无所作为，浓烟依旧。你要在不让城市空心化的前提下治理污染。',
    ),
    facts: [
      {
        text: text(
          'The local government heavily supported a ceramic-tile cluster that grew out of a few state-owned firms, with new infrastructure and trade centres.',
          '地方政府大力扶持由几家国有企业发展起来的陶瓷砖产业集群，为其兴建基础设施和展贸中心。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'here the local Govern heavily supported the development of a ceramic tiles industrial cluster',
        },
      },
      {
        text: text(
          'Part of that support was a weak enforcement of environmental law.',
          '这种扶持的一部分，就是对环境法律的执行不力。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'a favourable legislation on environmental issues (or to be more precise a weak enforcement of the law)',
        },
      },
      {
        text: text(
          'After thirty years the government decided the industry was no longer strategic: too polluting, and adding too little value.',
          '三十年后，政府认定这个产业不再具有战略意义：污染太重，附加值太低。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'the local Govern decide to consider not strategic anymore this industry, that is too polluting and not enough value adding',
        },
      },
      {
        text: text(
          'Stronger standards improve the environment and push firms to innovate, but must come with public help.',
          '更严格的标准能改善环境、推动企业创新，但必须辅以公共支持。',
        ),
        citation: {
          paper: '003',
          section: '§7.4',
          quote:
            'Enforcing stronger standards will not only improve the environment and increase the focus on',
        },
      },
      {
        text: text(
          'Green technologies are partly public goods: public institutions may need to fund the R&D that lets polluters upgrade.',
          '绿色技术具有公共产品的性质：公共机构可能需要提供研发和技术支持，帮助污染企业升级。',
        ),
        citation: {
          paper: '003',
          section: '§7.4',
          quote:
            'public goods, government and public institutions may need to provide R&D and technological',
        },
      },
    ],
    objectives: [
      text(
        'Bring pollution down to 35 or less by the end of 2016.',
        '到2016年底把污染指数降到35以下。',
      ),
      text('Keep at least 85 % of the jobs the town had in 2007.', '保住2007年至少85%的就业岗位。'),
      text(
        'If jobs fall below 60 % of 2007, the town has hollowed out and the game is lost.',
        '如果就业岗位跌破2007年的60%，城市就空心化了，游戏失败。',
      ),
    ],
    victoryText: text(
      'Win: after round 10, pollution at 35 or less with jobs at 85 % or more of 2007.',
      '胜利：第10轮结束时污染指数不高于35，就业岗位不低于2007年的85%。',
    ),
    defeatText: text(
      'Defeat: jobs below 60 % of 2007, or stability below 30 or debt at the borrowing limit for two rounds running; or the goals missed at the end.',
      '失败：就业跌破2007年的60%，或稳定度低于30、债务达到借款上限连续两轮；或最终未达目标。',
    ),
    history: [
      {
        text: text(
          'In practice it meant less support from the government and a more binding respect of the laws.',
          '这实际上意味着政府支持减少，法律执行更加严格。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'This practically meant less governmental support and a more binding respect of the laws.',
        },
      },
      {
        text: text(
          'Within a few years many ceramic-tile firms had closed and many others had moved elsewhere.',
          '几年之内，许多陶瓷砖企业被迫关闭，还有许多迁往他处。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'in a few years many ceramic tiles firms had to close and many other decided to move in different places',
        },
      },
      {
        text: text(
          'The district was not collapsing, but it was losing position, showing how much the industry had depended on government support.',
          '这个产业区并没有崩溃，但正在失去地位，这说明该产业曾多么依赖政府的支持。',
        ),
        citation: {
          paper: '001',
          section: '¶20',
          quote:
            'We cannot say that this district is actually collapsing but it is losing position',
        },
      },
      {
        text: text(
          "The paper's advice: simply closing polluters or moving them away may not be the best solution; support their green upgrading instead.",
          '论文的建议：简单地关闭或迁走污染企业未必是最好的办法，应当支持它们进行绿色升级。',
        ),
        citation: {
          paper: '003',
          section: '§7.4',
          quote: 'Because certain “green” technologies have characteristics of',
        },
      },
    ],
  },
  rules: {
    goals: [
      {
        label: text('pollution', '污染指数'),
        measure: pollution,
        op: '<=',
        target: 35,
        format: 'index',
      },
      {
        label: text('jobs against 2007', '就业相对2007年'),
        measure: ofStart(jobs),
        op: '>=',
        target: 0.85,
        format: 'percent',
      },
    ],
    stretch: [
      {
        label: text('pollution', '污染指数'),
        measure: pollution,
        op: '<=',
        target: 28,
        format: 'index',
      },
      {
        label: text('jobs against 2007', '就业相对2007年'),
        measure: ofStart(jobs),
        op: '>=',
        target: 1,
        format: 'percent',
      },
    ],
    defeats: [
      {
        reason: text(
          'Jobs fell below 60 % of 2007: the town has hollowed out, like the ceramics district that lost its support',
          '就业跌破2007年的60%：城市已经空心化，就像失去扶持的陶瓷产业区',
        ),
        measure: ofStart(jobs),
        op: '<',
        threshold: 0.6,
        rounds: 1,
      },
      unrestDefeat(30),
      debtDefeat(),
    ],
  },
  scripted: {
    // Strict law with public money for green upgrading, wastewater plants and innovation centres.
    win: (round) =>
      planOf(
        unifiedTax,
        (plan) => {
          plan.environment.enforcement = 'strict';
          plan.environment.greenSubsidy = 40;
          plan.preferential.targetSectors = ['appliances', 'ceramics'];
          plan.innovation.centres = ['appliances', 'ceramics'];
          plan.innovation.vocationalSchool = true;
        },
        buildIn(round, { 1: [{ kind: 'wastewater' }], 3: [{ kind: 'wastewater' }] }),
      ),
    // The lesson's opposite (001 ¶20, 003 §7.4): keep the law lax and keep subsidising ceramics.
    // Under rules 2 a crackdown without green support costs Foshan its ceramics but does not
    // collapse the town, as the paper says ("losing position"), so it is no longer the lose plan.
    lose: () =>
      planOf(unifiedTax, (plan) => {
        plan.environment.enforcement = 'lax';
        plan.preferential.targetSectors = ['ceramics'];
      }),
  },
};
