/**
 * The Colyseus state is a view of the session (STYLE.md point 6): `projectSession` maps the
 * machine's session onto the schema, touching only what changed since the last projection
 * (Immer keeps unchanged parts of a session identical, so a reference check finds them). Public
 * figures go to every town's entry; the full TownState, drafts, history and explanations go to
 * `private`, which StateView shows only to the town's members and the instructor.
 */
import { advisorHints, evaluateOutcome, findCampaignEntry } from '../../shared/campaign/index';
import { findScenario, type MatchState } from '../../shared/index';
import { matchContext, publicTown } from '../../shared/protocol/public';
import { PROTOCOL_VERSION } from '../../shared/protocol/messages';
import type { StateView } from '@colyseus/schema';
import type { WelcomeMessage } from '../../shared/protocol/wire-messages';
import type { Session } from '../session/types';
import { membersOf } from '../session/seat-rules';
import { ClassroomState, Player, TownPrivate, TownPublic } from './classroom-state';
import { objectivesFor } from './objectives';

/** A fresh schema state for a session: header fields and one entry per town. */
export function createView(session: Session): ClassroomState {
  const state = new ClassroomState();
  const config = session.config;
  state.protocol = PROTOCOL_VERSION;
  state.title = config.title ?? findScenario(config.scenarioId)?.title ?? '';
  state.scenarioId = config.scenarioId;
  state.language = config.language;
  state.mode = config.mode ?? 'classroom';
  state.rounds = session.totalRounds;
  for (const town of session.match.towns) {
    const pub = new TownPublic();
    pub.id = town.id;
    pub.name = town.name;
    pub.private = new TownPrivate();
    pub.private.briefing = JSON.stringify(objectivesFor());
    state.towns.set(town.id, pub);
  }
  projectSession(state, session, null);
  return state;
}

function projectEconomy(state: ClassroomState, session: Session): void {
  const match = session.match;
  const last = session.last;
  const campaign = session.config.campaignId
    ? findCampaignEntry(session.config.campaignId)
    : undefined;
  for (const town of match.towns) {
    const pub = state.towns.get(town.id)!;
    pub.figures = JSON.stringify(publicTown(town));
    pub.private.detail = JSON.stringify(town);
    // Append only what the synchronised history is missing (a round, or all after a restore).
    const list = session.history[town.id] ?? [];
    const synced = pub.private.history;
    while (synced.length < list.length) synced.push(JSON.stringify(list[synced.length]));
    if (last) {
      pub.private.explanations = JSON.stringify(
        last.result.explanations.filter((e) => e.town === town.id),
      );
      const human = membersOf(Object.values(session.seats), town.id).length > 0;
      if (human || campaign?.playerTown === town.id) {
        pub.private.advisor = JSON.stringify(advisorHints(last.before, last.result, town.id));
      }
    }
    pub.private.caretaker = JSON.stringify(session.caretakerDrops[town.id] ?? []);
    pub.private.reasons = JSON.stringify(reasonsOf(session, town.id));
  }
  if (campaign) {
    const pub = state.towns.get(campaign.playerTown);
    const states: MatchState[] = session.campaignStates;
    if (pub) pub.private.outcome = JSON.stringify(evaluateOutcome(campaign, states, pub.id));
  }
  state.stateHash = session.log.rounds.at(-1)?.hash ?? session.log.initialHash;
  state.lastEvents = last ? JSON.stringify(last.result.events) : '';
  state.proposals = JSON.stringify(match.proposals.filter((p) => p.status === 'open'));
  state.context = JSON.stringify(matchContext(match));
}

/** The reasons logged with a town's plans, round by round (issue 15). */
function reasonsOf(session: Session, townId: string): { round: number; by: string; why: string }[] {
  return session.log.rounds.flatMap((round) => {
    const sub = round.submissions?.filter((s) => s.town === townId && s.why).at(-1);
    return sub?.why ? [{ round: round.round, by: sub.by, why: sub.why }] : [];
  });
}

function projectSeats(state: ClassroomState, session: Session): void {
  const seats = Object.values(session.seats);
  for (const seat of seats) {
    if (seat.removed) {
      state.players.delete(seat.playerId);
      continue;
    }
    const player = state.players.get(seat.playerId) ?? new Player();
    player.id = seat.playerId;
    player.name = seat.name;
    player.townId = seat.townId ?? '';
    player.portfolios = seat.portfolios.join(',');
    player.connected = seat.connected;
    if (!state.players.has(seat.playerId)) state.players.set(seat.playerId, player);
  }
  for (const town of session.match.towns) {
    const pub = state.towns.get(town.id)!;
    const members = membersOf(seats, town.id);
    pub.members = members.length;
    pub.connected = members.filter((m) => m.connected).length;
    pub.human = members.length > 0;
    pub.bot = pub.human ? '' : (session.bots[town.id] ?? '');
  }
}

function projectDrafts(state: ClassroomState, session: Session, prev: Session | null): void {
  for (const town of session.match.towns) {
    const pub = state.towns.get(town.id)!;
    const submission = session.submissions[town.id];
    pub.submitted = submission !== undefined;
    pub.private.submittedBy = submission?.by ?? '';
    pub.private.submittedWhy = submission?.why ?? '';
    pub.private.why = session.whys?.[town.id] ?? '';
    const draft = session.drafts[town.id];
    if (prev && draft === prev.drafts[town.id] && session.match === prev.match) continue;
    pub.private.draftVersion = session.draftVersions[town.id] ?? 0;
    pub.private.draft = JSON.stringify(draft ?? freshPlan(session.match, town.id));
    pub.private.draftErrors = JSON.stringify(session.draftErrors[town.id] ?? []);
  }
}

function freshPlan(match: MatchState, townId: string): unknown {
  const town = match.towns.find((t) => t.id === townId)!;
  return { ...town.plan, build: [], diplomacy: { proposals: [], responses: [] } };
}

function projectNews(state: ClassroomState, session: Session, prev: Session | null): void {
  if (prev && session.news === prev.news) return;
  // Items are kept by reference from one session to the next: append only those after the last
  // one already shown, then trim to the session's own length.
  const lastShown = prev?.news.at(-1);
  const from = lastShown ? session.news.lastIndexOf(lastShown) + 1 : 0;
  if (from === 0) state.news.splice(0, state.news.length);
  for (const item of session.news.slice(from)) state.news.push(JSON.stringify(item));
  while (state.news.length > session.news.length) state.news.shift();
}

/** Bring the schema in line with the session, given the session it last showed (or null). */
export function projectSession(
  state: ClassroomState,
  session: Session,
  prev: Session | null,
): void {
  state.phase = session.phase;
  state.round = session.round;
  state.year = session.year;
  state.deadline = session.deadline;
  state.remainingMs = session.remainingMs;
  state.paused = session.paused;
  state.locked = session.locked;
  state.diplomacy = session.diplomacy;
  state.caretaker = session.caretaker;
  state.instructorConnected = session.instructorConnections > 0;
  if (!prev || session.match !== prev.match) projectEconomy(state, session);
  if (!prev || session.seats !== prev.seats || session.match !== prev.match) {
    projectSeats(state, session);
  }
  projectDrafts(state, session, prev);
  projectNews(state, session, prev);
}

/**
 * What a connection may see: every town's private part for the instructor, its own town's for
 * a student (after a move, the new town's and no longer the old one's).
 */
export function syncView(
  view: StateView,
  state: ClassroomState,
  session: Session,
  who: { playerId: string | null; instructor: boolean },
): void {
  const townId = who.playerId ? session.seats[who.playerId]?.townId : null;
  for (const town of state.towns.values()) {
    const visible = who.instructor || town.id === townId;
    if (visible && !view.has(town.private)) view.add(town.private);
    if (!visible && view.has(town.private)) view.remove(town.private);
  }
}

/** The `welcome` message of a connection (docs/protocol.md). */
export function welcomeOf(
  session: Session,
  playerId: string | null,
  ids: { code: string; matchId: string; seatToken?: string },
): WelcomeMessage {
  const seat = playerId ? session.seats[playerId] : undefined;
  if (!seat) return { instructor: true, code: ids.code, matchId: ids.matchId };
  return {
    instructor: false,
    playerId: seat.playerId,
    seatToken: ids.seatToken,
    townId: seat.townId,
    portfolios: seat.portfolios,
    code: ids.code,
  };
}

/** The lobby's listing of a session: a public one shows its code so it can be joined. */
export function metadataOf(session: Session, code: string): Record<string, string> {
  const config = session.config;
  return {
    title: config.title ?? findScenario(config.scenarioId)?.title ?? '',
    scenarioId: config.scenarioId,
    ...(config.visibility === 'private' ? {} : { code }),
  };
}
