/**
 * Re-simulate a match log and check it, optionally exporting one CSV row per round and town.
 *
 *   npm run replay -- <match.json> [--verify] [--csv <out.csv>] [--quiet]
 *   npm run replay -- <match.json> --what-if <plan.json> --round <k> --town <id> [--diff <out.csv>]
 *        [--others logged|strategy]
 *
 * Every replay re-runs resolveRound from the seed and configuration and checks each round's
 * state hash and the hash chain (docs/match-log.md). Exit codes: 0 all rounds match, 1 the log
 * cannot be read or differs (the message names the first differing round), 2 bad arguments.
 * With more than 10 rounds a progress note goes to stderr every 10 rounds (--quiet silences it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { csvHeader, stateCsvLines } from '../shared/engine/csv';
import { GAME_VERSION } from '../shared/engine/match-log';
import { LogError, parseLog, replayLog, type MatchLog } from '../shared/index';
import { CliError, parseArgsMessage, runCli } from './common';
import { runWhatIf } from './replay-what-if';

const USAGE =
  'usage: npm run replay -- <match.json> [--verify] [--csv <out.csv>] [--quiet]\n' +
  '       npm run replay -- <match.json> --what-if <plan.json> --round <k> --town <id> [--diff <out.csv>]\n' +
  '         [--others logged|strategy]   (the other towns as logged, or computer towns decide again)';
const PROGRESS_EVERY = 10;

function readLog(path: string): MatchLog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${why}`, 1);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${path} is not valid JSON (truncated or corrupt?): ${(error as Error).message}`,
      1,
    );
  }
  try {
    return parseLog(value);
  } catch (error) {
    if (error instanceof LogError) throw new CliError(`${path}: ${error.message}`, 1);
    throw error;
  }
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: true,
      options: {
        verify: { type: 'boolean' },
        csv: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'what-if': { type: 'string' },
        round: { type: 'string' },
        town: { type: 'string' },
        diff: { type: 'string' },
        others: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(parseArgsMessage(error), 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0)
    throw new CliError(
      'missing the match log file (usage: replay <match.json> [--verify] [--csv <out.csv>])',
      2,
    );
  if (positionals.length > 1)
    throw new CliError(
      `expected one match log file, got ${positionals.length}: ${positionals.join(' ')}`,
      2,
    );
  if (values.csv !== undefined && values.csv.trim() === '')
    throw new CliError('--csv needs a file name', 2);

  const path = resolve(positionals[0]);
  const log = readLog(path);
  if (values['what-if'] !== undefined) {
    runWhatIf(log, {
      planPath: values['what-if'],
      round: values.round,
      town: values.town,
      diff: values.diff,
      others: values.others,
    });
    return;
  }
  const total = log.rounds.length;
  const progress = !values.quiet && total > PROGRESS_EVERY;
  const csvLines: string[] | null = values.csv !== undefined ? [csvHeader()] : null;

  try {
    replayLog(log, ({ round, state }) => {
      if (csvLines) csvLines.push(...stateCsvLines(state));
      if (progress && round % PROGRESS_EVERY === 0)
        process.stderr.write(`replayed ${round}/${total} rounds\n`);
    });
  } catch (error) {
    const hint =
      log.gameVersion !== GAME_VERSION
        ? ` (log written by game version ${String(log.gameVersion)}, this is ${GAME_VERSION})`
        : '';
    if (error instanceof LogError) throw new CliError(error.message + hint, 1);
    throw new CliError(`replay failed: ${(error as Error).message}${hint}`, 1);
  }

  const finalHash = total > 0 ? log.rounds[total - 1].hash : log.initialHash;
  if (values.csv !== undefined && csvLines) {
    const out = resolve(values.csv);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${csvLines.join('\n')}\n`);
    } catch (error) {
      throw new CliError(`cannot write ${out}: ${(error as Error).message}`, 1);
    }
    console.log(
      `wrote ${out}: ${csvLines.length - 1} rows (${total} rounds x ${log.config.towns} towns)`,
    );
  }
  if (values.verify || values.csv === undefined)
    console.log(`verified ${total} rounds, final hash ${finalHash}`);
}

runCli(main);
