/**
 * Who may appear in a research export (issue 15, part 5; docs/research-export.md, "Consent").
 * A student is in only with a recorded "I consent"; no answer counts as no. What a student did
 * alone identifies them, so a town played by one student is in only with that student's consent;
 * a team's plan is the team's, so it is in when at least one member consented, but a team's
 * one-line reason was typed by one member the log does not name, so it needs every member's yes.
 */
import type { MatchLog } from '../engine/match-log';
import type { ResearchParticipant, ResearchRecord } from '../debrief/extras';

/** A seat of the class: the player id and the town it played (no names, no tokens). */
export interface RosterSeat {
  participant: string;
  townId: string;
}

export const CONSENT_TEXT_MAX = 2000;

/** Each participant's latest answer (a student may change it until the match ends). */
export function latestConsent(record: ResearchRecord | null): Map<string, ResearchParticipant> {
  const out = new Map<string, ResearchParticipant>();
  for (const p of record?.participants ?? []) {
    const before = out.get(p.participant);
    if (!before || p.at >= before.at) out.set(p.participant, p);
  }
  return out;
}

/** Consent counts for the instructor's screen: who answered yes, no, and who has not yet. */
export function consentCounts(
  record: ResearchRecord | null,
  roster: readonly RosterSeat[],
): { consented: number; declined: number; unanswered: number } {
  const answers = latestConsent(record);
  let consented = 0;
  let declined = 0;
  for (const seat of roster) {
    const answer = answers.get(seat.participant);
    if (answer?.consent === true) consented++;
    else if (answer) declined++;
  }
  return { consented, declined, unanswered: roster.length - consented - declined };
}

export interface ConsentScope {
  /** Participants whose answers (predictions) may be exported. */
  participants: Set<string>;
  /** Towns whose plans, indicators and timings may be exported. */
  towns: Set<string>;
  /** Towns whose reasons may be exported (every member consented, or no human played). */
  reasonTowns: Set<string>;
}

/**
 * What the export may include. `roster` lists the class's seats when the server knows them; a
 * downloaded log carries no seats, so then the town of each answer in the research record is
 * used, and any town with a human submission but no answer is treated as declined.
 */
export function consentScope(
  log: MatchLog,
  record: ResearchRecord | null,
  roster?: readonly RosterSeat[],
): ConsentScope {
  const answers = latestConsent(record);
  const seats: RosterSeat[] = roster
    ? [...roster]
    : [...answers.values()].map((a) => ({ participant: a.participant, townId: a.townId }));
  const members = new Map<string, string[]>();
  for (const seat of seats) {
    members.set(seat.townId, [...(members.get(seat.townId) ?? []), seat.participant]);
  }
  const humanPlayed = new Set(log.rounds.flatMap((r) => (r.submissions ?? []).map((s) => s.town)));
  const participants = new Set(
    seats.filter((s) => answers.get(s.participant)?.consent === true).map((s) => s.participant),
  );
  const towns = new Set<string>();
  const reasonTowns = new Set<string>();
  for (const town of log.towns) {
    const team = members.get(town.id) ?? [];
    if (team.length === 0) {
      // Nobody of the class sat here: the computer's or a caretaker's town, unless the log shows
      // a human submission whose author never answered (then it is left out).
      if (!humanPlayed.has(town.id)) {
        towns.add(town.id);
        reasonTowns.add(town.id);
      }
      continue;
    }
    const yes = team.filter((p) => participants.has(p)).length;
    if (yes === team.length) reasonTowns.add(town.id);
    if (yes === team.length || (team.length >= 2 && yes >= 1)) towns.add(town.id);
  }
  return { participants, towns, reasonTowns };
}
