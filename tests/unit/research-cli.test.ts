/**
 * `npm run export -- <logs…> --out <dir> [--salt <hex>]` (scripts/export.ts) on downloaded logs:
 * the research record and predictions travel beside the log; a log without research mode is
 * skipped; a given salt gives the same files on every run; bad arguments exit with code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { classLog, NAMES, predictions, research } from './research-fixture';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'research-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withExtras = join(dir, 'class.json');
writeFileSync(withExtras, JSON.stringify({ ...classLog(), research, predictions }));
const plain = join(dir, 'plain.json');
writeFileSync(plain, JSON.stringify(classLog()));

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['scripts/export.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const read = (out: string) =>
  Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));

describe('npm run export', { timeout: 60_000 }, () => {
  it('writes the CSVs of research logs, skips the others, and is stable for a salt', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const salt = ['--salt', '00112233445566778899aabbccddeeff'];
    const first = run([withExtras, plain, '--out', a, ...salt]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/exported 1 match/);
    expect(first.stderr).toMatch(/skipped .*plain\.json/);
    expect(run([withExtras, '--out', b, ...salt]).code).toBe(0);
    const files = read(a);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'decisions.csv',
      'predictions.csv',
      'reasons.csv',
      'rounds.csv',
      'timings.csv',
    ]);
    expect(read(b)).toEqual(files);
    const all = Object.values(files).join('\n');
    for (const name of Object.values(NAMES)) expect(all).not.toContain(name);
    expect(all).not.toContain('00112233445566778899aabbccddeeff');
  });

  it('refuses bad arguments and logs without research mode', () => {
    expect(run([withExtras]).code).toBe(2);
    expect(run([withExtras, '--out', join(dir, 'c'), '--salt', 'xyz']).code).toBe(2);
    const none = run([plain, '--out', join(dir, 'd')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no log in research mode/);
  });
});
