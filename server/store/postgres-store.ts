/**
 * The shared store for several processes (DATABASE_URL=postgres://…): the same MatchStore on
 * PostgreSQL through Kysely and `pg`. Every write is a committed transaction (synchronous_commit
 * on, the server's default), so a resolved promise means durable, as with SQLite. Writes to one
 * match run in the order they were made (a queue per match), because a pool would otherwise let
 * a later write overtake an earlier one on another connection; reads of a match wait for its
 * queued writes, so they always see them. `seq` is the commands' primary key with the match id:
 * a second process writing the same session fails instead of interleaving.
 */
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
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
import { migrateToLatest, type StoreTables } from './migrations';

type Db = Kysely<StoreTables>;
type Row = StoreTables['matches'];

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  connectionString: string;
  /** A schema to use (created if missing) instead of `public`: tests get a fresh one per run. */
  schema?: string;
  /** Pool size per process (default 10). */
  max?: number;
}

export class PostgresMatchStore implements MatchStore {
  private readonly queues = new Map<string, Promise<void>>();

  private constructor(
    readonly db: Db,
    private readonly pool: pg.Pool,
  ) {}

  static async open(options: PostgresStoreOptions): Promise<PostgresMatchStore> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client's error (the server restarting) must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await PostgresMatchStore.underSetupLock(options.connectionString, schema, async () => {
        if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
        await migrateToLatest(db as Kysely<unknown>, 'postgres', schema);
      });
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new PostgresMatchStore(db, pool);
  }

  /**
   * Several processes of a cluster open the same store at once. `CREATE SCHEMA IF NOT EXISTS`
   * and Kysely's `CREATE TABLE IF NOT EXISTS` are not safe against each other (PostgreSQL
   * reports a duplicate key in its catalogue, 23505, to the loser), so the setup runs under a
   * session advisory lock held on its own connection: one process creates, the others wait and
   * then find everything there.
   */
  private static async underSetupLock(
    connectionString: string,
    schema: string | undefined,
    setup: () => Promise<void>,
  ): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const key = `cluster-towns match store ${schema ?? 'public'}`;
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      try {
        await setup();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await client.end();
    }
  }

  /** Run a write after the earlier writes of the same match, in one transaction. */
  private write(matchId: string, run: (tx: Transaction<StoreTables>) => Promise<void>) {
    const previous = this.queues.get(matchId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.db.transaction().execute(run));
    const tail = next.catch(() => undefined);
    this.queues.set(matchId, tail);
    void tail.then(() => {
      if (this.queues.get(matchId) === tail) this.queues.delete(matchId);
    });
    return next;
  }

  private async settled(matchId?: string): Promise<void> {
    if (matchId !== undefined) await this.queues.get(matchId);
    else await Promise.all([...this.queues.values()]);
  }

  createMatch(record: MatchRecord, phase: PhaseRecord): Promise<void> {
    return this.write(record.id, async (tx) => {
      await tx
        .insertInto('matches')
        .values({
          id: record.id,
          room_id: record.roomId,
          code: record.code,
          instructor_key_hash: record.instructorKeyHash,
          config: JSON.stringify(record.config),
          log_header: JSON.stringify(record.log),
          phase: JSON.stringify(phase),
          finished: 0,
          created_at: record.createdAt,
        })
        .execute();
    });
  }

  appendCommands(matchId: string, commands: CommandRecord[]): Promise<void> {
    if (commands.length === 0) return this.write(matchId, () => Promise.resolve());
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('commands')
        .values(
          commands.map((c) => ({
            match_id: matchId,
            seq: c.seq,
            command: JSON.stringify(c.command),
          })),
        )
        .execute();
    });
  }

  async loadCommands(matchId: string): Promise<CommandRecord[]> {
    await this.settled(matchId);
    const rows = await this.db
      .selectFrom('commands')
      .select(['seq', 'command'])
      .where('match_id', '=', matchId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), command: JSON.parse(r.command) as unknown }));
  }

  savePhase(matchId: string, phase: PhaseRecord): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx
        .updateTable('matches')
        .set({ phase: JSON.stringify(phase) })
        .where('id', '=', matchId)
        .execute();
    });
  }

  appendRound(matchId: string, entry: LoggedRound, phase: PhaseRecord): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('rounds')
        .values({ match_id: matchId, round: entry.round, entry: JSON.stringify(entry) })
        .execute();
      await tx
        .deleteFrom('drafts')
        .where('match_id', '=', matchId)
        .where('round', '<=', entry.round)
        .execute();
      await tx
        .updateTable('matches')
        .set({ phase: JSON.stringify(phase) })
        .where('id', '=', matchId)
        .execute();
    });
  }

  saveSeat(matchId: string, seat: SeatRecord): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('seats')
        .values({ match_id: matchId, player_id: seat.playerId, seat: JSON.stringify(seat) })
        .onConflict((oc) =>
          oc.columns(['match_id', 'player_id']).doUpdateSet({ seat: JSON.stringify(seat) }),
        )
        .execute();
    });
  }

  saveDraft(matchId: string, draft: DraftRecord): Promise<void> {
    const values = {
      round: draft.round,
      plan: JSON.stringify(draft.plan),
      updated_at: draft.updatedAt,
    };
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('drafts')
        .values({ match_id: matchId, town_id: draft.townId, ...values })
        .onConflict((oc) => oc.columns(['match_id', 'town_id']).doUpdateSet(values))
        .execute();
    });
  }

  saveSubmission(matchId: string, s: SubmissionRecord): Promise<void> {
    const values = { plan: JSON.stringify(s.plan), submitted_by: s.by, at: s.at };
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('submissions')
        .values({ match_id: matchId, town_id: s.townId, round: s.round, ...values })
        .onConflict((oc) => oc.columns(['match_id', 'town_id', 'round']).doUpdateSet(values))
        .execute();
    });
  }

  deleteSubmission(matchId: string, townId: string, round: number): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx
        .deleteFrom('submissions')
        .where('match_id', '=', matchId)
        .where('town_id', '=', townId)
        .where('round', '=', round)
        .execute();
    });
  }

  addNote(matchId: string, note: NoteRecord): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('notes')
        .values({ match_id: matchId, ...note })
        .execute();
    });
  }

  finishMatch(matchId: string): Promise<void> {
    return this.write(matchId, async (tx) => {
      await tx.updateTable('matches').set({ finished: 1 }).where('id', '=', matchId).execute();
    });
  }

  private recordOf(row: Row): MatchRecord {
    return {
      id: row.id,
      roomId: row.room_id,
      code: row.code,
      instructorKeyHash: row.instructor_key_hash,
      config: JSON.parse(row.config) as MatchRecord['config'],
      log: JSON.parse(row.log_header) as MatchRecord['log'],
      createdAt: Number(row.created_at),
    };
  }

  async loadMatch(matchId: string): Promise<StoredMatch | null> {
    await this.settled(matchId);
    const row = await this.db
      .selectFrom('matches')
      .selectAll()
      .where('id', '=', matchId)
      .executeTakeFirst();
    if (!row) return null;
    const [rounds, seats, drafts, submissions, notes] = await Promise.all([
      this.db
        .selectFrom('rounds')
        .select('entry')
        .where('match_id', '=', matchId)
        .orderBy('round')
        .execute(),
      this.db.selectFrom('seats').select('seat').where('match_id', '=', matchId).execute(),
      this.db.selectFrom('drafts').selectAll().where('match_id', '=', matchId).execute(),
      this.db
        .selectFrom('submissions')
        .selectAll()
        .where('match_id', '=', matchId)
        .orderBy('round')
        .execute(),
      this.db
        .selectFrom('notes')
        .select(['round', 'kind', 'author', 'text', 'at'])
        .where('match_id', '=', matchId)
        .orderBy(sql`id`)
        .execute(),
    ]);
    return {
      record: this.recordOf(row),
      phase: JSON.parse(row.phase) as PhaseRecord,
      rounds: rounds.map((r) => JSON.parse(r.entry) as LoggedRound),
      seats: seats.map((r) => JSON.parse(r.seat) as SeatRecord),
      drafts: drafts.map((r) => ({
        townId: r.town_id,
        round: r.round,
        plan: JSON.parse(r.plan) as DraftRecord['plan'],
        updatedAt: Number(r.updated_at),
      })),
      submissions: submissions.map((r) => ({
        townId: r.town_id,
        round: r.round,
        plan: JSON.parse(r.plan) as SubmissionRecord['plan'],
        by: r.submitted_by,
        at: Number(r.at),
      })),
      notes: notes.map((n) => ({ ...n, at: Number(n.at) }) as NoteRecord),
      finished: row.finished === 1,
    };
  }

  async unfinishedMatchIds(): Promise<string[]> {
    await this.settled();
    const rows = await this.db
      .selectFrom('matches')
      .select('id')
      .where('finished', '=', 0)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async listMatches(instructorKeyHash: string): Promise<MatchSummary[]> {
    await this.settled();
    const rows = await this.db
      .selectFrom('matches as m')
      .selectAll('m')
      .select((eb) =>
        eb
          .selectFrom('rounds as r')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('r.match_id', '=', 'm.id')
          .as('round_count'),
      )
      .where('m.instructor_key_hash', '=', instructorKeyHash)
      .orderBy('m.created_at', 'desc')
      .execute();
    return rows.map((row) => {
      const config = JSON.parse(row.config) as MatchRecord['config'];
      return {
        id: row.id,
        code: row.code,
        scenarioId: config.scenarioId,
        title: config.title ?? config.scenarioId,
        createdAt: Number(row.created_at),
        rounds: Number(row.round_count ?? 0),
        finished: row.finished === 1,
      };
    });
  }

  async findByCode(code: string): Promise<MatchRecord | null> {
    await this.settled();
    const row = await this.db
      .selectFrom('matches')
      .selectAll()
      .where('code', '=', code)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row ? this.recordOf(row) : null;
  }

  async loadAnnotations(matchId: string): Promise<Annotation[]> {
    await this.settled(matchId);
    const row = await this.db
      .selectFrom('annotations')
      .select('list')
      .where('match_id', '=', matchId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.list) as Annotation[]) : [];
  }

  saveAnnotations(matchId: string, annotations: Annotation[]): Promise<void> {
    const list = JSON.stringify(annotations);
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('annotations')
        .values({ match_id: matchId, list })
        .onConflict((oc) => oc.column('match_id').doUpdateSet({ list }))
        .execute();
    });
  }

  async loadExtra(matchId: string, kind: ExtraKind): Promise<unknown> {
    await this.settled(matchId);
    const row = await this.db
      .selectFrom('match_extras')
      .select('body')
      .where('match_id', '=', matchId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? (JSON.parse(row.body) as unknown) : null;
  }

  saveExtra(matchId: string, kind: ExtraKind, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    return this.write(matchId, async (tx) => {
      await tx
        .insertInto('match_extras')
        .values({ match_id: matchId, kind, body })
        .onConflict((oc) => oc.columns(['match_id', 'kind']).doUpdateSet({ body }))
        .execute();
    });
  }

  deleteMatch(matchId: string): Promise<void> {
    return this.write(matchId, async (tx) => {
      for (const table of [
        'rounds',
        'seats',
        'drafts',
        'submissions',
        'notes',
        'annotations',
        'match_extras',
        'commands',
      ] as const) {
        await tx.deleteFrom(table).where('match_id', '=', matchId).execute();
      }
      await tx.deleteFrom('matches').where('id', '=', matchId).execute();
    });
  }

  async close(): Promise<void> {
    await this.settled();
    await this.db.destroy();
  }

  /** The pool, for the health check. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
