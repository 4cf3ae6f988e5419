/**
 * Simulation benchmarks: `npm run bench` prints a markdown table of wall times.
 *
 * - One round with 10 and 40 towns (open-door-1980 after a few warm-up rounds; every town's plan
 *   from decidePlan, decided before the clock starts, so only resolveRound is timed).
 * - Re-simulation of a whole 30-round match of 12 and 40 towns from its log (replayLog, which
 *   also recreates the match and checks every hash), with the log's size raw and gzipped.
 *
 * Each figure is the median (and 90th percentile) of several runs after warm-up runs.
 * Options: --quick (fewer runs, for a smoke check).
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  LIMITS,
  STRATEGY_IDS,
  buildChapters,
  createMatch,
  replayLog,
  resolveRound,
  whatIf,
  type MatchState,
} from '../shared/index';
import { CliError, decidePlans, parseArgsMessage, playMatch, runCli, serialiseLog } from './common';

const SCENARIO = 'open-door-1980';
const SEED = 1;
const WARM_UP_ROUNDS = 3;

interface Timing {
  median: number;
  p90: number;
  runs: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function time(run: () => void, warmUps: number, runs: number): Timing {
  for (let i = 0; i < warmUps; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p90: percentile(samples, 90), runs };
}

/** A state a few rounds into the match, so firms, projects and FDI are under way. */
function warmedState(towns: number): MatchState {
  let state = createMatch(SCENARIO, { seed: SEED, towns });
  for (let r = 0; r < WARM_UP_ROUNDS; r++) {
    state = resolveRound(state, { plans: decidePlans(state, STRATEGY_IDS), cards: [] }).state;
  }
  return state;
}

function benchRound(towns: number, warmUps: number, runs: number): Timing {
  const state = warmedState(towns);
  const inputs = { plans: decidePlans(state, STRATEGY_IDS), cards: [] };
  return time(() => void resolveRound(state, inputs), warmUps, runs);
}

function benchReplay(
  towns: number,
  warmUps: number,
  runs: number,
): Timing & { raw: number; gzip: number } {
  const { log } = playMatch({
    scenarioId: SCENARIO,
    seed: SEED,
    rounds: 30,
    towns,
    strategies: STRATEGY_IDS,
  });
  const text = serialiseLog(log);
  const timing = time(() => void replayLog(log), warmUps, runs);
  return { ...timing, raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
}

/**
 * The debrief's work on a played log (issue 15), as the viewer does it in the browser: a
 * headless what-if (one town's plan changed at round 10, the rest as logged, both paths
 * re-simulated and compared) and the chapter detection over the whole match.
 */
function benchDebrief(
  towns: number,
  warmUps: number,
  runs: number,
): { whatIf: Timing; chapters: Timing } {
  const { log } = playMatch({
    scenarioId: SCENARIO,
    seed: SEED,
    rounds: 30,
    towns,
    strategies: STRATEGY_IDS,
  });
  // The first town for which a higher tax on foreign firms is a valid plan at round 10 (a change
  // of policy can cost more than a poor town has left).
  const entry = log.rounds[9];
  const request = Object.entries(entry.plans)
    .map(([townId, logged]) => ({
      round: 10,
      townId,
      plan: {
        ...logged,
        preferential: { ...logged.preferential, foreignTaxRate: LIMITS.maxTaxRate },
      },
    }))
    .find((candidate) => {
      try {
        whatIf(log, candidate);
        return true;
      } catch {
        return false;
      }
    });
  if (!request) throw new Error('no town can raise its foreign tax at round 10');
  return {
    whatIf: time(() => void whatIf(log, request), warmUps, runs),
    chapters: time(() => void buildChapters(log), warmUps, runs),
  };
}

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const kib = (bytes: number): string =>
  `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;
const verdict = (value: number, goal: number): string => (value < goal ? 'met' : '**missed**');

function main(): void {
  let quick = false;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: { quick: { type: 'boolean' } },
    });
    quick = values.quick ?? false;
  } catch (error) {
    throw new CliError(parseArgsMessage(error), 2);
  }
  const roundRuns = quick ? 5 : 30;
  const replayRuns = quick ? 2 : 7;

  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} logical cores)`,
  );
  console.log(
    `scenario ${SCENARIO}, seed ${SEED}, strategies ${STRATEGY_IDS.join(',')} round-robin\n`,
  );

  const round10 = benchRound(10, 5, roundRuns);
  const round40 = benchRound(40, 5, roundRuns);
  const replay12 = benchReplay(12, 1, replayRuns);
  const replay40 = benchReplay(40, 1, replayRuns);
  const debrief40 = benchDebrief(40, 1, replayRuns);

  const rows: string[][] = [
    [
      'One round, 10 towns (resolveRound)',
      ms(round10.median),
      ms(round10.p90),
      String(round10.runs),
      '',
      '',
    ],
    [
      'One round, 40 towns (resolveRound)',
      ms(round40.median),
      ms(round40.p90),
      String(round40.runs),
      '< 10 ms',
      verdict(round40.median, 10),
    ],
    [
      'Replay 30 rounds, 12 towns (replayLog)',
      ms(replay12.median),
      ms(replay12.p90),
      String(replay12.runs),
      '',
      '',
    ],
    [
      'Replay 30 rounds, 40 towns (replayLog)',
      ms(replay40.median),
      ms(replay40.p90),
      String(replay40.runs),
      '< 300 ms',
      verdict(replay40.median, 300),
    ],
    [
      'What-if at round 10 of 30, 40 towns (whatIf)',
      ms(debrief40.whatIf.median),
      ms(debrief40.whatIf.p90),
      String(debrief40.whatIf.runs),
      '< 1000 ms',
      verdict(debrief40.whatIf.median, 1000),
    ],
    [
      'Debrief chapters, 30 rounds, 40 towns (buildChapters)',
      ms(debrief40.chapters.median),
      ms(debrief40.chapters.p90),
      String(debrief40.chapters.runs),
      '< 1000 ms',
      verdict(debrief40.chapters.median, 1000),
    ],
  ];
  console.log('| Measurement | Median | p90 | Runs | Goal | Goal met |');
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
  console.log('| Match log (30 rounds) | Raw JSON | gzip |');
  console.log('| --- | ---: | ---: |');
  console.log(`| 12 towns | ${kib(replay12.raw)} | ${kib(replay12.gzip)} |`);
  console.log(`| 40 towns | ${kib(replay40.raw)} | ${kib(replay40.gzip)} |`);
}

runCli(main);
