/**
 * Which store a process uses, from its settings: PostgreSQL when DATABASE_URL is a postgres://
 * URL (several processes share it), else the embedded SQLite file under the data directory
 * (today's default, nothing to install). Both are migrated to the newest schema before use.
 */
import { join } from 'node:path';
import type { MatchStore } from './match-store';
import { PostgresMatchStore } from './postgres-store';
import { SqliteMatchStore } from './sqlite-store';

export interface StoreSettings {
  /** postgres://… selects PostgreSQL; anything else is refused rather than ignored. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests); default `public`. */
  databaseSchema?: string;
  /** Directory of the SQLite file; ':memory:' keeps nothing. */
  dataDir?: string;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export async function openStore(settings: StoreSettings): Promise<MatchStore> {
  const url = settings.databaseUrl;
  if (url !== undefined && url !== '') {
    if (!isPostgresUrl(url)) {
      throw new Error('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
    }
    return PostgresMatchStore.open({ connectionString: url, schema: settings.databaseSchema });
  }
  const dataDir = settings.dataDir ?? 'data';
  return SqliteMatchStore.open(
    dataDir === ':memory:' ? ':memory:' : join(dataDir, 'cluster-towns.sqlite'),
  );
}
