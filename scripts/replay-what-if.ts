/**
 * `npm run replay -- log.json --what-if plan.json --round k --town id [--diff out.csv]`: play a
 * what-if headless (shared/engine/what-if.ts). The plan file is one town's plan as
 * docs/schema/plan.json describes it; every other town does what the log says it did. Prints the
 * indicators that diverged most, each with the engine's causes of the difference, and writes the
 * whole diff as CSV.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LogError, type MatchLog } from '../shared/index';
import { WHAT_IF_OTHERS, whatIf, whatIfCsv, type Divergence } from '../shared/engine/what-if';
import { CliError } from './common';

export interface WhatIfArgs {
  planPath: string;
  round: string | undefined;
  town: string | undefined;
  diff: string | undefined;
  /** 'logged' (default) or 'strategy': what the other towns do after the change. */
  others?: string;
}

function readPlan(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the plan ${path}: ${(error as Error).message}`, 1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`the plan ${path} is not valid JSON: ${(error as Error).message}`, 1);
  }
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(1) : n.toFixed(3);

function describe(d: Divergence): string {
  const sign = d.difference > 0 ? '+' : '−';
  const causes = d.causes
    .slice(0, 4)
    .map(
      (c) =>
        `${c.cause}${c.sector ? ` ${c.sector}` : ''}${c.indicator ? ` ${c.indicator}` : ''}` +
        `${c.town ? ` (${c.town})` : ''} ` +
        `${c.amount > 0 ? '+' : '−'}${fmt(Math.abs(c.amount))}`,
    )
    .join(', ');
  return (
    `${d.townId} ${d.indicator}: ${sign}${fmt(Math.abs(d.difference))} against history ` +
    `(${fmt(d.history)} → ${fmt(d.whatIf)})${causes ? `: ${causes}` : ''}`
  );
}

export function runWhatIf(log: MatchLog, args: WhatIfArgs): void {
  if (args.round === undefined || args.town === undefined) {
    throw new CliError('--what-if needs --round <k> and --town <id>', 2);
  }
  const round = Number(args.round);
  if (!Number.isInteger(round)) throw new CliError(`--round must be a whole number`, 2);
  if (args.diff !== undefined && args.diff.trim() === '') {
    throw new CliError('--diff needs a file name', 2);
  }
  const others = WHAT_IF_OTHERS.find((o) => o === (args.others ?? 'logged'));
  if (!others) throw new CliError(`--others must be ${WHAT_IF_OTHERS.join(' or ')}`, 2);
  const plan = readPlan(args.planPath);
  let result;
  try {
    result = whatIf(log, { round, townId: args.town, plan, others });
  } catch (error) {
    if (error instanceof LogError) throw new CliError(error.message, 1);
    throw error;
  }
  console.log(
    `what if ${args.town} had played ${args.planPath} in round ${round}: ` +
      `${result.diverged.length} figures differ at the last round`,
  );
  for (const d of result.diverged.slice(0, 10)) console.log(`  ${describe(d)}`);
  for (const d of result.dropped) {
    console.log(`  round ${d.round}: ${d.townId}'s logged plan no longer fit (${d.reasons[0]})`);
  }
  if (args.diff !== undefined) {
    const out = resolve(args.diff);
    try {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, whatIfCsv(result));
    } catch (error) {
      throw new CliError(`cannot write ${out}: ${(error as Error).message}`, 1);
    }
    console.log(`wrote ${out}: ${result.rows.length} rows`);
  }
}
