/**
 * Labels that never overlap (issue 14: region-map labels piled up, "12 A…", "+1 forei…"). A
 * greedy placement, most important first: each label tries its own place, then steps up and down
 * by its height; one that finds no free place is hidden (its full text stays in the tooltip of
 * the flow or town it labels). Pure, so the rule is unit-tested; the scene measures and moves.
 */
export interface LabelBox {
  /** Centre of the label's box where it would like to be. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Lower is more important: town names before flows. */
  priority: number;
}

export interface Placement {
  /** Vertical shift from the wished place; 0 when it fits there. */
  dy: number;
  visible: boolean;
}

/** Steps tried, in label heights: here, below, above, then further out. */
const STEPS = [0, 1, -1, 2, -2, 3, -3];
/** Gap kept between two labels, as a share of the smaller height. */
const GAP = 0.1;

export function placeLabels(boxes: readonly LabelBox[]): Placement[] {
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => boxes[a].priority - boxes[b].priority || a - b);
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const out: Placement[] = boxes.map(() => ({ dy: 0, visible: false }));
  for (const i of order) {
    const b = boxes[i];
    for (const step of STEPS) {
      const candidate = { x: b.x, y: b.y + step * b.h * (1 + GAP), w: b.w, h: b.h };
      if (placed.every((p) => !overlaps(p, candidate))) {
        placed.push(candidate);
        out[i] = { dy: candidate.y - b.y, visible: true };
        break;
      }
    }
  }
  return out;
}

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): boolean {
  const gap = GAP * Math.min(a.h, b.h);
  return Math.abs(a.x - b.x) * 2 < a.w + b.w + gap && Math.abs(a.y - b.y) * 2 < a.h + b.h + gap;
}

/** Pairs of visible boxes that overlap (0 after placeLabels; for tests and the debug state). */
export function countOverlaps(boxes: readonly { x: number; y: number; w: number; h: number }[]) {
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) n++;
  return n;
}
