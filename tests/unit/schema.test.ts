/**
 * The protocol's JSON Schema (docs/schema/, issue 16) is generated from the zod schemas the
 * server validates with; the committed files must be what `npm run schema` writes today, and
 * the plan's schema must document every field.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCENARIOS } from '../../shared/data/scenarios';
import { SECTOR_IDS } from '../../shared/data/sectors';
import { defaultPlan } from '../../shared/engine/plan-schema';
import { instructorMessages, studentMessages } from '../../shared/protocol/messages';
import { protocolSchemas } from '../../server/protocol-schema';
import { scenarioDetail } from '../../server/public-routes';
import { staleSchemaFiles } from '../../scripts/gen-schema';

interface Node {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  $defs?: Record<string, Node>;
}

/** Paths of plan fields (object properties, array items' properties) without a description. */
function undocumented(node: Node, path: string, out: string[]): string[] {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const here = `${path}.${key}`;
    if (!child.description) out.push(here);
    undocumented(child, here, out);
    if (child.items) undocumented(child.items, `${here}[]`, out);
  }
  return out;
}

describe('JSON Schema of the protocol', () => {
  it('the committed docs/schema files are up to date (else: run npm run schema)', async () => {
    const stale = await staleSchemaFiles();
    expect(stale, `stale JSON Schema files ${stale.join(', ')}: run npm run schema`).toEqual([]);
  });

  it('documents every plan field', () => {
    const plan = protocolSchemas()['plan.json'] as Node;
    expect(plan.description).toMatch(/M RMB/);
    expect(undocumented(plan, 'plan', [])).toEqual([]);
  });

  it('describes every client message type, student and instructor', () => {
    const doc = protocolSchemas()['client-messages.json'] as { $defs: Record<string, Node> };
    const expected = [
      ...Object.keys(studentMessages),
      ...Object.keys(instructorMessages).map((k) => `instructor:${k}`),
    ];
    expect(Object.keys(doc.$defs).sort()).toEqual(expected.sort());
    for (const type of Object.keys(studentMessages)) {
      expect(doc.$defs[type].description, type).toBeTruthy();
    }
  });

  it('a plan the engine accepts is valid under the generated schema, ranges included', () => {
    const plan = protocolSchemas()['plan.json'] as unknown as Node & {
      properties: Record<string, Node & { properties?: Record<string, { maximum?: number }> }>;
    };
    expect(plan.properties.preferential.properties?.foreignTaxRate.maximum).toBe(0.33);
    expect(plan.properties.environment.properties?.pollutionFee.maximum).toBe(1);
    // Round trip: the schema read back by zod accepts the engine's default plan.
    const back = z.fromJSONSchema(plan as z.core.JSONSchema.JSONSchema);
    expect(back.safeParse(defaultPlan()).success).toBe(true);
    expect(back.safeParse({ ...defaultPlan(), environment: { enforcement: 'none' } }).success).toBe(
      false,
    );
  });
});

describe('scenario details for third-party clients', () => {
  it('lists towns, sectors with intensities, event cards and portfolio sections', () => {
    for (const scenario of SCENARIOS) {
      const detail = scenarioDetail(scenario.id) as {
        towns: { id: string; name: string }[];
        sectors: { id: string; name: string; labourIntensity: number }[];
        events: { id: string; year: number; text: string }[];
        portfolios: { portfolio: string; section: string; submits: boolean }[];
      };
      expect(detail.towns.map((t) => t.id)).toEqual(scenario.towns.map((t) => t.id));
      expect(detail.sectors.map((s) => s.id)).toEqual([...SECTOR_IDS]);
      expect(detail.sectors.every((s) => s.name && s.labourIntensity >= 0)).toBe(true);
      expect(detail.events.some((e) => e.id === 'crisis2008' && e.year === 2008)).toBe(true);
      expect(detail.portfolios.find((p) => p.portfolio === 'mayor')).toEqual({
        portfolio: 'mayor',
        section: 'diplomacy',
        submits: true,
      });
    }
    expect(scenarioDetail('no-such-scenario')).toBeNull();
  });
});
