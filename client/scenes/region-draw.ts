/** Drawing helpers of the regional map: curved arrows, diplomacy links, tooltip lines. */
import Phaser from 'phaser';
import type { PublicTown } from '../../shared/protocol/public';
import type { NumberFormat } from '../i18n';
import { hasTranslation, t } from '../i18n';
import type { IndicatorKey, MapProposal } from './region-map';
import type { TooltipLine } from './tooltip';

export function indicatorLabel(key: IndicatorKey): string {
  return key === 'score' ? t('scene:region.score') : t(`common:metric.${key}`);
}

/**
 * A curved arrow from p0 to p1 bowing to the right of the direction of travel, so that flows
 * both ways between two towns do not overlap. Returns the curve's midpoint for its label.
 */
export function arrowCurve(
  g: Phaser.GameObjects.Graphics,
  p0: { x: number; y: number },
  p1: { x: number; y: number },
  colour: number,
  width: number,
  dashed: boolean,
): { x: number; y: number } {
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const len = Math.hypot(dx, dy) || 1;
  const bow = Math.min(120, len * 0.22);
  const control = new Phaser.Math.Vector2(
    (p0.x + p1.x) / 2 - (dy / len) * bow,
    (p0.y + p1.y) / 2 + (dx / len) * bow,
  );
  const curve = new Phaser.Curves.QuadraticBezier(
    new Phaser.Math.Vector2(p0.x, p0.y),
    control,
    new Phaser.Math.Vector2(p1.x, p1.y),
  );
  // stop short of the town disc so the head stays visible
  const pts = curve.getPoints(40).slice(0, 37);
  g.lineStyle(width + 4, 0xffffff, 0.7);
  g.strokePoints(pts);
  if (dashed) {
    for (let i = 0; i + 1 < pts.length; i += 3) {
      g.lineStyle(width, colour, 0.95);
      g.lineBetween(pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y);
    }
  } else {
    g.lineStyle(width, colour, 0.95);
    g.strokePoints(pts);
  }
  const tip = pts[pts.length - 1];
  const back = pts[pts.length - 4];
  const a = Math.atan2(tip.y - back.y, tip.x - back.x);
  const head = 12 + width * 1.6;
  g.fillStyle(colour, 1);
  g.fillTriangle(
    tip.x + Math.cos(a) * head * 0.6,
    tip.y + Math.sin(a) * head * 0.6,
    tip.x + Math.cos(a + 2.4) * head,
    tip.y + Math.sin(a + 2.4) * head,
    tip.x + Math.cos(a - 2.4) * head,
    tip.y + Math.sin(a - 2.4) * head,
  );
  const mid = curve.getPoint(0.5);
  return { x: mid.x, y: mid.y };
}

interface Placed {
  town: PublicTown;
  x: number;
  y: number;
  radius: number;
}

function proposalKindLabel(kind: string): string {
  const key = `common:proposalKind.${kind}`;
  return hasTranslation(key) || hasTranslation(key, 'en') ? t(key) : kind;
}

/**
 * Proposals as dashed violet links from the proposer to each addressee with the kind (and any
 * text) in a bubble; statements (no addressee, or kind 'statement') as a speech bubble.
 */
export function drawProposals(
  scene: Phaser.Scene,
  proposals: MapProposal[],
  markers: Placed[],
  font: string,
): Phaser.GameObjects.GameObject[] {
  const out: Phaser.GameObjects.GameObject[] = [];
  const at = (id: string) => markers.find((m) => m.town.id === id);
  const g = scene.add.graphics().setDepth(8);
  out.push(g);
  const bubble = (x: number, y: number, text: string, originX = 0.5, originY = 1) => {
    const b = scene.add
      .text(x, y, text, {
        fontFamily: font,
        fontSize: '13px',
        color: '#3b2466',
        backgroundColor: '#f3edff',
        padding: { x: 6, y: 4 },
        wordWrap: { width: 220 },
      })
      .setOrigin(originX, originY)
      .setDepth(30);
    out.push(b);
  };
  proposals.forEach((p, i) => {
    const from = at(p.from);
    if (!from) return;
    const short = p.text && p.text.length > 90 ? `${p.text.slice(0, 87)}…` : p.text;
    if (p.kind === 'statement' || p.to.length === 0) {
      // beside the town, not above it: towns near the top edge would push it off the map
      bubble(from.x + from.radius + 10, from.y + (i % 2) * 30, `“${short ?? ''}”`, 0, 0.5);
      return;
    }
    for (const id of p.to) {
      const to = at(id);
      if (!to) continue;
      const n = 24;
      for (let k = 0; k < n; k += 2) {
        const a = k / n;
        const b = (k + 1) / n;
        g.lineStyle(5, 0x7a4fd0, 0.9);
        g.lineBetween(
          from.x + (to.x - from.x) * a,
          from.y + (to.y - from.y) * a,
          from.x + (to.x - from.x) * b,
          from.y + (to.y - from.y) * b,
        );
      }
    }
    const first = at(p.to[0]);
    if (first) {
      const label = proposalKindLabel(p.kind) + (short ? `: “${short}”` : '');
      bubble(from.x + (first.x - from.x) * 0.45, from.y + (first.y - from.y) * 0.45 - 8, label);
    }
  });
  return out;
}

export function townLines(
  town: PublicTown,
  count: (v: number) => string,
  num: (v: number, f?: NumberFormat) => string,
): TooltipLine[] {
  const sector = (s: string | null) => (s ? t(`common:sectorShort.${s}`) : t('scene:region.none'));
  return [
    { label: t('common:metric.gdp'), value: num(town.gdp, { digits: 0 }) },
    { label: t('common:metric.gdpPerHead'), value: num(town.gdpPerHead, { digits: 1 }) },
    { label: t('common:metric.jobs'), value: count(town.jobs) },
    { label: t('common:metric.exports'), value: num(town.exports, { digits: 0 }) },
    { label: t('common:metric.fdiStock'), value: count(town.fdiStock) },
    { label: t('common:metric.firms'), value: count(town.firms) },
    { label: t('common:metric.patents'), value: count(town.patents) },
    { label: t('common:metric.pollution'), value: num(town.pollution, { digits: 0 }) },
    { label: t('common:metric.stability'), value: num(town.stability, { digits: 0 }) },
    { label: t('common:metric.evaluation'), value: num(town.evaluation, { digits: 0 }) },
    { label: t('scene:region.score'), value: num(town.score, { digits: 0 }) },
    { label: t('scene:region.mainSector'), value: sector(town.mainSector) },
    {
      label: t('scene:region.cluster'),
      value: `${t(`common:clusterType.${town.clusterType}`)} · ${t(`common:lifeStage.${town.lifeStage}`)}`,
    },
    { label: t('scene:region.specialised'), value: sector(town.specialisedSector) },
    {
      label: t('scene:region.location'),
      value: t(town.geo.coastal ? 'scene:region.coastal' : 'scene:region.inland'),
    },
  ];
}
