/**
 * The synchronised room state (decorator-free @colyseus/schema 3 API). Public figures of every
 * town go to everyone; `TownPrivate` is tagged with `view: true`, so it reaches only the clients
 * whose StateView holds it: the town's own members and the instructor (issue 3, "privacy").
 * Structured private data travels as JSON strings: it changes once per edit or round, and the
 * client parses it with the same shared types the engine uses.
 */
import { schema, type SchemaType } from '@colyseus/schema';

export const TownPrivate = schema(
  {
    /** Full TownState of the engine (JSON). */
    detail: 'string',
    /** The shared draft plan of the town's team (JSON TownPlan). */
    draft: 'string',
    /** Increments on every accepted edit, so clients can ignore stale echoes. */
    draftVersion: { type: 'number', default: 0 },
    /** validatePlan errors of the whole draft (JSON PlanError[]), e.g. over budget. */
    draftErrors: 'string',
    /** Explanations of the last round's headline changes (JSON Explanation[]). */
    explanations: 'string',
    /**
     * Indicators after each round, for charts: one JSON TownIndicators per resolved round. Only
     * appended, so each round sends its new entry rather than the whole history again.
     */
    history: { array: 'string' },
    /** The town's private objective per portfolio (JSON Record<Portfolio, string>). */
    briefing: 'string',
    submittedBy: 'string',
    /** The team's draft of its one-line reason (issue 15): any member edits it. */
    why: 'string',
    /** The reason the mayor submitted with this round's plan ('' before a submit or without one). */
    submittedWhy: 'string',
    /**
     * The reasons logged with the town's plans, round by round (JSON { round, by, why }[]; issue
     * 15): the instructor's panel and a solo player's end report read them.
     */
    reasons: 'string',
    /** The advisor's hints after the last round (JSON AdvisorHint[], at most 3). */
    advisor: 'string',
    /** A campaign chapter's outcome so far (JSON Outcome), on the player's town only. */
    outcome: 'string',
    /**
     * Standing policies the caretaker could not keep last round because they no longer fit the
     * budget (JSON CaretakerDrop[]: path and what the town had), so the team sees why.
     */
    caretaker: 'string',
  },
  'TownPrivate',
);
export type TownPrivate = SchemaType<typeof TownPrivate>;

export const TownPublic = schema(
  {
    id: 'string',
    name: 'string',
    /** The town's public figures (JSON PublicTown from shared/protocol/public). */
    figures: 'string',
    human: { type: 'boolean', default: false },
    /** Computer strategy playing an empty seat, or '' for a human town. */
    bot: 'string',
    members: { type: 'number', default: 0 },
    connected: { type: 'number', default: 0 },
    submitted: { type: 'boolean', default: false },
    private: { type: TownPrivate, view: true },
  },
  'TownPublic',
);
export type TownPublic = SchemaType<typeof TownPublic>;

export const Player = schema(
  {
    id: 'string',
    name: 'string',
    townId: 'string',
    /** Comma-separated portfolios (mayor, investment, construction, science, environment). */
    portfolios: 'string',
    connected: 'boolean',
  },
  'Player',
);
export type Player = SchemaType<typeof Player>;

export const ClassroomState = schema(
  {
    protocol: 'number',
    title: 'string',
    scenarioId: 'string',
    language: 'string',
    /** 'classroom' or 'solo' (self-paced: the player continues from the results). */
    mode: 'string',
    phase: 'string',
    round: 'number',
    rounds: 'number',
    year: 'number',
    /** Epoch ms when the running phase ends; 0 when there is no timer or it is paused. */
    deadline: { type: 'number', default: 0 },
    /** Time left on a paused timer, ms. */
    remainingMs: { type: 'number', default: 0 },
    paused: { type: 'boolean', default: false },
    locked: { type: 'boolean', default: false },
    diplomacy: 'boolean',
    caretaker: 'boolean',
    instructorConnected: { type: 'boolean', default: false },
    towns: { map: TownPublic },
    players: { map: Player },
    /** Briefing items, announcements and statements of the match (JSON NewsItem each). */
    news: { array: 'string' },
    /** Public events of the last round (JSON MatchEvent[]): relocations, FDI, timeline. */
    lastEvents: 'string',
    /** Open diplomacy proposals (JSON Proposal[]). */
    proposals: 'string',
    stateHash: 'string',
    /** The match without towns and PRNG (JSON MatchContext), for clients to cost their plans. */
    context: 'string',
  },
  'ClassroomState',
);
export type ClassroomState = SchemaType<typeof ClassroomState>;
