/**
 * The citation fixture, tests/fixtures/citations.json: for each cited paper its file name in the
 * team's reference folder (../shared/seeds beside the checkout), the SHA-256 and size of its
 * text, and every passage the game quotes with a little of the paper around it. The tests check
 * the game's citations against it in every clone, and the fixture against the papers wherever
 * they are present. `npm run citations:fixture` (scripts/citation-fixture.ts) writes it.
 * No vitest here: the script imports this module too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from '../../shared/data/citation';
import { compareCitations, uniqueCitations } from './all-citations';

/** The papers, as the checkout finds them: the team's reference folder beside it. */
export const SEEDS_DIR = resolve(process.cwd(), '..', 'shared', 'seeds');

export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/citations.json', import.meta.url));

export const REGENERATE = 'npm run citations:fixture';

/** Characters of the paper kept on each side of a quote in the fixture's context. */
const CONTEXT = 40;

export interface PaperRecord {
  /** File name in ../shared/seeds (its prefix is the paper id). */
  file: string;
  /** SHA-256 of the file, hex. */
  sha256: string;
  /** Size of the file in bytes. */
  bytes: number;
}

export interface QuoteRecord extends Citation {
  /** Where the quote first occurs in the paper's text (UTF-16 code units). */
  offset: number;
  /** The quote in «» with up to 40 characters of the paper either side, whitespace collapsed. */
  context: string;
}

export interface CitationFixture {
  about: string;
  papers: Record<string, PaperRecord>;
  quotes: QuoteRecord[];
}

export interface Paper extends PaperRecord {
  text: string;
}

const ABOUT =
  `Every passage the game quotes (tests/citations/all-citations.ts) and the papers of ` +
  `../shared/seeds they come from. Written by \`${REGENERATE}\`; do not edit by hand.`;

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The paper's file in the folder, found by its id prefix ("003_…txt"), or undefined. */
export function paperFile(id: string, dir: string = SEEDS_DIR): string | undefined {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${id}_`))
    .sort()[0];
}

/** Reads one paper; throws when the folder lacks it. */
export function readPaper(id: string, dir: string = SEEDS_DIR): Paper {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: paper ${id} cannot be read`);
  const file = paperFile(id, dir);
  if (!file) throw new Error(`paper ${id} not found in ${dir}`);
  const data = readFileSync(join(dir, file));
  return { file, sha256: sha256(data), bytes: data.length, text: data.toString('utf8') };
}

/** The section label without its § or ¶ sign, as the paper prints it ("4.3", "Table 6"). */
export const sectionLabel = (section: string): string => section.replace(/^[§¶]/, '');

/** Full-width digits and dots become ASCII; runs of dots ("2．．．．1") collapse to one. */
export const normalised = (s: string): string => s.normalize('NFKC').replace(/\.{2,}/g, '.');

/**
 * What is wrong with one citation against its paper's text: the quote must occur verbatim and
 * the section label as a heading, paragraph number or table (after NFKC normalisation, since
 * paper 002 numbers its sections with full-width dots, "2．2．2"). Empty when all is well.
 */
export function citationProblems(c: Citation, text: string): string[] {
  const problems: string[] = [];
  if (!text.includes(c.quote)) problems.push(`quote not in paper ${c.paper}: "${c.quote}"`);
  const label = sectionLabel(c.section);
  if (!text.includes(label) && !normalised(text).includes(label)) {
    problems.push(`section label "${label}" (${c.section}) not in paper ${c.paper}`);
  }
  return problems;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

/** The quote in «» with a little of the paper either side, on one line. */
export function quoteContext(text: string, offset: number, quote: string): string {
  const start = Math.max(0, offset - CONTEXT);
  const end = Math.min(text.length, offset + quote.length + CONTEXT);
  const before = oneLine(text.slice(start, offset)).trimStart();
  const after = oneLine(text.slice(offset + quote.length, end)).trimEnd();
  return `${start > 0 ? '…' : ''}${before}«${oneLine(quote)}»${after}${end < text.length ? '…' : ''}`;
}

/** The ids of the papers cited, sorted. */
export const citedPapers = (citations: readonly Citation[]): string[] =>
  [...new Set(citations.map((c) => c.paper))].sort();

/**
 * The fixture for the given citations (default: every citation the game shows) from the papers
 * in `dir`, with the problems found (a quote or section label not in its paper). Deterministic:
 * papers by id, quotes by paper, section and quote.
 */
export function buildFixture(
  dir: string = SEEDS_DIR,
  citations: readonly Citation[] = uniqueCitations(),
): { fixture: CitationFixture; problems: string[] } {
  const papers: Record<string, PaperRecord> = {};
  const texts = new Map<string, string>();
  for (const id of citedPapers(citations)) {
    const { text, ...record } = readPaper(id, dir);
    papers[id] = record;
    texts.set(id, text);
  }
  const problems: string[] = [];
  const quotes = [...citations].sort(compareCitations).map((c): QuoteRecord => {
    const text = texts.get(c.paper) ?? '';
    problems.push(...citationProblems(c, text).map((p) => `${c.paper} ${c.section}: ${p}`));
    const offset = text.indexOf(c.quote);
    const context = offset < 0 ? '' : quoteContext(text, offset, c.quote);
    return { paper: c.paper, section: c.section, quote: c.quote, offset, context };
  });
  return { fixture: { about: ABOUT, papers, quotes }, problems };
}

/** The committed fixture. */
export function loadFixture(path: string = FIXTURE_PATH): CitationFixture {
  return JSON.parse(readFileSync(path, 'utf8')) as CitationFixture;
}
