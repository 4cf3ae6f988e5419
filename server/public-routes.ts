/**
 * Public, unauthenticated routes for third-party clients (issue 16, docs/protocol.md):
 *   GET /api/schema            every JSON Schema document of the protocol (docs/schema/)
 *   GET /api/schema/:name      one of them (`plan`, `session-config`, …, with or without .json)
 *   GET /api/scenarios/:id     a scenario's towns, the sectors with their intensities, the event
 *                              cards and which portfolio edits which plan section
 */
import type { Router } from 'express';
import { EVENTS } from '../shared/data/events';
import { SCENARIOS } from '../shared/data/scenarios';
import { SECTORS, SECTOR_IDS } from '../shared/data/sectors';
import { PROTOCOL_VERSION } from '../shared/protocol/messages';
import { PORTFOLIOS, PORTFOLIO_SECTION, canSubmit } from '../shared/protocol/roles';
import { protocolSchemas } from './protocol-schema';

let schemas: Record<string, Record<string, unknown>> | null = null;
function allSchemas(): Record<string, Record<string, unknown>> {
  return (schemas ??= protocolSchemas());
}

export function scenarioDetail(id: string): Record<string, unknown> | null {
  const s = SCENARIOS.find((scenario) => scenario.id === id);
  if (!s) return null;
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    startYear: s.startYear,
    roundYears: s.roundYears,
    defaultRounds: s.defaultRounds,
    objectives: s.objectives,
    weights: s.weights,
    timeline: s.timeline,
    towns: s.towns.map((t) => ({
      id: t.id,
      name: t.name,
      coastal: t.coastal,
      sez: t.sez ?? false,
      heritage: t.heritage,
      portKm: t.portKm,
      hubKm: t.hubKm,
      riverOrder: t.riverOrder,
      landArea: t.landArea,
      locals: t.locals,
      x: t.x,
      y: t.y,
    })),
    sectors: SECTOR_IDS.map((sector) => ({ ...SECTORS[sector] })),
    events: EVENTS.map((e) => ({
      id: e.id,
      year: e.year,
      title: e.title,
      text: e.text,
      inTimeline: s.timeline.includes(e.id),
    })),
    portfolios: PORTFOLIOS.map((portfolio) => ({
      portfolio,
      section: PORTFOLIO_SECTION[portfolio],
      submits: canSubmit([portfolio]),
    })),
  };
}

export function registerPublicRoutes(router: Router): void {
  router.get('/schema', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json({ protocol: PROTOCOL_VERSION, schemas: allSchemas() });
  });

  router.get('/schema/:name', (req, res) => {
    const name = String(req.params.name).replace(/\.json$/, '');
    const doc = allSchemas()[`${name}.json`];
    if (!doc) {
      res
        .status(404)
        .json({ error: `no such schema; one of ${Object.keys(allSchemas()).join(', ')}` });
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.type('application/schema+json').send(JSON.stringify(doc));
  });

  router.get('/scenarios/:id', (req, res) => {
    const detail = scenarioDetail(String(req.params.id).slice(0, 60));
    if (!detail) {
      res.status(404).json({ error: 'no such scenario' });
      return;
    }
    res.json(detail);
  });
}
