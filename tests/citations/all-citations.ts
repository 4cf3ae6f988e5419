/**
 * Every citation the game shows, gathered in one place so the citation fixture
 * (tests/fixtures/citations.json, written by `npm run citations:fixture`) and the citation tests
 * read the same list: events and scenarios, the campaign (briefing facts, history, the advisor,
 * the glossary) and the policy and results panels. Add a new source of citations here.
 */
import { CAMPAIGN, GLOSSARY } from '../../shared/campaign';
import { LESSON_CITATIONS } from '../../shared/debrief/citations';
import { CITE as ADVISOR } from '../../shared/campaign/advisor-citations';
import type { Citation } from '../../shared/data/citation';
import { EVENTS } from '../../shared/data/events';
import { SCENARIOS } from '../../shared/data/scenarios';
import {
  CAUSE_CITATIONS,
  CLUSTER_TYPE_CITATION,
  EVALUATION_CITATION,
  HINT_CITATIONS,
} from '../../client/panel/citations';

/** One place the game shows a citation: `where` names it in test output. */
export interface CitationUse {
  where: string;
  citation: Citation;
}

/** Events (shared/data/events) and scenarios (shared/data/scenarios, the campaign's included). */
export const EVENT_AND_SCENARIO_CITATIONS: readonly CitationUse[] = [
  ...EVENTS.map((e) => ({ where: `event ${e.id}`, citation: e.citation })),
  ...SCENARIOS.flatMap((s) => s.citations.map((c) => ({ where: `scenario ${s.id}`, citation: c }))),
];

/** The campaign: briefing facts, history, the advisor's hints and the glossary's sources. */
export const CAMPAIGN_CITATIONS: readonly CitationUse[] = [
  ...CAMPAIGN.flatMap((e) => [
    ...e.facts.map((f, i) => ({ where: `${e.id} fact ${i + 1}`, citation: f.citation })),
    ...e.history.map((f, i) => ({ where: `${e.id} history ${i + 1}`, citation: f.citation })),
  ]),
  ...Object.entries(ADVISOR).map(([k, c]) => ({ where: `advisor ${k}`, citation: c })),
  ...GLOSSARY.map((g) => ({ where: `glossary ${g.id}`, citation: g.source })),
];

/** The policy panel's control hints and the results panel's causes and explanations. */
export const PANEL_CITATIONS: readonly CitationUse[] = [
  ...Object.entries(HINT_CITATIONS).map(([k, c]) => ({ where: `hint ${k}`, citation: c })),
  ...Object.entries(CAUSE_CITATIONS).flatMap(([k, c]) =>
    c ? [{ where: `cause ${k}`, citation: c }] : [],
  ),
  { where: 'evaluation', citation: EVALUATION_CITATION },
  { where: 'cluster types', citation: CLUSTER_TYPE_CITATION },
];

/** The debrief's chapters: the lesson each detection rule cites (shared/debrief/citations.ts). */
export const DEBRIEF_CITATIONS: readonly CitationUse[] = Object.entries(LESSON_CITATIONS).map(
  ([rule, citation]) => ({ where: `debrief ${rule}`, citation }),
);

/** Every place the game shows a citation. */
export const ALL_CITATIONS: readonly CitationUse[] = [
  ...EVENT_AND_SCENARIO_CITATIONS,
  ...CAMPAIGN_CITATIONS,
  ...PANEL_CITATIONS,
  ...DEBRIEF_CITATIONS,
];

/** Identity of a quoted passage: the same paper, section label and quote. */
export const citationKey = (c: Citation): string => [c.paper, c.section, c.quote].join('\u0000');

/** Paper, then section, then quote, by code unit (independent of the locale). */
export function compareCitations(a: Citation, b: Citation): number {
  for (const k of ['paper', 'section', 'quote'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** The distinct passages the game quotes, sorted. */
export function uniqueCitations(uses: readonly CitationUse[] = ALL_CITATIONS): Citation[] {
  const byKey = new Map<string, Citation>();
  for (const { citation: c } of uses) {
    byKey.set(citationKey(c), { paper: c.paper, section: c.section, quote: c.quote });
  }
  return [...byKey.values()].sort(compareCitations);
}
