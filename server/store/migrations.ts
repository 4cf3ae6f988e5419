/**
 * Versioned schema of the match store, applied at start-up by Kysely's migrator on both
 * dialects (kysely_migration records what ran). Migration 001 is the schema SQLite files were
 * created with before migrations existed, written with IF NOT EXISTS, so such a file migrates in
 * place instead of breaking. A new version is a new entry here, never an edit of an old one.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Row types, as Kysely sees them (JSON columns are text; times are epoch milliseconds). */
export interface StoreTables {
  matches: {
    id: string;
    room_id: string;
    code: string;
    instructor_key_hash: string;
    config: string;
    log_header: string;
    phase: string;
    finished: number;
    created_at: number | string;
  };
  rounds: { match_id: string; round: number; entry: string };
  seats: { match_id: string; player_id: string; seat: string };
  drafts: { match_id: string; town_id: string; round: number; plan: string; updated_at: number };
  submissions: {
    match_id: string;
    town_id: string;
    round: number;
    plan: string;
    submitted_by: string;
    at: number;
  };
  notes: {
    match_id: string;
    round: number;
    kind: string;
    author: string;
    text: string;
    at: number;
  };
  commands: { match_id: string; seq: number; command: string };
  annotations: { match_id: string; list: string };
  /** Debrief extras beside the log (issue 15): one JSON document per match and kind. */
  match_extras: { match_id: string; kind: string; body: string };
}

function initial(dialect: Dialect): Migration {
  // Epoch milliseconds overflow a PostgreSQL integer; SQLite's INTEGER is 64-bit already.
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('matches')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('instructor_key_hash', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('log_header', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('finished', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('matches_by_key')
        .ifNotExists()
        .on('matches')
        .columns(['instructor_key_hash', 'created_at'])
        .execute();
      await db.schema
        .createIndex('matches_by_code')
        .ifNotExists()
        .on('matches')
        .columns(['code', 'finished'])
        .execute();
      await db.schema
        .createTable('rounds')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rounds_pk', ['match_id', 'round'])
        .execute();
      await db.schema
        .createTable('seats')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('player_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('seats_pk', ['match_id', 'player_id'])
        .execute();
      await db.schema
        .createTable('drafts')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('town_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('drafts_pk', ['match_id', 'town_id'])
        .execute();
      await db.schema
        .createTable('submissions')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('town_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('submissions_pk', ['match_id', 'town_id', 'round'])
        .execute();
      let notes = db.schema.createTable('notes').ifNotExists();
      // SQLite orders notes by its implicit rowid; PostgreSQL needs an explicit sequence.
      if (dialect === 'postgres') notes = notes.addColumn('id', 'bigserial', (c) => c.primaryKey());
      await notes
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notes_by_match')
        .ifNotExists()
        .on('notes')
        .column('match_id')
        .execute();
      await db.schema
        .createTable('commands')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('commands_pk', ['match_id', 'seq'])
        .execute();
      await db.schema
        .createTable('annotations')
        .ifNotExists()
        .addColumn('match_id', 'text', (c) => c.primaryKey())
        .addColumn('list', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** Issue 15: the debrief's chapters, predictions and research record, outside the log. */
const matchExtras: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('match_extras')
      .ifNotExists()
      .addColumn('match_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('match_extras_pk', ['match_id', 'kind'])
      .execute();
  },
};

function migrations(dialect: Dialect): Record<string, Migration> {
  return { '001_initial': initial(dialect), '002_match_extras': matchExtras };
}

/** Bring the store's schema to the newest version; throws (and names the step) on failure. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: Dialect,
  schema?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    // Kysely's bookkeeping tables live in the store's own schema (a fresh one per test run).
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: () => Promise.resolve(migrations(dialect)) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`match store migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Used by the stores' tests: the versions a database has applied. */
export async function appliedVersions(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}
