/**
 * Advisor rules that read the town's firm flows: arrivals, closures by cause and moves between
 * towns (the causes named in the engine's explanations).
 */
import { SECTOR_IDS, SECTORS, type SectorId } from '../data/sectors';
import { firmCount, totalFirms } from '../engine/industry';
import type { TownState } from '../engine/types';
import {
  eventsOf,
  hint,
  losses,
  MIN_FIRMS,
  nameOf,
  points,
  town,
  worst,
  type HintRule,
  type RoundFacts,
} from './advisor-facts';
import { CITE } from './advisor-citations';
import { percent, SECTOR_NAMES, text } from './text';

/** Foreign plants arriving with few local suppliers: the "empty box" risk (001 ¶15). */
const emptyBox: HintRule = (facts) => {
  const t = town(facts);
  const arrivals = new Map<SectorId, number>();
  for (const e of eventsOf(facts, 'ForeignPlantsArrived')) {
    if (e.town === facts.townId) arrivals.set(e.sector, (arrivals.get(e.sector) ?? 0) + e.count);
  }
  const w = worst(arrivals);
  if (!w) return null;
  const industry = t.industries[w.sector];
  if (industry.embeddedness >= 0.15 || industry.firms.foreign < 5) return null;
  const s = SECTOR_NAMES[w.sector];
  const e = percent(industry.embeddedness);
  const targeted = t.plan.preferential.targetSectors.includes(w.sector);
  const advice = targeted
    ? text(
        'Links take time: keep backing local suppliers with credit and an industry association.',
        '建立联系需要时间：继续用信贷和行业协会扶持本地配套企业。',
      )
    : text(
        'Target the sector and back local SMEs so the plants buy from them.',
        '把这个产业列为扶持对象，并扶持本地中小企业为外资配套。',
      );
  return hint(
    'emptyBox',
    20 + Math.min(20, w.count),
    text(
      `${w.count} foreign ${s.en} plants arrived, but your foreign plants buy only ${e} of their inputs locally: few local suppliers, the "empty box" risk. ${advice.en}`,
      `新来了${w.count}家外资${s.zh}工厂，但外资工厂只有${e}的投入品在本地采购：本地配套太少，有沦为“空盒子”的风险。${advice.zh}`,
    ),
    CITE.emptyBox,
  );
};

/** Foreign plants moving away: FDI clusters without roots are unstable (002 §2.2). */
const footloosePlants: HintRule = (facts) => {
  const moves = eventsOf(facts, 'FirmsRelocated').filter(
    (e) => e.from === facts.townId && e.kind === 'foreign',
  );
  const count = moves.reduce((a, e) => a + e.count, 0);
  if (count < 2) return null;
  const plants = SECTOR_IDS.reduce(
    (a, s) => a + town(facts, 'before').industries[s].firms.foreign,
    0,
  );
  const top = [...moves].sort((a, b) => b.count - a.count || (a.to < b.to ? -1 : 1))[0];
  const dest = nameOf(facts, top.to);
  return hint(
    'footloosePlants',
    15 + Math.min(20, (100 * count) / Math.max(1, plants)),
    text(
      `${count} foreign plants left, most for ${dest.en}. Plants with few local links leave for a better offer: clusters built on foreign investment alone are unstable.`,
      `${count}家外资工厂迁走了，大多去了${dest.zh}。缺乏本地联系的工厂一有更好的条件就会离开：只靠外资的集群并不稳定。`,
    ),
    CITE.unstable,
  );
};

/** Reputation eroded by newcomers without quality standards (Wenzhou shoes, 003 §4.3). */
const raceToTheBottom: HintRule = (facts) => {
  const before = town(facts, 'before');
  const after = town(facts);
  const closed = losses(facts, 'raceToTheBottom');
  let pick: { sector: SectorId; drop: number } | null = null;
  for (const sector of SECTOR_IDS) {
    const industry = after.industries[sector];
    if (after.plan.innovation.qualityStandards.includes(sector)) continue;
    if (firmCount(industry) < MIN_FIRMS || industry.reputation >= 0.6) continue;
    const drop = before.industries[sector].reputation - industry.reputation;
    if (drop >= 0.02 && (pick === null || drop > pick.drop)) pick = { sector, drop };
  }
  if (!pick) return null;
  const s = SECTOR_NAMES[pick.sector];
  const a = percent(before.industries[pick.sector].reputation);
  const b = percent(after.industries[pick.sector].reputation);
  return hint(
    'raceToTheBottom',
    20 + 100 * pick.drop + points(facts, closed.get(pick.sector) ?? 0),
    text(
      `The reputation of your ${s.en} fell from ${a} to ${b}: many new firms and no quality standards make a race to the bottom, like Wenzhou shoes in the 1980s. Quality standards and an industry association restore it.`,
      `你的${s.zh}声誉从${a}降到${b}：大量新企业涌入而没有质量标准，形成逐底竞争，就像20世纪80年代的温州鞋。质量标准和行业协会能够挽回声誉。`,
    ),
    CITE.race,
  );
};

/** Towns specialised in the same product compete for the same buyers (003 §6). */
const fragmentation: HintRule = (facts) => {
  const w = worst(losses(facts, 'fragmentation'));
  if (!w) return null;
  const s = SECTOR_NAMES[w.sector];
  return hint(
    'fragmentation',
    10 + points(facts, w.count),
    text(
      `${w.count} ${s.en} firms closed as towns making the same product compete for the same buyers. A sector-based innovation centre co-funded with those towns turns rivals into partners.`,
      `${w.count}家${s.zh}企业倒闭，因为生产同类产品的城镇在争夺同一批买家。与这些城镇按产业共建技术创新中心，可以化对手为伙伴。`,
    ),
    CITE.fragmentation,
  );
};

/** Strict enforcement with no green subsidies closes polluters rather than cleaning them. */
const strictWithoutSupport: HintRule = (facts) => {
  const env = town(facts).plan.environment;
  if (env.enforcement !== 'strict' || env.greenSubsidy > 0) return null;
  const w = worst(losses(facts, 'strictEnforcement'));
  if (!w) return null;
  const s = SECTOR_NAMES[w.sector];
  return hint(
    'strictWithoutSupport',
    20 + points(facts, w.count),
    text(
      `Strict enforcement closed ${w.count} ${s.en} firms. Without green-upgrading subsidies polluters close or move to lax towns instead of cleaning up; green technology is a public good worth funding.`,
      `严格执法使${w.count}家${s.zh}企业关闭。没有绿色升级补贴，污染企业只会关门或迁往执法宽松的地方，而不是治理污染；绿色技术是值得公共财政支持的公共产品。`,
    ),
    CITE.greenSupport,
  );
};

/** Support withdrawn from a sector: Foshan's ceramics (001 ¶20). */
const supportWithdrawn: HintRule = (facts) => {
  const w = worst(losses(facts, 'supportWithdrawn'));
  if (!w) return null;
  const s = SECTOR_NAMES[w.sector];
  return hint(
    'supportWithdrawn',
    15 + points(facts, w.count),
    text(
      `Withdrawing support cost ${w.count} ${s.en} firms: as in Foshan, less support and a binding respect of the law make firms close or move. Grow other sectors to take up the jobs.`,
      `撤销扶持使${w.count}家${s.zh}企业流失：和佛山一样，扶持减少、执法严格会让企业关闭或外迁。要发展其他产业来吸纳就业。`,
    ),
    CITE.withdrawn,
  );
};

/** Local firms moving out, largest destination first. */
function movesOut(facts: RoundFacts, keep: (sector: SectorId) => boolean) {
  const moves = eventsOf(facts, 'FirmsRelocated').filter(
    (e) => e.from === facts.townId && e.kind === 'sme' && keep(e.sector),
  );
  const count = moves.reduce((a, e) => a + e.count, 0);
  const top = [...moves].sort((a, b) => b.count - a.count || (a.to < b.to ? -1 : 1))[0];
  return { count, top };
}

/** A sector the town pushes out: strict law on a polluter, or support withdrawn (001 ¶20). */
function pushedOut(t: TownState, sector: SectorId): boolean {
  const p = SECTORS[sector];
  const polluter = Math.max(p.airPollution, p.waterPollution) >= 0.5;
  return (
    (polluter && t.plan.environment.enforcement === 'strict') ||
    t.plan.preferential.withdrawSectors.includes(sector)
  );
}

/** Polluters leaving a strict town, likely for lax neighbours (Foshan, 001 ¶20). */
const pollutersLeave: HintRule = (facts) => {
  const t = town(facts);
  const { count, top } = movesOut(facts, (sector) => pushedOut(t, sector));
  if (count === 0 || !top) return null;
  const s = SECTOR_NAMES[top.sector];
  const dest = nameOf(facts, top.to);
  return hint(
    'pollutersLeave',
    15 + points(facts, count),
    text(
      `${count} firms your rules push out moved away, most of them ${s.en} firms to ${dest.en}: as in Foshan, firms close or move to places that still tolerate them, and take their smoke with them.`,
      `${count}家受你的政策挤压的企业迁走了，大多是迁往${dest.zh}的${s.zh}企业：和佛山一样，企业要么关闭，要么迁往仍然容忍它们的地方，连同污染一起带走。`,
    ),
    CITE.ceramicsMove,
  );
};

/** Local firms moving out or closing as wages and land grow dear (003 §4.2). */
const risingCosts: HintRule = (facts) => {
  const before = town(facts, 'before');
  const national = facts.before.national;
  const dear = before.wage / national >= 1.2 || before.landPrice / national >= 1.5;
  if (!dear) return null;
  const t = town(facts);
  const { count: moved, top } = movesOut(facts, (sector) => !pushedOut(t, sector));
  const closed = [
    ...losses(facts, 'wages').values(),
    ...losses(facts, 'landCosts').values(),
  ].reduce((a, b) => a + b, 0);
  if (moved + closed === 0) return null;
  const movedText = top
    ? text(
        `${moved} firms moved out, most to ${nameOf(facts, top.to).en}, and`,
        `${moved}家企业迁出，大多去了${nameOf(facts, top.to).zh}，另有`,
      )
    : text('', '');
  return hint(
    'risingCosts',
    10 + points(facts, moved + closed),
    text(
      `${movedText.en} ${closed} closed on wages and land costs. As a town grows dear, labour-intensive firms move to cheaper places inland: upgrade them or grow higher-value sectors.`.trim(),
      `${movedText.zh}${closed}家企业因工资和地价上涨而倒闭。城市成本上升后，劳动密集型企业会迁往内地成本更低的地方：要么推动它们升级，要么发展附加值更高的产业。`,
    ),
    CITE.risingCosts,
  );
};

/** Firms arriving from costlier towns: cluster diffusion inland (Chengdu shoes, 003 §4.2). */
const relocationIn: HintRule = (facts) => {
  const moves = eventsOf(facts, 'FirmsRelocated').filter((e) => e.to === facts.townId);
  const count = moves.reduce((a, e) => a + e.count, 0);
  if (count < 3) return null;
  const top = [...moves].sort((a, b) => b.count - a.count || (a.from < b.from ? -1 : 1))[0];
  const from = nameOf(facts, top.from);
  const s = SECTOR_NAMES[top.sector];
  return hint(
    'relocationIn',
    8 + Math.min(20, (100 * count) / Math.max(1, totalFirms(town(facts)))),
    text(
      `${count} firms moved in, most of them ${s.en} firms from ${from.en}: rising costs elsewhere spread clusters to cheaper towns, as footwear spread to Chengdu. Land, roads and skilled workers make them stay.`,
      `${count}家企业迁入，大多是来自${from.zh}的${s.zh}企业：别处成本上升，产业集群就向成本更低的城镇扩散，就像鞋业扩散到成都。土地、道路和熟练工人能让它们留下来。`,
    ),
    CITE.chengdu,
  );
};

/** Export orders collapsing (2008, 003 §6.2). */
const exportShock: HintRule = (facts) => {
  const total = [...losses(facts, 'exportShock').values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return hint(
    'exportShock',
    20 + points(facts, total),
    text(
      `${total} firms closed as export orders fell. Clusters that rely mostly on exports are hit hardest; serving domestic demand and upgrading soften the shock.`,
      `${total}家企业因出口订单下滑而倒闭。主要依赖出口的集群受冲击最重；转向内需和产业升级可以缓冲冲击。`,
    ),
    CITE.exportShock,
  );
};

/** Buyers' eco-standards (RoHS, WEEE, 003 §6.3). */
const ecoStandards: HintRule = (facts) => {
  const w = worst(losses(facts, 'ecoStandards'));
  if (!w) return null;
  const s = SECTOR_NAMES[w.sector];
  return hint(
    'ecoStandards',
    10 + points(facts, w.count),
    text(
      `${w.count} ${s.en} exporters closed under buyers' eco-standards (RoHS, WEEE). Green upgrading keeps polluting exporters in their markets.`,
      `${w.count}家${s.zh}出口企业因买方的环保标准（RoHS、WEEE）而倒闭。绿色升级才能让污染型出口企业保住市场。`,
    ),
    CITE.ecoStandards,
  );
};

/** A leading enterprise emerged (002 §3.2). */
const leadingEnterprise: HintRule = (facts) => {
  const e = eventsOf(facts, 'LeadingEnterpriseEmerged').find((x) => x.town === facts.townId);
  if (!e) return null;
  const s = SECTOR_NAMES[e.sector];
  return hint(
    'leadingEnterprise',
    7,
    text(
      `A leading enterprise has grown out of your ${s.en} cluster. Leading firms anchor suppliers and spin-offs: support it and bring small suppliers into its network.`,
      `你的${s.zh}集群中成长起一家龙头企业。龙头企业能带动配套和衍生企业：要扶持它，并把小型配套企业纳入它的网络。`,
    ),
    CITE.leading,
  );
};

/** Small firms shaken out as technology rises (Xiqiao, 003 Table 6). */
const shakeOut: HintRule = (facts) => {
  const w = worst(losses(facts, 'shakeOut'));
  // A trickle of exits as technology diffuses is no shake-out; a centre's jump in it is.
  if (!w || w.count < Math.max(5, 0.02 * firmCount(town(facts, 'before').industries[w.sector])))
    return null;
  const s = SECTOR_NAMES[w.sector];
  return hint(
    'shakeOut',
    5 + points(facts, w.count) / 2,
    text(
      `${w.count} small ${s.en} firms closed as technology rose: an upgrading shake-out. In Xiqiao firms fell from 1,590 to 1,380 after the innovation centre opened while output more than doubled.`,
      `随着技术水平提高，${w.count}家小型${s.zh}企业退出：这是升级中的洗牌。西樵建立创新中心后，企业从1590家减少到1380家，产值却翻了一番多。`,
    ),
    CITE.shakeOut,
  );
};

export const FIRM_RULES: readonly HintRule[] = [
  emptyBox,
  footloosePlants,
  raceToTheBottom,
  fragmentation,
  strictWithoutSupport,
  supportWithdrawn,
  pollutersLeave,
  risingCosts,
  relocationIn,
  exportShock,
  ecoStandards,
  leadingEnterprise,
  shakeOut,
];
