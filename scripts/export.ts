/**
 * The research export for many matches (issue 15, part 5; docs/research-export.md):
 *
 *   npm run export -- <log.json…> --out <dir> [--salt <hex>]
 *
 * Each log is a match log downloaded by the instructor (it carries the research record and the
 * predictions beside the log). Matches without research mode are skipped with a warning. A
 * downloaded log does not carry the server's per-match salt, so the pseudonyms here come from
 * `--salt` (the same salt gives the same pseudonyms across runs) or from a random salt made for
 * this run (then pseudonyms are per export and cannot be linked to another export).
 * Exit codes: 0 written, 1 a log cannot be read or no log is in research mode, 2 bad arguments.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPredictions, readResearch } from '../shared/debrief/extras';
import { LogError, parseLog } from '../shared/index';
import { combineExports, researchExport, type ExportFile } from '../shared/research/export';
import { CliError, parseArgsMessage, runCli } from './common';

const USAGE = 'usage: npm run export -- <log.json…> --out <dir> [--salt <hex>]';

const hmac = (key: string, message: string): string =>
  createHmac('sha256', key).update(message).digest('hex');

function readJson(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`, 1);
  }
  if (!value || typeof value !== 'object') throw new CliError(`${path} is not a match log`, 1);
  return value as Record<string, unknown>;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        salt: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(parseArgsMessage(error), 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(USAGE);
  if (positionals.length === 0) throw new CliError(`no log files given (${USAGE})`, 2);
  if (!values.out?.trim()) throw new CliError(`--out <dir> is required (${USAGE})`, 2);
  if (values.salt !== undefined && !/^[0-9a-fA-F]{16,}$/.test(values.salt)) {
    throw new CliError('--salt must be at least 16 hex digits', 2);
  }
  const salt = values.salt?.toLowerCase() ?? randomBytes(32).toString('hex');
  const exports: ExportFile[][] = [];
  for (const path of positionals.map((p) => resolve(p))) {
    const file = readJson(path);
    let log;
    try {
      log = parseLog(file);
    } catch (error) {
      if (error instanceof LogError) throw new CliError(`${path}: ${error.message}`, 1);
      throw error;
    }
    const research = readResearch(file.research);
    if (!research) {
      process.stderr.write(`skipped ${path}: the match was not played in research mode\n`);
      continue;
    }
    // The match's identity without the file name: where it starts and where its chain ends.
    const last = log.end?.chain ?? log.rounds.at(-1)?.chain ?? '';
    const matchKey = `${log.initialHash}:${last}`;
    const predictions = readPredictions(file.predictions);
    exports.push(researchExport({ matchKey, log, research, predictions, salt, hmac }));
  }
  if (exports.length === 0) throw new CliError('no log in research mode: nothing exported', 1);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const f of combineExports(exports)) writeFileSync(join(out, f.name), f.text);
  const note = values.salt
    ? 'pseudonyms from the given salt'
    : 'a random salt for this run: pseudonyms are per export';
  console.log(`exported ${exports.length} match(es) to ${out} (${note})`);
}

runCli(main);
