/**
 * A session's persistence (docs/session-log.md): its command log in the match store, and the
 * read models the HTTP routes use (resolved rounds, seats, notes). Creating writes the match
 * record; restoring replays the command log through the machine, and rewrites any resolved
 * round whose entry never reached the store.
 */
import { ServerError } from '@colyseus/core';
import { forkLog, type MatchLog, type MatchState } from '../../shared/index';
import type { SessionConfig } from '../../shared/protocol/messages';
import type { MatchStore, PhaseRecord } from '../store/match-store';
import { newSession, replay, startOfLog, startingPoint } from '../session/machine';
import type { Command, Effect, Persistence, Session } from '../session/types';

/** Options the HTTP route passes when it creates a session (never a client's options). */
export interface CreateOptions {
  internalSecret: string;
  create?: {
    matchId: string;
    roomId: string;
    code: string;
    instructorKeyHash: string;
    config: SessionConfig;
    /** A verified parent log and its state at the fork round (see sessions.ts). */
    fork?: { parent: MatchLog; round: number; state: MatchState };
  };
  restoreMatchId?: string;
}

export type Creation = NonNullable<CreateOptions['create']>;

export function phaseRecord(s: Session, now: number): PhaseRecord {
  return {
    phase: s.phase,
    round: s.round,
    remainingMs: s.paused ? s.remainingMs : Math.max(0, s.deadline - now),
    paused: s.paused,
    locked: s.locked,
    diplomacy: s.diplomacy,
    caretaker: s.caretaker,
    pendingCards: [...s.pendingCards],
  };
}

export class SessionLog {
  private seq = 0;

  constructor(
    private readonly store: MatchStore,
    readonly matchId: string,
    private readonly report: (message: string) => void,
  ) {}

  static async create(store: MatchStore, c: Creation, report: (m: string) => void) {
    const start = c.fork
      ? { match: c.fork.state, log: forkLog(c.fork.parent, c.fork.round, c.fork.state) }
      : startingPoint(c.config);
    const session = newSession(c.config, start.match, start.log);
    const { rounds: _rounds, ...header } = start.log;
    await store.createMatch(
      {
        id: c.matchId,
        roomId: c.roomId,
        code: c.code,
        instructorKeyHash: c.instructorKeyHash,
        config: c.config,
        log: header,
        createdAt: Date.now(),
      },
      phaseRecord(session, Date.now()),
    );
    return { log: new SessionLog(store, c.matchId, report), session };
  }

  static async restore(store: MatchStore, matchId: string, report: (m: string) => void) {
    const stored = await store.loadMatch(matchId);
    if (!stored) throw new ServerError(404, `match ${matchId} not found`);
    const { record } = stored;
    const commands = await store.loadCommands(matchId);
    const start = newSession(record.config, startOfLog(record.log), { ...record.log, rounds: [] });
    const session = replay(
      start,
      commands.map((c) => c.command as Command),
    );
    const log = new SessionLog(store, matchId, report);
    log.seq = commands.at(-1)?.seq ?? 0;
    for (const entry of session.log.rounds.slice(stored.rounds.length)) {
      await store.appendRound(matchId, entry, phaseRecord(session, Date.now()));
    }
    return { log, session, record };
  }

  /**
   * Append an accepted command. A durable one is stored before this resolves (false if the
   * store refused it: the caller drops the command). A lazy one (a draft edit) is queued in
   * order and this resolves at once; `saved` settles when it is on disk, so its acknowledgement
   * can wait for that without holding up the commands behind it.
   */
  async append(
    command: Command,
    persist: Persistence,
  ): Promise<{ ok: boolean; saved: Promise<boolean> }> {
    if (persist === 'none') return { ok: true, saved: Promise.resolve(true) };
    const record = { seq: this.seq + 1, command };
    const write = this.store.appendCommands(this.matchId, [record], {
      durable: persist === 'durable',
    });
    this.seq = record.seq;
    const saved = write.then(
      () => true,
      (e: unknown) => {
        this.report(`command ${record.seq} not saved: ${String(e)}`);
        return false;
      },
    );
    if (persist === 'lazy') return { ok: true, saved };
    if (await saved) return { ok: true, saved };
    this.seq -= 1;
    return { ok: false, saved };
  }

  /**
   * The read models of an effect: a resolved round's log entry (written before its results are
   * published; if it fails, a restore rewrites it from the commands), a note, the end.
   */
  async record(effect: Effect, session: Session): Promise<void> {
    const fail = (what: string) => (e: unknown) => this.report(`${what} not stored: ${String(e)}`);
    const store = this.store;
    if (effect.type === 'roundResolved') {
      const phase = phaseRecord(session, Date.now());
      await store.appendRound(this.matchId, effect.entry, phase).catch(fail('round'));
    } else if (effect.type === 'note') {
      await store.addNote(this.matchId, effect.note).catch(fail('note'));
    } else if (effect.type === 'ended') {
      await store.finishMatch(this.matchId).catch(fail('end'));
    }
  }

  /** Seats that changed, for the read model of who played which town. */
  saveSeats(before: Session, after: Session): void {
    if (before.seats === after.seats) return;
    for (const seat of Object.values(after.seats)) {
      if (before.seats[seat.playerId] === seat) continue;
      const { connected: _connected, ...record } = seat;
      this.store
        .saveSeat(this.matchId, record)
        .catch((e: unknown) => this.report(`seat not saved: ${String(e)}`));
    }
  }
}
