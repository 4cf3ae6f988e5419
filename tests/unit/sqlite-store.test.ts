/**
 * The SQLite match store's group commit: writes queued by one task share a transaction, a
 * write's promise resolves only when its commit is in the file (another connection sees it), a
 * read first commits what is queued, one failing write does not sink the others, and closing
 * commits what is still queued.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteMatchStore } from '../../server/store/sqlite-store';
import type { MatchRecord, PhaseRecord } from '../../server/store/match-store';
import { sessionConfigSchema } from '../../shared/protocol/messages';
import { createMatch, defaultPlan, startLog } from '../../shared/index';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-towns-store-'));
  dirs.push(dir);
  return join(dir, 'matches.sqlite');
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

function record(id: string): MatchRecord {
  const { rounds: _rounds, ...log } = startLog(createMatch('foshan-2007', { seed: 1 }));
  return {
    id,
    roomId: `room-${id}`,
    code: 'ABC123',
    instructorKeyHash: 'hash',
    config: sessionConfigSchema.parse({ scenarioId: 'foshan-2007' }),
    log,
    createdAt: 1,
  };
}

/** What a second connection to the same file sees: only committed data. */
function submissionsOnDisk(file: string): number {
  const other = new Database(file, { readonly: true });
  try {
    return (other.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
  } finally {
    other.close();
  }
}

describe('SqliteMatchStore', () => {
  it('commits a burst of writes together, durable before the promises resolve', async () => {
    const file = storeFile();
    const store = await SqliteMatchStore.open(file);
    await store.createMatch(record('m1'), phase);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 50; i++) {
      writes.push(
        store.saveSubmission('m1', {
          townId: `town-${i}`,
          round: 1,
          plan: defaultPlan(),
          by: 'Ana',
          at: i,
        }),
      );
    }
    // Queued, not yet committed: nothing is in the file for another reader.
    expect(submissionsOnDisk(file)).toBe(0);
    await Promise.all(writes);
    expect(submissionsOnDisk(file)).toBe(50);
    await store.close();
  });

  it('a read sees every earlier write, even one not awaited yet', async () => {
    const store = await SqliteMatchStore.open(storeFile());
    await store.createMatch(record('m2'), phase);
    const pending = store.saveSubmission('m2', {
      townId: 'foshan',
      round: 1,
      plan: defaultPlan(),
      by: 'Bo',
      at: 5,
    });
    const loaded = await store.loadMatch('m2');
    expect(loaded?.submissions.map((s) => s.townId)).toEqual(['foshan']);
    await pending;
    await store.close();
  });

  it('one failing write is refused alone; the others of its turn still commit', async () => {
    const store = await SqliteMatchStore.open(storeFile());
    await store.createMatch(record('m3'), phase);
    const duplicate = store.createMatch(record('m3'), phase);
    const submission = store.saveSubmission('m3', {
      townId: 'foshan',
      round: 1,
      plan: defaultPlan(),
      by: 'Cai',
      at: 7,
    });
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await expect(submission).resolves.toBeUndefined();
    expect((await store.loadMatch('m3'))?.submissions).toHaveLength(1);
    await store.close();
  });

  it('closing commits what is still queued', async () => {
    const file = storeFile();
    const store = await SqliteMatchStore.open(file);
    await store.createMatch(record('m4'), phase);
    const late = store.saveSubmission('m4', {
      townId: 'foshan',
      round: 1,
      plan: defaultPlan(),
      by: 'Dai',
      at: 9,
    });
    await store.close();
    await late;
    expect(submissionsOnDisk(file)).toBe(1);
  });
});
