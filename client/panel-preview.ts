/**
 * Development and test page for the DOM panels: creates a match, lets computer towns play a
 * couple of rounds, then mounts the policy panel and the results panel for one town, keeping
 * the draft in memory as the server would.
 *
 * Query: ?scenario=open-door-1980&seed=7&town=foshan&rounds=2&portfolios=mayor,investment
 *        &lang=zh&deadline=600 (seconds from now, or "none")
 * Exposes window.__panel = { draft, submitted, errors } for the end-to-end test, and
 * window.__panelApi.pushDraft(draft) to play a teammate's edit arriving from the server.
 */
import {
  STRATEGY_IDS,
  caretakerPlan,
  createMatch,
  computerPlans,
  resolveRound,
  type Explanation,
  type MatchEvent,
  type MatchState,
  type PlanError,
  type TownIndicators,
  type TownPlan,
} from '../shared';
import { isLanguage, setLanguage } from './i18n';
import { mountNewsTicker } from './panel/news';
import { parsePortfolios } from './panel/panel-model';
import { mountPolicyPanel } from './panel/policy-panel';
import { mountResultsPanel } from './panel/results-panel';
import { townNews } from './panel/results-model';

declare global {
  interface Window {
    __panel?: { draft: TownPlan; submitted: boolean; errors: PlanError[] };
    __panelApi?: { pushDraft(draft: TownPlan): void };
  }
}

interface Played {
  state: MatchState;
  events: MatchEvent[];
  explanations: Explanation[];
  history: TownIndicators[];
}

function botPlans(state: MatchState, skip: string | null): Record<string, TownPlan> {
  return computerPlans(state, STRATEGY_IDS, new Set(skip ? [skip] : []));
}

/** Bots play `rounds` rounds; in the last one a neighbour makes this town a proposal. */
function play(scenario: string, seed: number, id: string, rounds: number): Played {
  let state = createMatch(scenario, { seed });
  const history: TownIndicators[] = [structuredClone(state.towns.find((t) => t.id === id)!.last)];
  let events: MatchEvent[] = [];
  let explanations: Explanation[] = [];
  for (let round = 0; round < rounds; round++) {
    const plans = botPlans(state, null);
    const neighbour = state.towns.find((t) => t.id !== id);
    if (round === rounds - 1 && neighbour && state.diplomacy) {
      const sector = neighbour.specialisedSector ?? 'textiles';
      plans[neighbour.id].diplomacy = {
        proposals: [{ kind: 'cofundCentre', to: [id], sector }],
        responses: [],
        statement: `${neighbour.name} invites its neighbours to share one innovation centre.`,
      };
    }
    const result = resolveRound(state, { plans, cards: [] });
    state = result.state;
    events = result.events;
    explanations = result.explanations;
    history.push(structuredClone(state.towns.find((t) => t.id === id)!.last));
  }
  return { state, events, explanations, history };
}

function main(): void {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  if (isLanguage(lang)) setLanguage(lang);
  const scenario = params.get('scenario') ?? 'open-door-1980';
  const seed = Number(params.get('seed') ?? 7);
  const rounds = Number(params.get('rounds') ?? 2);
  const deadlineParam = params.get('deadline') ?? '600';
  const portfolios = parsePortfolios(params.get('portfolios'));
  // Foshan is the brief's running example (001 ¶20) and starts with money to spend.
  const towns = createMatch(scenario, { seed }).towns.map((t) => t.id);
  const townId = params.get('town') ?? (towns.includes('foshan') ? 'foshan' : towns[0]);
  let played = play(scenario, seed, townId, rounds);
  const town = () => played.state.towns.find((t) => t.id === townId)!;
  const deadline = deadlineParam === 'none' ? null : Date.now() + Number(deadlineParam) * 1000;

  const title = document.getElementById('preview-title');
  if (title) title.textContent = `Cluster Towns — ${town().name} (${scenario}, seed ${seed})`;

  const exposed = {
    draft: caretakerPlan(town().plan),
    submitted: false,
    errors: [] as PlanError[],
  };
  window.__panel = exposed;

  const results = mountResultsPanel(document.getElementById('results')!, {
    state: played.state,
    townId,
    events: played.events,
    explanations: played.explanations,
    history: played.history,
  });
  const ticker = mountNewsTicker(document.getElementById('preview-ticker')!, {
    state: played.state,
    townId,
    events: townNews(played.events, townId).slice(0, 6),
  });
  const panel = mountPolicyPanel(document.getElementById('policy')!, {
    state: played.state,
    townId,
    draft: exposed.draft,
    portfolios,
    deadline,
    onChange(section, value) {
      // What the server would do with a draft update: store it and echo it to the team.
      exposed.draft = { ...exposed.draft, [section]: value };
      exposed.submitted = false;
      panel.update({ draft: exposed.draft, submitted: false });
      exposed.errors = panel.errors();
    },
    onSubmit() {
      exposed.submitted = true;
      panel.update({ submitted: true });
      exposed.errors = panel.errors();
    },
  });
  exposed.errors = panel.errors();

  window.__panelApi = {
    pushDraft(draft) {
      exposed.draft = structuredClone(draft);
      panel.update({ draft: exposed.draft });
      exposed.errors = panel.errors();
    },
  };

  document.getElementById('preview-next')?.addEventListener('click', () => {
    const plans = botPlans(played.state, townId);
    plans[townId] = exposed.draft;
    const result = resolveRound(played.state, { plans, cards: [] });
    played = {
      state: result.state,
      events: result.events,
      explanations: result.explanations,
      history: [
        ...played.history,
        structuredClone(result.state.towns.find((t) => t.id === townId)!.last),
      ],
    };
    exposed.draft = caretakerPlan(town().plan);
    exposed.submitted = false;
    results.update(played);
    ticker.push(townNews(result.events, townId).slice(0, 6), played.state);
    panel.update({ state: played.state, draft: exposed.draft, submitted: false });
    exposed.errors = panel.errors();
  });
}

main();
