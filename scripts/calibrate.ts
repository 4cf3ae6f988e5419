/**
 * Calibration table (issue 12): every stylised fact with a paper magnitude, run as a
 * treatment-versus-control experiment over many seeds.
 *
 *   npm run calibrate [-- --seeds <n>] [--out <file.md>]
 *
 * Prints a Markdown table: fact, source, paper figure, engine median and range over the seeds,
 * and whether the median is within the stated tolerance. Exits 1 when any fact is outside it.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { METRICS, type Metric } from '../tests/facts/experiments';

const MIN_SEEDS = 20;

function format(value: number, unit: Metric['unit']): string {
  if (unit === 'share') return `${(100 * value).toFixed(1)} %`;
  if (unit === 'count') return value.toFixed(0);
  return `×${value.toFixed(2)}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Row {
  metric: Metric;
  median: number;
  min: number;
  max: number;
  ok: boolean;
}

export function calibrate(seeds: number): Row[] {
  return METRICS.map((metric) => {
    const values = Array.from({ length: seeds }, (_, i) => metric.measure(i + 1));
    const m = median(values);
    return {
      metric,
      median: m,
      min: Math.min(...values),
      max: Math.max(...values),
      ok: m >= metric.tolerance[0] && m <= metric.tolerance[1],
    };
  });
}

export function table(rows: Row[], seeds: number): string {
  const lines = [
    `Seeds 1…${seeds}; engine figure = median [min … max] over seeds.`,
    '',
    '| Fact | Source | Paper | Engine median [range] | Tolerance | Within |',
    '| ---- | ------ | ----- | --------------------- | --------- | ------ |',
  ];
  for (const r of rows) {
    const u = r.metric.unit;
    lines.push(
      `| ${r.metric.fact} | ${r.metric.source} | ${r.metric.paper} | ${format(r.median, u)} [${format(r.min, u)} … ${format(r.max, u)}] | ${format(r.metric.tolerance[0], u)} … ${format(r.metric.tolerance[1], u)} | ${r.ok ? 'yes' : 'NO'} |`,
    );
  }
  const within = rows.filter((r) => r.ok).length;
  lines.push('', `${within} of ${rows.length} within tolerance.`);
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { seeds: { type: 'string' }, out: { type: 'string' } },
  });
  const seeds = values.seeds === undefined ? MIN_SEEDS : Number(values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1) {
    console.error('error: --seeds must be a positive integer');
    process.exit(2);
  }
  const rows = calibrate(seeds);
  const text = table(rows, seeds);
  console.log(text);
  if (values.out) writeFileSync(values.out, text + '\n');
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

main();
