/**
 * Play a match of computer towns and write its match log.
 *
 *   npm run sim -- --scenario <id> [--seed <n>] [--rounds <r>] [--towns <k>]
 *                  [--strategies <s1,s2,...>] --out <match.json> [--verbose]
 *   npm run sim -- --list
 *
 * Strategies are assigned to towns round-robin from the list (default: every strategy, cycling).
 * Bad arguments print one `error: ...` line and exit 2; a failure while simulating exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  MAX_TOWNS,
  MIN_TOWNS,
  SCENARIOS,
  STRATEGIES,
  STRATEGY_IDS,
  findScenario,
  isStrategyId,
  type StrategyId,
} from '../shared/index';
import {
  CliError,
  integerOption,
  parseArgsMessage,
  playMatch,
  runCli,
  serialiseLog,
} from './common';

const MAX_ROUNDS = 100;

const USAGE = `usage: npm run sim -- --scenario <id> [--seed <n>] [--rounds <r>] [--towns <k>] [--strategies <s1,s2,...>] --out <match.json> [--verbose]
       npm run sim -- --list`;

function list(): void {
  console.log('scenarios:');
  for (const s of SCENARIOS) {
    const end = s.startYear + s.roundYears * s.defaultRounds - 1;
    console.log(
      `  ${s.id}  ${s.title}  (${s.startYear}-${end}, ${s.defaultRounds} rounds, ${s.towns.length} towns)`,
    );
  }
  console.log('strategies:');
  for (const id of STRATEGY_IDS)
    console.log(`  ${id}  ${STRATEGIES[id].name}: ${STRATEGIES[id].description}`);
}

function parseStrategies(raw: string | undefined): StrategyId[] {
  if (raw === undefined) return [...STRATEGY_IDS];
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new CliError(`--strategies has an empty item in ${JSON.stringify(raw)}`, 2);
  const unknown = items.find((s) => !isStrategyId(s));
  if (unknown !== undefined) {
    throw new CliError(`unknown strategy "${unknown}" (known: ${STRATEGY_IDS.join(', ')})`, 2);
  }
  return items as StrategyId[];
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        seed: { type: 'string' },
        rounds: { type: 'string' },
        towns: { type: 'string' },
        strategies: { type: 'string' },
        out: { type: 'string' },
        verbose: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(parseArgsMessage(error), 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.list) {
    list();
    return;
  }
  const scenarioId = values.scenario ?? SCENARIOS[0].id;
  const scenario = findScenario(scenarioId);
  if (!scenario) {
    throw new CliError(
      `unknown scenario "${scenarioId}" (known: ${SCENARIOS.map((s) => s.id).join(', ')})`,
      2,
    );
  }
  const seed = integerOption('seed', values.seed, 0, 0xffffffff) ?? 1;
  const rounds = integerOption('rounds', values.rounds, 1, MAX_ROUNDS) ?? scenario.defaultRounds;
  const towns = integerOption('towns', values.towns, MIN_TOWNS, MAX_TOWNS) ?? scenario.towns.length;
  const strategies = parseStrategies(values.strategies);
  if (values.out === undefined || values.out.trim() === '')
    throw new CliError('missing --out <match.json>', 2);
  const out = resolve(values.out);

  const { log, rejected } = playMatch({
    scenarioId,
    seed,
    rounds,
    towns,
    strategies,
    onRound: values.verbose
      ? (result, before) =>
          console.log(`round ${before.round + 1}  year ${before.year}  hash ${result.hash}`)
      : undefined,
    onRejected: values.verbose
      ? (r) =>
          console.error(
            `note: round ${r.round}: ${r.town} (${r.strategy}) plan refused, caretaker used: ${r.reason}`,
          )
      : undefined,
  });
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, serialiseLog(log));
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error).message}`, 1);
  }
  if (rejected.length > 0 && !values.verbose) {
    const towns = new Set(rejected.map((r) => r.town)).size;
    console.error(
      `note: ${rejected.length} computer plans (${towns} towns) failed validation and were replaced by caretaker plans; --verbose lists them`,
    );
  }
  const finalHash =
    log.rounds.length > 0 ? log.rounds[log.rounds.length - 1].hash : log.initialHash;
  console.log(
    `wrote ${out}: ${scenarioId}, seed ${seed}, ${towns} towns, ${log.rounds.length} rounds, final hash ${finalHash}`,
  );
}

runCli(main);
