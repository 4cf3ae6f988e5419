/**
 * Dev and test page for the scenes: plays a match of computer towns with the shared engine and
 * shows one town or the region.
 *
 *   /scene-preview.html?scenario=foshan-2007&seed=1&rounds=6&town=foshan&view=town&test=1
 *
 * Parameters: scenario, seed, rounds, town (id, default the first), view (town | region),
 * test=1 (no animation), before=1 (start on the "before" view), indicator (region colour),
 * hollow=1 (a synthetic town that lost half its firms: the real state becomes "before" and the
 * same state with every sector's firms halved becomes "after"), air / water (override the
 * town's pollution, 0–100, to compare skies), diplomacy=demo (add a sample proposal and public
 * statement to the region, since computer towns do not negotiate), showcase=1 (every sector
 * with every kind of firm, to review the art), lang (en | zh), policies=all (the chosen town
 * orders every building and programme a plan can: see policy-match.ts).
 */
import { FIRM_KINDS, SECTOR_IDS, type MatchState, type TownState } from '../shared';
import { playComputerMatch, type ComputerMatch } from './bot-match';
import { playPolicyMatch } from './policy-match';
import { publicTown } from '../shared/protocol/public';
import { isLanguage, setLanguage } from './i18n';
import { createGame, INDICATORS, type ClusterTownsGame, type MapProposal } from './scenes';

declare global {
  interface Window {
    __clusterTownsGame?: ClusterTownsGame;
  }
}

function play(scenario: string, seed: number, rounds: number, q: URLSearchParams): ComputerMatch {
  const town = q.get('town');
  if (q.get('policies') === 'all' && town) return playPolicyMatch(scenario, seed, rounds, town);
  return playComputerMatch(scenario, seed, rounds);
}

/** The same town with every sector's firms halved: a town that lost half its firms. */
function hollowed(town: TownState): TownState {
  const copy = structuredClone(town);
  for (const s of SECTOR_IDS)
    for (const k of FIRM_KINDS)
      copy.industries[s].firms[k] = Math.floor(town.industries[s].firms[k] / 2);
  return copy;
}

/** Every sector with SMEs, foreign plants, a leading enterprise and an SOE: the art on show. */
function showcase(town: TownState): TownState {
  const copy = structuredClone(town);
  for (const s of SECTOR_IDS)
    copy.industries[s].firms = { sme: 60, foreign: 10, leading: 1, soe: 1 };
  copy.infra.markets = [...SECTOR_IDS];
  copy.infra.park = 2;
  copy.infra.wastewater = 1;
  return copy;
}

function withPollution(town: TownState, air: string | null, water: string | null): TownState {
  if (air === null && water === null) return town;
  const copy = structuredClone(town);
  if (air !== null) copy.airPollution = Number(air);
  if (water !== null) copy.waterPollution = Number(water);
  return copy;
}

/** A sample of what players send each other, to see how the map shows it. */
function demoDiplomacy(state: MatchState): MapProposal[] {
  const [a, b, c] = state.towns;
  if (!a || !b) return [];
  return [
    { from: a.id, to: [b.id, ...(c ? [c.id] : [])], kind: 'cofundCentre' },
    {
      from: b.id,
      to: [],
      kind: 'statement',
      text: 'We will clean up the river if upstream towns do too.',
    },
  ];
}

function proposalsOf(played: ComputerMatch): MapProposal[] {
  const out: MapProposal[] = played.state.proposals
    .filter((p) => p.round >= played.previous.round)
    .map((p) => ({ from: p.from, to: p.to, kind: p.kind }));
  for (const e of played.events)
    if (e.type === 'StatementPosted')
      out.push({ from: e.town, to: [], kind: 'statement', text: e.text });
  return out;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function main(): void {
  const q = new URLSearchParams(location.search);
  const lang = q.get('lang');
  if (isLanguage(lang)) setLanguage(lang);
  const scenario = q.get('scenario') ?? 'foshan-2007';
  const played = play(scenario, Number(q.get('seed') ?? 1), Number(q.get('rounds') ?? 6), q);
  const stage = document.getElementById('stage');
  const bar = document.getElementById('bar');
  if (!stage || !bar) return;
  const renderer = q.get('renderer');
  const game = createGame(stage, {
    testMode: q.get('test') === '1',
    renderer: renderer === 'canvas' || renderer === 'webgl' ? renderer : 'auto',
  });
  window.__clusterTownsGame = game;
  const names = Object.fromEntries(played.state.towns.map((t) => [t.id, t.name]));
  const townId = q.get('town') ?? played.state.towns[0].id;

  const showTown = (id: string) => {
    const real = played.state.towns.find((t) => t.id === id) ?? played.state.towns[0];
    const before = played.previous.towns.find((t) => t.id === real.id);
    const hollow = q.get('hollow') === '1';
    const base = q.get('showcase') === '1' ? showcase(real) : real;
    const current = withPollution(hollow ? hollowed(base) : base, q.get('air'), q.get('water'));
    const previous = hollow ? base : before;
    game.showTown(current, previous, hollow ? [] : played.events, names, {
      centres: played.state.centres,
      towns: played.state.towns.map((t) => ({ id: t.id, geo: t.geo })),
    });
  };
  const showRegion = () => {
    const demo = q.get('diplomacy') === 'demo' ? demoDiplomacy(played.state) : [];
    game.showRegion(played.state.towns.map(publicTown), played.events, [
      ...proposalsOf(played),
      ...demo,
    ]);
    const indicator = q.get('indicator');
    if (indicator) game.setIndicator(indicator);
  };

  const select = document.createElement('select');
  select.setAttribute('aria-label', 'Town');
  for (const t of played.state.towns)
    select.append(new Option(t.name, t.id, false, t.id === townId));
  select.addEventListener('change', () => showTown(select.value));
  const indicators = document.createElement('select');
  indicators.setAttribute('aria-label', 'Indicator');
  for (const k of INDICATORS) indicators.append(new Option(k, k));
  indicators.addEventListener('change', () => game.setIndicator(indicators.value));
  const before = button('Before', () => game.showView('before'));
  const after = button('After', () => game.showView('after'));
  const status = document.createElement('span');
  status.textContent = `${scenario}, ${played.state.year}, round ${played.state.round}`;
  bar.append(
    select,
    button('Town', () => showTown(select.value)),
    button('Region', showRegion),
    before,
    after,
    indicators,
    status,
  );

  if (q.get('view') === 'region') showRegion();
  else {
    showTown(townId);
    if (q.get('before') === '1') game.showView('before');
  }
}

main();
