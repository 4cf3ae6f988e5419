/**
 * End-to-end tests of the command-line tools: the real scripts run in a child process through
 * tsx, writing into a temporary directory. Four rounds per scenario keep the file fast.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, SECTOR_IDS, STRATEGY_IDS, type MatchLog } from '../../shared/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const ROUNDS = 4;
const TIMEOUT = 60_000;

const REQUIRED_COLUMNS = [
  'round',
  'year',
  'town',
  'gdp',
  'jobs',
  'firms',
  'exports',
  'fdi_stock',
  'pollution',
  'fiscal_balance',
  'debt',
  'stability',
  'score',
  ...SECTOR_IDS.map((s) => `firms_${s}`),
];

/** The other indicators the replay viewer charts, exported as extra columns. */
const CHARTED_COLUMNS = [
  'gdp_per_head',
  'industrial_output',
  'fdi_inflow',
  'value_added_per_worker',
  'revenue',
  'spending',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run scripts/<script>.ts with tsx; never throws on a non-zero exit. */
function cli(script: 'sim' | 'replay', args: string[]): Run {
  try {
    const stdout = execFileSync(TSX, [`scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: TIMEOUT,
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number | null; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The stderr lines of a run (the error contract is exactly one `error: …` line). */
function errorLines(run: Run): string[] {
  return run.stderr.split('\n').filter((line) => line.trim() !== '');
}

let dir = '';
const logPath = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cluster-towns-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(SCENARIOS.map((s) => [s.id, s] as const))('scenario %s', (id, scenario) => {
  it(
    'simulates 4 rounds with 3 strategies, replays them verified and exports the CSV',
    () => {
      const out = logPath(`${id}.json`);
      const sim = cli('sim', [
        '--scenario',
        id,
        '--seed',
        '7',
        '--rounds',
        String(ROUNDS),
        '--strategies',
        STRATEGY_IDS.join(','),
        '--out',
        out,
      ]);
      expect(sim.code).toBe(0);
      const simHash = /final hash ([0-9a-f]{16})/.exec(sim.stdout)?.[1];
      expect(simHash).toBeDefined();
      expect(sim.stdout).toContain(out);

      const log = JSON.parse(readFileSync(out, 'utf8')) as MatchLog;
      expect(log.rounds).toHaveLength(ROUNDS);
      expect(log.config.towns).toBe(scenario.towns.length);

      const csvPath = logPath(`${id}.csv`);
      const replay = cli('replay', [out, '--verify', '--csv', csvPath]);
      expect(replay.code).toBe(0);
      expect(replay.stdout).toContain(`verified ${ROUNDS} rounds, final hash ${simHash}`);

      const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
      const header = lines[0].split(',');
      expect(header.slice(0, REQUIRED_COLUMNS.length)).toEqual(REQUIRED_COLUMNS);
      const rows = lines.slice(1).map((line) => line.split(','));
      expect(rows).toHaveLength(ROUNDS * scenario.towns.length);
      for (const row of rows) expect(row).toHaveLength(header.length);
      const rounds = rows.map((row) => Number(row[0]));
      expect(new Set(rounds)).toEqual(new Set([1, 2, 3, 4]));
      const years = rows.map((row) => Number(row[1]));
      expect(Math.min(...years)).toBe(scenario.startYear);
      const towns = new Set(rows.map((row) => row[2]));
      expect(towns).toEqual(new Set(scenario.towns.map((t) => t.id)));
      for (const row of rows) {
        for (const value of row.slice(3, REQUIRED_COLUMNS.length))
          expect(Number.isFinite(Number(value))).toBe(true);
      }
      // The charted indicators come after the required columns, as numbers.
      const charted = CHARTED_COLUMNS.map((name) => header.indexOf(name));
      for (const index of charted) expect(index).toBeGreaterThanOrEqual(REQUIRED_COLUMNS.length);
      for (const row of rows) {
        for (const index of charted) expect(Number.isFinite(Number(row[index]))).toBe(true);
      }
      const column = (name: string) => rows.map((row) => Number(row[header.indexOf(name)]));
      expect(column('gdp_per_head').some((v) => v > 0)).toBe(true);
      expect(column('revenue').some((v) => v > 0)).toBe(true);
      expect(column('spending').some((v) => v > 0)).toBe(true);
    },
    TIMEOUT,
  );
});

describe('replay rejects damaged logs', () => {
  /** A good 4-round log (made by the scenario tests above, or here when run alone). */
  const source = (): string => {
    const path = logPath(`${SCENARIOS[0].id}.json`);
    if (!existsSync(path)) {
      const sim = cli('sim', [
        '--scenario',
        SCENARIOS[0].id,
        '--rounds',
        String(ROUNDS),
        '--out',
        path,
      ]);
      expect(sim.code).toBe(0);
    }
    return readFileSync(path, 'utf8');
  };

  it(
    'names the round whose plan was tampered with',
    () => {
      const log = JSON.parse(source()) as MatchLog;
      const entry = log.rounds[2];
      const town = Object.keys(entry.plans)[0];
      const plan = entry.plans[town];
      plan.preferential.foreignTaxRate = plan.preferential.foreignTaxRate === 0.3 ? 0.31 : 0.3;
      const path = logPath('tampered.json');
      writeFileSync(path, JSON.stringify(log));
      const run = cli('replay', [path, '--verify']);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*round 3\b/);
    },
    TIMEOUT,
  );

  it(
    'detects a broken hash chain',
    () => {
      const log = JSON.parse(source()) as MatchLog;
      log.rounds[1].chain = '0000000000000000';
      const path = logPath('chain.json');
      writeFileSync(path, JSON.stringify(log));
      const run = cli('replay', [path, '--verify']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: round 2: hash chain broken/);
    },
    TIMEOUT,
  );

  it(
    'fails on a truncated file',
    () => {
      const text = source();
      const path = logPath('truncated.json');
      writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
      const run = cli('replay', [path, '--verify']);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*not valid JSON/);
    },
    TIMEOUT,
  );

  it(
    'refuses another log version, naming it',
    () => {
      const log = JSON.parse(source()) as { version: number };
      log.version = 0;
      const path = logPath('version.json');
      writeFileSync(path, JSON.stringify(log));
      const run = cli('replay', [path, '--verify']);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toHaveLength(1);
      expect(run.stderr).toMatch(/^error: .*version 0\b/);
    },
    TIMEOUT,
  );

  it(
    'fails on a missing file',
    () => {
      const run = cli('replay', [logPath('absent.json'), '--verify']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: cannot read .*absent\.json/);
    },
    TIMEOUT,
  );
});

describe('sim arguments', () => {
  it(
    'rejects an unknown scenario with one line and exit 2',
    () => {
      const run = cli('sim', ['--scenario', 'atlantis-2099', '--out', logPath('x.json')]);
      expect(run.code).toBe(2);
      expect(errorLines(run)).toEqual([expect.stringMatching(/^error: .*atlantis-2099/)]);
    },
    TIMEOUT,
  );

  it(
    'rejects a non-integer seed with one line and exit 2',
    () => {
      const run = cli('sim', [
        '--scenario',
        SCENARIOS[0].id,
        '--seed',
        '1.5',
        '--out',
        logPath('x.json'),
      ]);
      expect(run.code).toBe(2);
      expect(errorLines(run)).toEqual([expect.stringMatching(/^error: .*--seed/)]);
    },
    TIMEOUT,
  );

  it(
    '--list lists every scenario and strategy',
    () => {
      const run = cli('sim', ['--list']);
      expect(run.code).toBe(0);
      for (const s of SCENARIOS) expect(run.stdout).toContain(s.id);
      for (const id of STRATEGY_IDS) expect(run.stdout).toContain(id);
    },
    TIMEOUT,
  );
});
