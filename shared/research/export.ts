/**
 * The research export (issue 15, part 5): a match log and its debrief extras as CSV files for
 * researchers, with salted pseudonyms instead of ids and only what consent allows
 * (./consent.ts). Pure: the caller passes the HMAC (node:crypto on the server and in the CLI),
 * the salt (a random secret per match the server keeps, never exported) and writes the files.
 * Every file and column is described in docs/research-export.md; change both together.
 */
import { SECTOR_IDS } from '../data/sectors';
import { CSV_COLUMNS, csvLine, townCsvFields } from '../engine/csv';
import { replayLog, type MatchLog } from '../engine/match-log';
import type { PredictionRecord, ResearchRecord } from '../debrief/extras';
import { consentScope, type RosterSeat } from './consent';

/** HMAC-SHA256 of `message` under `key`, as lowercase hex. */
export type Hmac = (key: string, message: string) => string;

export interface ExportInput {
  /** The match's stable id (the store's match id; the CLI: the file's name). Never exported. */
  matchKey: string;
  log: MatchLog;
  research: ResearchRecord | null;
  predictions: PredictionRecord | null;
  roster?: readonly RosterSeat[];
  /** The per-match secret; the same salt gives the same pseudonyms. */
  salt: string;
  hmac: Hmac;
}

export interface ExportFile {
  name: string;
  text: string;
}

/** Bad input for an export: the message says what to do; nothing is written. */
export class ResearchExportError extends Error {}

/** 16 hex digits (64 bits) of the HMAC: no collisions in a class, not reversible without salt. */
const PSEUDONYM_HEX = 16;

export const EXPORT_FILES = [
  'rounds.csv',
  'decisions.csv',
  'reasons.csv',
  'predictions.csv',
  'timings.csv',
  'README.txt',
] as const;

/** A salted pseudonym: a kind letter and the truncated HMAC of "kind:id". */
export function pseudonym(hmac: Hmac, salt: string, kind: 'm' | 't' | 's', id: string): string {
  return `${kind}_${hmac(salt, `${kind}:${id}`).slice(0, PSEUDONYM_HEX)}`;
}

/**
 * Free text a student typed, made safe for spreadsheets: a leading = + - @ would be read as a
 * formula (CSV injection), so it gets a leading apostrophe, as spreadsheet programs do.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const table = (header: readonly string[], rows: (string | number | null)[][]): string =>
  [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n';

/** A plan as dotted paths: scalars as they are, arrays of scalars joined by ";". */
export function flattenPlan(value: unknown, path = ''): [string, string | number][] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number' || typeof value === 'string') return [[path, value]];
  if (typeof value === 'boolean') return [[path, value ? 1 : 0]];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      return [[path, value.map(String).join(';')]];
    }
    return value.flatMap((v, i) => flattenPlan(v, `${path}.${i}`));
  }
  if (typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((k) =>
        flattenPlan((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
      );
  }
  return [];
}

/**
 * Plan fields left out of decisions.csv: the public statement is free text a student may sign
 * with a name, and the export never carries names.
 */
const OMITTED_FIELDS = new Set(['diplomacy.statement']);
const PROPOSAL_TOWNS = /^diplomacy\.proposals\.\d+\.to$/;

export function researchExport(input: ExportInput): ExportFile[] {
  const { log, research, salt, hmac } = input;
  if (!research?.enabled) {
    throw new ResearchExportError(
      'this match was not played in research mode: there is nothing to export',
    );
  }
  if (!salt) throw new ResearchExportError('a salt is required for the pseudonyms');
  const scope = consentScope(log, research, input.roster);
  const match = pseudonym(hmac, salt, 'm', input.matchKey);
  const town = (id: string) => pseudonym(hmac, salt, 't', id);
  const student = (id: string) => pseudonym(hmac, salt, 's', id);

  const rounds: (string | number | null)[][] = [];
  replayLog(log, (step) => {
    for (const t of step.state.towns) {
      if (!scope.towns.has(t.id)) continue;
      const fields = townCsvFields(step.state, t);
      fields[2] = town(t.id);
      rounds.push([match, ...fields]);
    }
  });

  const decisions: (string | number | null)[][] = [];
  const reasons: (string | number | null)[][] = [];
  const timings: (string | number | null)[][] = [];
  for (const r of log.rounds) {
    for (const id of Object.keys(r.plans).sort()) {
      if (!scope.towns.has(id)) continue;
      for (const [field, raw] of flattenPlan(r.plans[id])) {
        // A proposal names the towns it goes to: pseudonyms too, like every other town column.
        const value =
          PROPOSAL_TOWNS.test(field) && typeof raw === 'string' && raw
            ? raw.split(';').map(town).join(';')
            : raw;
        if (!OMITTED_FIELDS.has(field))
          decisions.push([match, r.round, r.year, town(id), field, value]);
      }
    }
    const subs = [...(r.submissions ?? [])].sort((a, b) => a.at - b.at);
    const first = subs[0]?.at ?? 0;
    subs.forEach((s, i) => {
      if (scope.towns.has(s.town)) {
        timings.push([match, r.round, town(s.town), i + 1, (s.at - first) / 1000]);
      }
      if (s.why && scope.reasonTowns.has(s.town)) {
        reasons.push([match, r.round, r.year, town(s.town), safeText(s.why)]);
      }
    });
  }

  const predictions: (string | number | null)[][] = [];
  const record = input.predictions ?? { questions: [], answers: [] };
  const questions = new Map(record.questions.map((q) => [q.id, q]));
  for (const a of record.answers) {
    const q = questions.get(a.question);
    if (!q || !scope.participants.has(a.participant)) continue;
    const answerTown =
      input.roster?.find((s) => s.participant === a.participant)?.townId ?? a.townId;
    predictions.push([
      match,
      q.id,
      q.round,
      q.kind,
      q.indicator ?? null,
      q.townId ? town(q.townId) : null,
      safeText(q.text),
      student(a.participant),
      answerTown ? town(answerTown) : null,
      a.option,
      safeText(q.options[a.option] ?? ''),
      q.correct.length === 0 ? null : q.correct.includes(a.option) ? 1 : 0,
    ]);
  }

  return [
    { name: 'rounds.csv', text: table(['match', ...CSV_COLUMNS], rounds) },
    {
      name: 'decisions.csv',
      text: table(['match', 'round', 'year', 'town', 'field', 'value'], decisions),
    },
    { name: 'reasons.csv', text: table(['match', 'round', 'year', 'town', 'why'], reasons) },
    {
      name: 'predictions.csv',
      text: table(
        [
          'match',
          'question',
          'round',
          'kind',
          'indicator',
          'question_town',
          'question_text',
          'participant',
          'town',
          'option',
          'answer',
          'correct',
        ],
        predictions,
      ),
    },
    {
      name: 'timings.csv',
      text: table(['match', 'round', 'town', 'order', 'seconds_after_first'], timings),
    },
    { name: 'README.txt', text: readme(match, scope, log) },
  ];
}

function readme(match: string, scope: ReturnType<typeof consentScope>, log: MatchLog): string {
  return [
    'Cluster Towns research export',
    '',
    `Match ${match}: scenario ${log.scenarioId}, ${log.rounds.length} rounds, log version ${log.version}.`,
    `Towns included: ${scope.towns.size} of ${log.towns.length}; consenting students: ${scope.participants.size}.`,
    '',
    'Every id is a pseudonym: the first 16 hex digits of HMAC-SHA256 under a secret salt of this',
    'match (m_ match, t_ town, s_ student). The salt is not part of the export. Students without',
    "consent are left out, with their reasons and predictions, and a town's decisions when the",
    'town was played by such a student alone.',
    '',
    'Files: rounds.csv (indicators per round and town), decisions.csv (plan fields), reasons.csv',
    "(the teams' one-line reasons), predictions.csv (class-replay questions and answers),",
    "timings.csv (submission order and seconds after the round's first submission; the log does",
    'not record when a round opened). Sectors: ' + SECTOR_IDS.join(', ') + '.',
    'The codebook is docs/research-export.md in the Cluster Towns repository.',
    '',
  ].join('\n');
}

/**
 * Several matches' exports as one set of files (the CLI's many logs): each CSV's header once,
 * then every match's rows (the `match` column tells them apart); the READMEs one after another.
 */
export function combineExports(exports: readonly ExportFile[][]): ExportFile[] {
  return EXPORT_FILES.map((name) => {
    const texts = exports.map((files) => files.find((f) => f.name === name)?.text ?? '');
    if (name === 'README.txt') return { name, text: texts.join('\n') };
    // Headers never hold a line break; a quoted field in the rows may, so rows are kept whole.
    const header = texts.find((t) => t)?.split('\n')[0] ?? '';
    const rows = texts.map((t) => t.slice(t.indexOf('\n') + 1)).join('');
    return { name, text: `${header}\n${rows}` };
  });
}
