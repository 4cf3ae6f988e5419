/**
 * Label placement on the maps (client/scenes/label-layout.ts, issue 14): no two shown labels
 * overlap, the most important keep their place, and a label with no room is hidden.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOverlaps, placeLabels, type LabelBox } from '../../client/scenes/label-layout';

const box = (x: number, y: number, priority = 1, w = 80, h = 20): LabelBox => ({
  x,
  y,
  w,
  h,
  priority,
});

describe('label layout', () => {
  it('leaves apart labels where they are', () => {
    expect(placeLabels([box(0, 0), box(200, 0)])).toEqual([
      { dy: 0, visible: true },
      { dy: 0, visible: true },
    ]);
  });

  it('moves the less important of two overlapping labels, not the town name', () => {
    const [flow, town] = placeLabels([box(0, 0, 1), box(10, 5, 0)]);
    expect(town).toEqual({ dy: 0, visible: true });
    expect(flow.visible).toBe(true);
    expect(Math.abs(flow.dy)).toBeGreaterThan(0);
  });

  it('hides a label that finds no room', () => {
    const crowd = Array.from({ length: 9 }, () => box(0, 0));
    const placed = placeLabels(crowd);
    expect(placed.filter((p) => p.visible)).toHaveLength(7);
  });

  it('never shows two overlapping labels, whatever the input', () => {
    const arb = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 400 }),
        y: fc.integer({ min: 0, max: 400 }),
        w: fc.integer({ min: 10, max: 160 }),
        h: fc.integer({ min: 8, max: 30 }),
        priority: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (boxes) => {
        const placed = placeLabels(boxes);
        const shown = boxes.flatMap((b, i) =>
          placed[i].visible ? [{ ...b, y: b.y + placed[i].dy }] : [],
        );
        return countOverlaps(shown) === 0;
      }),
      { numRuns: 500 },
    );
  });
});
