/**
 * The embedded default store: one SQLite file under the data directory (better-sqlite3, WAL,
 * every commit fsynced). A write's promise resolves only once its commit is on disk, so the room
 * acknowledges nothing before it is durable. Writes queued by the same task (a room saving all
 * its seats, a restart rewriting drafts) share one transaction and one fsync; the commit runs as
 * a microtask, before anything else can happen, because deferring it to a later turn of the event
 * loop (to gather more writes across rooms) made every room's serial queue wait a turn per write
 * under load (BENCHMARKS.md, server). Reads first commit what is queued, so they always see
 * every earlier write.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoggedRound } from '../../shared/index';
import type { ExtraKind } from '../../shared/debrief/extras';
import type {
  Annotation,
  CommandRecord,
  DraftRecord,
  MatchRecord,
  MatchStore,
  MatchSummary,
  NoteRecord,
  PhaseRecord,
  SeatRecord,
  StoredMatch,
  SubmissionRecord,
} from './match-store';
import { migrateToLatest } from './migrations';

/** The longest a draft edit waits for its commit (and its fsync) when no durable write comes. */
const LAZY_COMMIT_MS = 200;

interface MatchRow {
  id: string;
  room_id: string;
  code: string;
  instructor_key_hash: string;
  config: string;
  log_header: string;
  phase: string;
  finished: number;
  created_at: number;
}

export class SqliteMatchStore implements MatchStore {
  private readonly db: Database.Database;

  private constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: each commit is fsynced, so an acknowledged submission survives a power cut.
    this.db.pragma('synchronous = FULL');
  }

  /**
   * Open (or create) the file and bring its schema to the newest version (server/store/
   * migrations.ts, through Kysely on this same connection). The queries themselves stay on
   * better-sqlite3's synchronous API: that is what lets one microtask's writes share a
   * transaction and an fsync.
   */
  static async open(file: string): Promise<SqliteMatchStore> {
    const store = new SqliteMatchStore(file);
    try {
      await migrateToLatest(
        new Kysely({ dialect: new SqliteDialect({ database: store.db }) }),
        'sqlite',
      );
    } catch (error) {
      store.db.close();
      throw error;
    }
    return store;
  }

  private readonly statements = new Map<string, Database.Statement>();
  private pending: { run: () => void; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushScheduled = false;

  /** A prepared statement, compiled once per SQL text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private lazyTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Queue a write; it commits with the other writes of this task, then the promise resolves. A
   * write that need not be durable at once (a draft edit) waits for the next durable write or
   * LAZY_COMMIT_MS, whichever comes first, so a burst of edits shares one fsync.
   */
  private write(run: () => void, durable = true): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ run, resolve, reject });
      if (!durable) {
        this.lazyTimer ??= setTimeout(() => this.flush(), LAZY_COMMIT_MS);
        return;
      }
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Commit every queued write in one transaction (one fsync), then settle their promises. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    if (!this.db.open) {
      for (const w of batch) w.reject(new Error('the match store is closed'));
      return;
    }
    try {
      this.db.transaction(() => {
        for (const w of batch) w.run();
      })();
      for (const w of batch) w.resolve();
    } catch {
      // One bad write must not sink the others: retry each in its own transaction.
      for (const w of batch) {
        try {
          this.db.transaction(w.run)();
          w.resolve();
        } catch (error) {
          w.reject(error);
        }
      }
    }
  }

  createMatch(record: MatchRecord, phase: PhaseRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO matches (id, room_id, code, instructor_key_hash, config, log_header, phase, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        record.id,
        record.roomId,
        record.code,
        record.instructorKeyHash,
        JSON.stringify(record.config),
        JSON.stringify(record.log),
        JSON.stringify(phase),
        record.createdAt,
      );
    });
  }

  appendCommands(
    matchId: string,
    commands: CommandRecord[],
    options: { durable?: boolean } = {},
  ): Promise<void> {
    return this.write(() => {
      const insert = this.sql('INSERT INTO commands (match_id, seq, command) VALUES (?, ?, ?)');
      for (const c of commands) insert.run(matchId, c.seq, JSON.stringify(c.command));
    }, options.durable !== false);
  }

  async loadCommands(matchId: string): Promise<CommandRecord[]> {
    this.flush();
    return (
      this.sql('SELECT seq, command FROM commands WHERE match_id = ? ORDER BY seq').all(
        matchId,
      ) as { seq: number; command: string }[]
    ).map((r) => ({ seq: r.seq, command: JSON.parse(r.command) as unknown }));
  }

  savePhase(matchId: string, phase: PhaseRecord): Promise<void> {
    return this.write(() => {
      this.sql('UPDATE matches SET phase = ? WHERE id = ?').run(JSON.stringify(phase), matchId);
    });
  }

  appendRound(matchId: string, entry: LoggedRound, phase: PhaseRecord): Promise<void> {
    // One write: the round, the end of its drafts and the new phase commit together.
    return this.write(() => {
      this.sql('INSERT INTO rounds (match_id, round, entry) VALUES (?, ?, ?)').run(
        matchId,
        entry.round,
        JSON.stringify(entry),
      );
      this.sql('DELETE FROM drafts WHERE match_id = ? AND round <= ?').run(matchId, entry.round);
      this.sql('UPDATE matches SET phase = ? WHERE id = ?').run(JSON.stringify(phase), matchId);
    });
  }

  saveSeat(matchId: string, seat: SeatRecord): Promise<void> {
    // A read model of the command log (server/rooms/session-log.ts): no fsync of its own.
    return this.write(() => {
      this.sql('INSERT OR REPLACE INTO seats (match_id, player_id, seat) VALUES (?, ?, ?)').run(
        matchId,
        seat.playerId,
        JSON.stringify(seat),
      );
    }, false);
  }

  saveDraft(matchId: string, draft: DraftRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        'INSERT OR REPLACE INTO drafts (match_id, town_id, round, plan, updated_at) VALUES (?, ?, ?, ?, ?)',
      ).run(matchId, draft.townId, draft.round, JSON.stringify(draft.plan), draft.updatedAt);
    });
  }

  saveSubmission(matchId: string, s: SubmissionRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT OR REPLACE INTO submissions (match_id, town_id, round, plan, submitted_by, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(matchId, s.townId, s.round, JSON.stringify(s.plan), s.by, s.at);
    });
  }

  deleteSubmission(matchId: string, townId: string, round: number): Promise<void> {
    return this.write(() => {
      this.sql('DELETE FROM submissions WHERE match_id = ? AND town_id = ? AND round = ?').run(
        matchId,
        townId,
        round,
      );
    });
  }

  addNote(matchId: string, note: NoteRecord): Promise<void> {
    // A read model of the command log (server/rooms/session-log.ts): no fsync of its own.
    return this.write(() => {
      this.sql(
        'INSERT INTO notes (match_id, round, kind, author, text, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(matchId, note.round, note.kind, note.author, note.text, note.at);
    }, false);
  }

  finishMatch(matchId: string): Promise<void> {
    return this.write(() => {
      this.sql('UPDATE matches SET finished = 1 WHERE id = ?').run(matchId);
    });
  }

  private recordOf(row: MatchRow): MatchRecord {
    return {
      id: row.id,
      roomId: row.room_id,
      code: row.code,
      instructorKeyHash: row.instructor_key_hash,
      config: JSON.parse(row.config) as MatchRecord['config'],
      log: JSON.parse(row.log_header) as MatchRecord['log'],
      createdAt: row.created_at,
    };
  }

  async loadMatch(matchId: string): Promise<StoredMatch | null> {
    this.flush();
    const row = this.sql('SELECT * FROM matches WHERE id = ?').get(matchId) as MatchRow | undefined;
    if (!row) return null;
    const json = <T>(sql: string, column: string): T[] =>
      (this.sql(sql).all(matchId) as Record<string, string>[]).map(
        (r) => JSON.parse(r[column]) as T,
      );
    const rounds = json<LoggedRound>(
      'SELECT entry FROM rounds WHERE match_id = ? ORDER BY round',
      'entry',
    );
    const seats = json<SeatRecord>('SELECT seat FROM seats WHERE match_id = ?', 'seat');
    const drafts = (
      this.sql('SELECT * FROM drafts WHERE match_id = ?').all(matchId) as {
        town_id: string;
        round: number;
        plan: string;
        updated_at: number;
      }[]
    ).map((r) => ({
      townId: r.town_id,
      round: r.round,
      plan: JSON.parse(r.plan) as DraftRecord['plan'],
      updatedAt: r.updated_at,
    }));
    const submissions = (
      this.sql('SELECT * FROM submissions WHERE match_id = ? ORDER BY round').all(matchId) as {
        town_id: string;
        round: number;
        plan: string;
        submitted_by: string;
        at: number;
      }[]
    ).map((r) => ({
      townId: r.town_id,
      round: r.round,
      plan: JSON.parse(r.plan) as SubmissionRecord['plan'],
      by: r.submitted_by,
      at: r.at,
    }));
    const notes = this.sql(
      'SELECT round, kind, author, text, at FROM notes WHERE match_id = ? ORDER BY rowid',
    ).all(matchId) as NoteRecord[];
    return {
      record: this.recordOf(row),
      phase: JSON.parse(row.phase) as PhaseRecord,
      rounds,
      seats,
      drafts,
      submissions,
      notes,
      finished: row.finished === 1,
    };
  }

  async unfinishedMatchIds(): Promise<string[]> {
    this.flush();
    return (
      this.sql('SELECT id FROM matches WHERE finished = 0 ORDER BY created_at').all() as {
        id: string;
      }[]
    ).map((r) => r.id);
  }

  async listMatches(instructorKeyHash: string): Promise<MatchSummary[]> {
    this.flush();
    const rows = this.sql(
      `SELECT m.*, (SELECT COUNT(*) FROM rounds r WHERE r.match_id = m.id) AS round_count
         FROM matches m WHERE instructor_key_hash = ? ORDER BY created_at DESC`,
    ).all(instructorKeyHash) as (MatchRow & { round_count: number })[];
    return rows.map((row) => {
      const config = JSON.parse(row.config) as MatchRecord['config'];
      return {
        id: row.id,
        code: row.code,
        scenarioId: config.scenarioId,
        title: config.title ?? config.scenarioId,
        createdAt: row.created_at,
        rounds: row.round_count,
        finished: row.finished === 1,
      };
    });
  }

  async findByCode(code: string): Promise<MatchRecord | null> {
    this.flush();
    const row = this.sql('SELECT * FROM matches WHERE code = ? ORDER BY created_at DESC').get(
      code,
    ) as MatchRow | undefined;
    return row ? this.recordOf(row) : null;
  }

  async loadAnnotations(matchId: string): Promise<Annotation[]> {
    this.flush();
    const row = this.sql('SELECT list FROM annotations WHERE match_id = ?').get(matchId) as
      { list: string } | undefined;
    return row ? (JSON.parse(row.list) as Annotation[]) : [];
  }

  saveAnnotations(matchId: string, annotations: Annotation[]): Promise<void> {
    return this.write(() => {
      this.sql('INSERT OR REPLACE INTO annotations (match_id, list) VALUES (?, ?)').run(
        matchId,
        JSON.stringify(annotations),
      );
    });
  }

  async loadExtra(matchId: string, kind: ExtraKind): Promise<unknown> {
    this.flush();
    const row = this.sql('SELECT body FROM match_extras WHERE match_id = ? AND kind = ?').get(
      matchId,
      kind,
    ) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as unknown) : null;
  }

  saveExtra(matchId: string, kind: ExtraKind, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    return this.write(() => {
      this.sql('INSERT OR REPLACE INTO match_extras (match_id, kind, body) VALUES (?, ?, ?)').run(
        matchId,
        kind,
        body,
      );
    });
  }

  deleteMatch(matchId: string): Promise<void> {
    return this.write(() => {
      for (const table of [
        'rounds',
        'seats',
        'drafts',
        'submissions',
        'notes',
        'annotations',
        'match_extras',
        'commands',
      ]) {
        this.sql(`DELETE FROM ${table} WHERE match_id = ?`).run(matchId);
      }
      this.sql('DELETE FROM matches WHERE id = ?').run(matchId);
    });
  }

  async close(): Promise<void> {
    // Graceful shutdown: whatever is queued commits before the file closes.
    this.flush();
    if (this.db.open) this.db.close();
  }
}
