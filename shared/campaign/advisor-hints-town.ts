/**
 * Advisor rules that read the town as a whole: its budget and works, its status as a
 * specialised town, its services, skills, migrants and pollution.
 */
import { debtLimit } from '../engine/costs';
import { industrialEmployment } from '../engine/industry';
import { WORKERS_PER_LEVEL } from '../engine/infrastructure';
import { pollutionIndex } from '../engine/pollution';
import type { InfraKind } from '../engine/types';
import { eventsOf, hint, nameOf, town, type HintRule } from './advisor-facts';
import { CITE } from './advisor-citations';
import { percent, SECTOR_NAMES, text, whole } from './text';

const BIG_WORKS: readonly InfraKind[] = ['roads', 'power', 'port', 'park'];

/** Debt above the borrowing limit, or upkeep eating the budget (Zhuhai's airport, 003 §3.3). */
const overbuilt: HintRule = (facts) => {
  const t = town(facts);
  const limit = debtLimit(t, facts.after);
  const fiscal = facts.result.explanations.find(
    (e) => e.town === facts.townId && e.metric === 'fiscalBalance',
  );
  const cost = (code: 'upkeep' | 'interest'): number =>
    -(fiscal?.causes.find((c) => c.cause === code)?.amount ?? 0);
  const upkeep = cost('upkeep') + cost('interest');
  const revenue = Math.max(1e-9, t.last.revenue);
  const over = t.debt > limit;
  // Borrowing for big works while roads and power already serve far more workers than the
  // town employs: capacity beyond demand.
  const capacity = (1 + (t.infra.roads + t.infra.power) / 2) * WORKERS_PER_LEVEL;
  const idle = capacity > 1.5 * Math.max(1, industrialEmployment(t));
  const building = t.infra.projects.some((p) => BIG_WORKS.includes(p.kind));
  const draining = t.debt > 0 && building && idle && upkeep >= 0.3 * revenue;
  if (!over && !draining) return null;
  const head = over
    ? text(
        `Debt of ${whole(t.debt)} M RMB is above your borrowing limit of ${whole(limit)}.`,
        `债务${whole(t.debt)}百万元已超过借款上限${whole(limit)}。`,
      )
    : text(
        `Upkeep and interest take ${percent(upkeep / revenue)} of your revenue.`,
        `维护费和利息占去了财政收入的${percent(upkeep / revenue)}。`,
      );
  return hint(
    'overbuilt',
    over ? 40 : 15,
    text(
      `${head.en} Works built beyond demand drain the budget, as Zhuhai's oversized airport did: build what firms will use.`,
      `${head.zh}超出需求的工程会拖垮财政，就像珠海规模过大的机场：只建企业用得上的设施。`,
    ),
    CITE.airport,
  );
};

/** Becoming (or ceasing to be) a specialised town (000 §4). */
const specialisedTown: HintRule = (facts) => {
  const gained = eventsOf(facts, 'TownBecameSpecialised').find((e) => e.town === facts.townId);
  const lost = eventsOf(facts, 'TownLostSpecialisation').find((e) => e.town === facts.townId);
  if (!gained && !lost) return null;
  const tn = nameOf(facts, facts.townId);
  if (gained) {
    const s = SECTOR_NAMES[gained.sector];
    return hint(
      'specialisedTown',
      18,
      text(
        `${tn.en} is now a specialised ${s.en} town, with at least 30 % of its production and employment in one industry. Specialised towns qualify for funds for a technology innovation centre.`,
        `${tn.zh}已成为${s.zh}专业镇：至少30%的产值和就业集中在一个产业。专业镇有资格获得建设技术创新中心的资金。`,
      ),
      CITE.specialised,
    );
  }
  const s = SECTOR_NAMES[lost!.sector];
  return hint(
    'specialisedTown',
    12,
    text(
      `${tn.en} is no longer a specialised ${s.en} town: that sector has fallen below 30 % of production or employment, and with it the claim to innovation-centre funds.`,
      `${tn.zh}不再是${s.zh}专业镇：该产业已低于产值或就业的30%，也就失去了申请创新中心资金的资格。`,
    ),
    CITE.specialised,
  );
};

/** A specialised town with the provincial grant on offer but no centre (003 §4.3). */
const innovationCentreGrant: HintRule = (facts) => {
  const t = town(facts);
  const sector = t.specialisedSector;
  if (!facts.after.conditions.specialisedTownGrant || !sector) return null;
  if (t.plan.innovation.centres.includes(sector)) return null;
  const s = SECTOR_NAMES[sector];
  return hint(
    'innovationCentreGrant',
    6,
    text(
      `The province pays part of a technology innovation centre in every specialised town, matched by local money (RMB 300,000 each in Guangdong). Your ${s.en} cluster qualifies.`,
      `省里为每个专业镇出资建设技术创新中心，地方配套（广东每镇30万元）。你的${s.zh}集群符合条件。`,
    ),
    CITE.centreGrant,
  );
};

/** Services lagging behind the population: "isolated islands" lose talent (003 §6.5). */
const isolatedIsland: HintRule = (facts) => {
  const t = town(facts);
  if (t.publicServices >= 0.75) return null;
  return hint(
    'isolatedIsland',
    10 + 100 * (0.75 - t.publicServices),
    text(
      `Schools, clinics and housing cover only ${percent(t.publicServices)} of your residents. Towns whose services lag become "isolated islands" and lose talent: build housing and public services.`,
      `学校、医院和住房只能覆盖${percent(t.publicServices)}的居民。公共服务滞后的城镇会成为“孤岛”，留不住人才：要建设住房和公共服务。`,
    ),
    CITE.island,
  );
};

/** Low skills and nothing done to raise them (003 §6: clusters lack skilled personnel). */
const skillsGap: HintRule = (facts) => {
  const t = town(facts);
  const p = t.plan;
  if (t.skills >= 0.4) return null;
  if (p.innovation.vocationalSchool || p.innovation.universityPartnership) return null;
  if (p.preferential.talentHukou > 0) return null;
  return hint(
    'skillsGap',
    8,
    text(
      `Workforce skills are ${percent(t.skills)} and nothing in your plan raises them. Clusters short of skilled technicians and managers cannot upgrade: a vocational school or a university partnership builds them.`,
      `劳动力技能水平只有${percent(t.skills)}，而你的计划中没有任何提升技能的措施。缺乏技术和管理人才的集群难以升级：职业学校或与大学合作能够培养人才。`,
    ),
    CITE.skills,
  );
};

/** Many migrants and no hukou or talent incentives (003 §3.3). */
const hukou: HintRule = (facts) => {
  const t = town(facts);
  const share = t.migrants / Math.max(1, t.locals + t.migrants);
  if (share < 0.4 || t.plan.preferential.talentHukou > 0) return null;
  return hint(
    'hukou',
    5 + 10 * share,
    text(
      `Migrants are ${percent(share)} of your residents, without local registration. The zones kept skilled people with housing, schooling and help with "hukou" transfer: talent and hukou incentives turn migrants into residents.`,
      `外来人口占居民的${percent(share)}，却没有本地户口。特区靠住房、子女教育和户口迁移留住人才：人才和户籍激励能把外来务工者变成本地居民。`,
    ),
    CITE.hukou,
  );
};

/** High pollution, perhaps from upstream (003 §6.3). */
const pollution: HintRule = (facts) => {
  const t = town(facts);
  const p = pollutionIndex(t);
  if (p < 55) return null;
  const explained = facts.result.explanations.find(
    (e) => e.town === facts.townId && e.metric === 'pollution',
  );
  const spill = explained?.causes.find((c) => c.cause === 'downstreamSpill' && c.amount > 0);
  const upstream = spill?.town
    ? text(
        ` Part of the rise flows down the river from ${nameOf(facts, spill.town).en}.`,
        `部分污染顺河而下，来自${nameOf(facts, spill.town).zh}。`,
      )
    : text('', '');
  return hint(
    'pollution',
    10 + (p - 55),
    text(
      `Pollution stands at ${Math.round(p)}: it harms health and stability and shuts exporters out of markets with eco-standards.${upstream.en} Enforcement, wastewater plants and green subsidies bring it down.`,
      `污染指数达到${Math.round(p)}：损害健康和社会稳定，还会让出口企业被环保标准挡在市场之外。${upstream.zh}执法、污水处理厂和绿色补贴能降低污染。`,
    ),
    CITE.pollution,
  );
};

export const TOWN_RULES: readonly HintRule[] = [
  overbuilt,
  specialisedTown,
  innovationCentreGrant,
  isolatedIsland,
  skillsGap,
  hukou,
  pollution,
];
