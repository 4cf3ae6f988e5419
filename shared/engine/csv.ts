/**
 * CSV export of replayed states: one row per round and town, for spreadsheets and plotting.
 * Pure text building, no I/O: the CLI (scripts/replay.ts) writes the result to disk.
 *
 * Columns: round, year (the year the round covered), town id, headline indicators of that round
 * (from `town.last`), debt, pollution index, stability, cumulative score, firms per sector in
 * SECTOR_IDS order, then unemployment, patents, the round's evaluation and the specialised sector,
 * then the other indicators the replay viewer charts (GDP per head, industrial output, FDI inflow,
 * value added per worker, revenue, spending). New columns are only ever appended, so scripts that
 * read columns by position keep working.
 * Numbers are rounded to 3 decimals; fields are quoted per RFC 4180 when they need it.
 */
import { SECTOR_IDS } from '../data/sectors';
import { firmCount } from './industry';
import { pollutionIndex } from './pollution';
import type { MatchState, TownState } from './types';

export const CSV_COLUMNS: readonly string[] = [
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
  'unemployment',
  'patents',
  'evaluation',
  'specialised_sector',
  'gdp_per_head',
  'industrial_output',
  'fdi_inflow',
  'value_added_per_worker',
  'revenue',
  'spending',
];

export interface CsvOptions {
  /** Record separator; RFC 4180 prescribes CRLF, most tools accept LF. Default LF. */
  eol?: '\n' | '\r\n';
}

/** Round to 3 decimals and print without exponent for ordinary magnitudes; −0 prints as 0. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const r = Math.round(value * 1000) / 1000;
  return String(r === 0 ? 0 : r);
}

/** Quote a field when it holds a comma, a double quote, CR or LF (RFC 4180 §2.6–2.7). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',');
}

export function csvHeader(): string {
  return csvLine(CSV_COLUMNS);
}

/** The row of one town in a state taken after a round. */
export function townCsvFields(state: MatchState, town: TownState): (string | number | null)[] {
  const last = town.last;
  return [
    state.round,
    state.year - state.roundYears,
    town.id,
    last.gdp,
    last.jobs,
    last.firms,
    last.exports,
    last.fdiStock,
    pollutionIndex(town),
    last.fiscalBalance,
    town.debt,
    town.stability,
    town.score,
    ...SECTOR_IDS.map((s) => firmCount(town.industries[s])),
    last.unemployment,
    last.patents,
    last.evaluation,
    town.specialisedSector,
    last.gdpPerHead,
    last.industrialOutput,
    last.fdiInflow,
    last.valueAddedPerWorker,
    last.revenue,
    last.spending,
  ];
}

/** The lines (without separators) of every town for one state taken after a round. */
export function stateCsvLines(state: MatchState): string[] {
  return state.towns.map((town) => csvLine(townCsvFields(state, town)));
}

/** A whole CSV document: the header and the rows of each state in order, ending with an EOL. */
export function matchCsv(states: readonly MatchState[], options: CsvOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = [csvHeader()];
  for (const state of states) lines.push(...stateCsvLines(state));
  return lines.join(eol) + eol;
}
