/**
 * The MatchStore contract, run against every implementation: SQLite always, PostgreSQL when the
 * local service answers (a fresh schema per run, dropped afterwards). Plus the SQLite migration
 * of a file created with the schema that predates versioned migrations.
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedVersions } from '../../server/store/migrations';
import type { MatchRecord, MatchStore, PhaseRecord } from '../../server/store/match-store';
import { PostgresMatchStore } from '../../server/store/postgres-store';
import { SqliteMatchStore } from '../../server/store/sqlite-store';
import { sessionConfigSchema } from '../../shared/protocol/messages';
import { createMatch, defaultPlan, startLog } from '../../shared/index';
import { POSTGRES_URL, freshSchema, serviceMissing } from './services-available';

const dirs: string[] = [];
const schemas: string[] = [];
const pgMissing = await serviceMissing('postgres');

afterAll(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL }) }),
  });
  for (const schema of schemas) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
  await db.destroy();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-towns-store-'));
  dirs.push(dir);
  return dir;
}

const phase: PhaseRecord = {
  phase: 'planning',
  round: 1,
  remainingMs: 0,
  paused: false,
  locked: false,
  diplomacy: true,
  caretaker: true,
  pendingCards: [],
};

function record(id: string, code = 'ABC123', createdAt = 1_700_000_000_000): MatchRecord {
  const { rounds: _rounds, ...log } = startLog(createMatch('foshan-2007', { seed: 1 }));
  return {
    id,
    roomId: `room-${id}`,
    code,
    instructorKeyHash: 'hash',
    config: sessionConfigSchema.parse({ scenarioId: 'foshan-2007' }),
    log,
    createdAt,
  };
}

const implementations: { name: string; open: () => Promise<MatchStore>; skip: boolean }[] = [
  { name: 'sqlite', skip: false, open: () => SqliteMatchStore.open(join(tempDir(), 'm.sqlite')) },
  {
    name: 'postgres',
    skip: pgMissing !== null,
    open: () => {
      const schema = freshSchema('ct_store');
      schemas.push(schema);
      return PostgresMatchStore.open({ connectionString: POSTGRES_URL, schema });
    },
  },
];

describe.each(implementations)('MatchStore on $name', ({ open, skip }) => {
  it.skipIf(skip)('keeps a command log in order and refuses a seq stored twice', async () => {
    const store = await open();
    await store.createMatch(record('c1'), phase);
    await store.appendCommands('c1', [
      { seq: 1, command: { type: 'join', now: 5, name: '学生' } },
      { seq: 2, command: { type: 'tick', now: 6 } },
    ]);
    await store.appendCommands('c1', [{ seq: 3, command: { type: 'draft' } }], { durable: false });
    expect(await store.loadCommands('c1')).toEqual([
      { seq: 1, command: { type: 'join', now: 5, name: '学生' } },
      { seq: 2, command: { type: 'tick', now: 6 } },
      { seq: 3, command: { type: 'draft' } },
    ]);
    await expect(store.appendCommands('c1', [{ seq: 2, command: {} }])).rejects.toThrow();
    expect(await store.loadCommands('c1')).toHaveLength(3);
    expect(await store.loadCommands('unknown')).toEqual([]);
    await store.close();
  });

  it.skipIf(skip)('stores a match, its rounds, seats, drafts, notes and annotations', async () => {
    const store = await open();
    await store.createMatch(record('m1', 'ZZZ999', 1_700_000_000_123), phase);
    const plan = defaultPlan();
    await store.saveSeat('m1', {
      playerId: 'p1',
      name: 'Ana',
      townId: 'foshan',
      portfolios: [],
      rolesAssigned: false,
      seatTokenHash: 'h',
      removed: false,
      order: 0,
    });
    await store.saveDraft('m1', { townId: 'foshan', round: 1, plan, updatedAt: 1_700_000_000_500 });
    await store.saveSubmission('m1', { townId: 'foshan', round: 1, plan, by: 'Ana', at: 7 });
    await store.addNote('m1', { round: 1, kind: 'announcement', author: 'i', text: 'a', at: 1 });
    await store.addNote('m1', { round: 1, kind: 'statement', author: 'i', text: 'b', at: 2 });
    await store.saveAnnotations('m1', [{ round: 1, note: 'look', at: 3 }]);
    const loaded = await store.loadMatch('m1');
    expect(loaded?.record).toEqual(record('m1', 'ZZZ999', 1_700_000_000_123));
    expect(loaded?.drafts).toEqual([
      { townId: 'foshan', round: 1, plan, updatedAt: 1_700_000_000_500 },
    ]);
    expect(loaded?.submissions.map((s) => s.by)).toEqual(['Ana']);
    expect(loaded?.notes.map((n) => n.text)).toEqual(['a', 'b']);
    expect(loaded?.seats.map((s) => s.name)).toEqual(['Ana']);
    expect(await store.loadAnnotations('m1')).toEqual([{ round: 1, note: 'look', at: 3 }]);
    expect((await store.findByCode('ZZZ999'))?.id).toBe('m1');
    expect(await store.findByCode('NOPE00')).toBeNull();
    expect(await store.unfinishedMatchIds()).toEqual(['m1']);
    const summaries = await store.listMatches('hash');
    expect(summaries.map((s) => [s.id, s.rounds, s.finished])).toEqual([['m1', 0, false]]);
    await store.finishMatch('m1');
    expect(await store.unfinishedMatchIds()).toEqual([]);
    expect((await store.loadMatch('m1'))?.finished).toBe(true);
    await store.deleteMatch('m1');
    expect(await store.loadMatch('m1')).toBeNull();
    await store.close();
  });

  it.skipIf(skip)(
    'keeps one debrief extra per match and kind, and deletes them with it',
    async () => {
      const store = await open();
      await store.createMatch(record('x1'), phase);
      expect(await store.loadExtra('x1', 'chapters')).toBeNull();
      await store.saveExtra('x1', 'chapters', [{ id: 'a' }]);
      await store.saveExtra('x1', 'chapters', [{ id: 'b' }]);
      await store.saveExtra('x1', 'predictions', { questions: [], answers: [] });
      expect(await store.loadExtra('x1', 'chapters')).toEqual([{ id: 'b' }]);
      expect(await store.loadExtra('x1', 'predictions')).toEqual({ questions: [], answers: [] });
      expect(await store.loadExtra('x1', 'research')).toBeNull();
      await store.deleteMatch('x1');
      expect(await store.loadExtra('x1', 'chapters')).toBeNull();
      await store.close();
    },
  );

  it.skipIf(skip)('writes to one match apply in the order they were made', async () => {
    const store = await open();
    await store.createMatch(record('o1'), phase);
    const plan = defaultPlan();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      writes.push(store.saveDraft('o1', { townId: 't', round: 1, plan, updatedAt: i }));
    }
    writes.push(store.deleteSubmission('o1', 't', 1));
    await Promise.all(writes);
    expect((await store.loadMatch('o1'))?.drafts.map((d) => d.updatedAt)).toEqual([19]);
    await store.close();
  });
});

/** The schema files were created with before migrations existed (commit f345f0e). */
const LEGACY_SCHEMA = `
CREATE TABLE matches (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, code TEXT NOT NULL,
  instructor_key_hash TEXT NOT NULL, config TEXT NOT NULL, log_header TEXT NOT NULL,
  phase TEXT NOT NULL, finished INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
CREATE INDEX matches_by_key ON matches (instructor_key_hash, created_at);
CREATE INDEX matches_by_code ON matches (code, finished);
CREATE TABLE rounds (match_id TEXT NOT NULL, round INTEGER NOT NULL, entry TEXT NOT NULL,
  PRIMARY KEY (match_id, round));
CREATE TABLE seats (match_id TEXT NOT NULL, player_id TEXT NOT NULL, seat TEXT NOT NULL,
  PRIMARY KEY (match_id, player_id));
CREATE TABLE drafts (match_id TEXT NOT NULL, town_id TEXT NOT NULL, round INTEGER NOT NULL,
  plan TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (match_id, town_id));
CREATE TABLE submissions (match_id TEXT NOT NULL, town_id TEXT NOT NULL, round INTEGER NOT NULL,
  plan TEXT NOT NULL, submitted_by TEXT NOT NULL, at INTEGER NOT NULL,
  PRIMARY KEY (match_id, town_id, round));
CREATE TABLE notes (match_id TEXT NOT NULL, round INTEGER NOT NULL, kind TEXT NOT NULL,
  author TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX notes_by_match ON notes (match_id);
CREATE TABLE commands (match_id TEXT NOT NULL, seq INTEGER NOT NULL, command TEXT NOT NULL,
  PRIMARY KEY (match_id, seq));
CREATE TABLE annotations (match_id TEXT PRIMARY KEY, list TEXT NOT NULL);
`;

describe('SQLite migrations', () => {
  it('a file from before versioned migrations migrates in place and keeps its matches', async () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = new Database(file);
    old.exec(LEGACY_SCHEMA);
    old
      .prepare(
        `INSERT INTO matches (id, room_id, code, instructor_key_hash, config, log_header, phase, created_at)
         VALUES ('old', 'room-old', 'OLD111', 'hash', ?, ?, ?, 1)`,
      )
      .run(
        JSON.stringify(record('old').config),
        JSON.stringify(record('old').log),
        JSON.stringify(phase),
      );
    old.prepare(`INSERT INTO commands VALUES ('old', 1, '{"type":"tick"}')`).run();
    old.close();

    const store = await SqliteMatchStore.open(file);
    expect((await store.findByCode('OLD111'))?.id).toBe('old');
    expect(await store.loadCommands('old')).toEqual([{ seq: 1, command: { type: 'tick' } }]);
    await store.close();
    const check = new Database(file);
    const versions = await appliedVersions(
      new Kysely({ dialect: new SqliteDialect({ database: check }) }),
    );
    check.close();
    expect(versions).toEqual(['001_initial', '002_match_extras']);
    // Opening again runs nothing new.
    await (await SqliteMatchStore.open(file)).close();
  });
});

describe('PostgreSQL setup under concurrency', () => {
  // The processes of a cluster start together and each opens the store: the schema and the
  // migrations must be created once, with no catalogue race (PostgreSQL error 23505).
  it.skipIf(pgMissing !== null)(
    'several stores opening one new schema at once all open',
    async () => {
      const schema = freshSchema('ct_race');
      schemas.push(schema);
      const stores = await Promise.all(
        Array.from({ length: 6 }, () =>
          PostgresMatchStore.open({ connectionString: POSTGRES_URL, schema, max: 2 }),
        ),
      );
      await stores[0]!.createMatch(record('race', 'RACE11'), phase);
      for (const store of stores) expect((await store.findByCode('RACE11'))?.id).toBe('race');
      await Promise.all(stores.map((store) => store.close()));
    },
  );
});
