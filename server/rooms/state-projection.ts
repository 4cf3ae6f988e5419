/**
 * The Colyseus state is a view of the match (STYLE.md point 6): these functions map the engine's
 * MatchState, and the room's seats and submissions, onto the schema. Public figures go to every
 * town's entry; the full TownState, history and explanations go to `private`, which StateView
 * shows only to the town's members and the instructor. Nothing here decides anything.
 */
import type {
  MatchState,
  RoundResult,
  StrategyId,
  TownIndicators,
  TownPlan,
} from '../../shared/index';
import { findEvent } from '../../shared/index';
import type { NewsItem } from '../../shared/protocol/messages';
import { matchContext, publicTown } from '../../shared/protocol/public';
import type { NoteRecord } from '../store/match-store';
import { type ClassroomState, TownPrivate, TownPublic } from './classroom-state';
import { objectivesFor } from './objectives';
import { membersOf, type Seat } from './seats';

/** One public entry, with its private part, per town of a new or restored match. */
export function createTownViews(state: ClassroomState, match: MatchState): void {
  for (const town of match.towns) {
    const pub = new TownPublic();
    pub.id = town.id;
    pub.name = town.name;
    pub.private = new TownPrivate();
    pub.private.briefing = JSON.stringify(objectivesFor());
    state.towns.set(town.id, pub);
  }
}

/**
 * The economy's figures: serialised only when the match state changes (creation, restore,
 * each resolved round), never per message, as they are the bulk of the state.
 */
export function projectEconomy(
  state: ClassroomState,
  match: MatchState,
  history: ReadonlyMap<string, readonly TownIndicators[]>,
): void {
  for (const town of match.towns) {
    const pub = state.towns.get(town.id)!;
    pub.figures = JSON.stringify(publicTown(town));
    pub.private.detail = JSON.stringify(town);
    // Append only what the synchronised history is missing (a round, or all after a restore).
    const list = history.get(town.id) ?? [];
    const synced = pub.private.history;
    while (synced.length < list.length) synced.push(JSON.stringify(list[synced.length]));
  }
  state.proposals = JSON.stringify(match.proposals.filter((p) => p.status === 'open'));
  state.context = JSON.stringify(matchContext(match));
}

/** Seat and submission figures: cheap, refreshed on every join, leave and submission. */
export function projectTowns(
  state: ClassroomState,
  match: MatchState,
  seats: Iterable<Seat>,
  bots: ReadonlyMap<string, StrategyId>,
  submissions: ReadonlyMap<string, { plan: TownPlan; by: string }>,
): void {
  const all = [...seats];
  for (const town of match.towns) {
    const pub = state.towns.get(town.id)!;
    const members = membersOf(all, town.id);
    pub.members = members.length;
    pub.connected = members.filter((m) => m.sessionId !== null).length;
    pub.human = members.length > 0;
    pub.bot = pub.human ? '' : (bots.get(town.id) ?? '');
    pub.submitted = submissions.has(town.id);
    pub.private.submittedBy = submissions.get(town.id)?.by ?? '';
  }
}

/** A resolved round: the new hash and year, each town's explanations, the public events. */
export function projectResults(state: ClassroomState, match: MatchState, result: RoundResult) {
  state.year = match.year;
  state.stateHash = result.hash;
  for (const town of match.towns) {
    state.towns.get(town.id)!.private.explanations = JSON.stringify(
      result.explanations.filter((e) => e.town === town.id),
    );
  }
  state.lastEvents = JSON.stringify(result.events);
}

/** A stored note (announcement, statement, event card, control) as a line of the news feed. */
export function newsOfNote(note: NoteRecord, year: number): NewsItem {
  const kinds: Record<NoteRecord['kind'], NewsItem['kind']> = {
    announcement: 'announcement',
    statement: 'statement',
    eventCard: 'card',
    control: 'control',
  };
  const event = note.kind === 'eventCard' ? findEvent(note.text) : undefined;
  return {
    kind: kinds[note.kind],
    round: note.round,
    year,
    text: event ? event.title : note.text,
    eventId: event?.id,
    author: note.author,
    at: note.at,
  };
}
