/**
 * Motion in the town (never in test mode, where screenshots must be stable): people stroll,
 * vehicles drive, smoke drifts up, convoys of relocating firms roll out of town, and between
 * the two views new plants rise from the ground while closed ones sag in a puff of dust.
 */
import Phaser from 'phaser';
import { ATLAS_KEY } from './frames';
import type { View } from './layout-types';
import type { StructureSprite, TownSprites } from './town-draw';
import { alongPath, truckFrame, type Convoy } from './town-effects';
export function animateLife(scene: Phaser.Scene, sprites: TownSprites, convoys: Convoy[]): void {
  sprites.walkers.forEach((w, i) => {
    const dir = i % 2 ? 1 : -1;
    scene.tweens.add({
      targets: w,
      x: w.x + 24 * dir,
      y: w.y + 12,
      duration: 2600 + (i % 7) * 300,
      yoyo: true,
      repeat: -1,
    });
  });
  sprites.vehicles.forEach((v, i) => {
    const down = i % 2 === 0;
    scene.tweens.add({
      targets: v,
      x: v.x + (down ? 64 : -64),
      y: v.y + 32,
      duration: 3000 + (i % 5) * 400,
      yoyo: true,
      repeat: -1,
    });
  });
  for (const sp of sprites.structures) {
    sp.smoke.forEach((p, i) => {
      const y = p.y;
      scene.tweens.add({
        targets: p,
        y: y - 40,
        alpha: 0,
        scale: p.scale * 1.6,
        duration: 3200,
        delay: i * 900,
        repeat: -1,
        onRepeat: () => p.setY(y),
      });
    });
    if (sp.sparkle)
      scene.tweens.add({
        targets: sp.sparkle,
        scale: 1.4,
        alpha: 0.4,
        duration: 700,
        yoyo: true,
        repeat: -1,
      });
  }
  for (const c of convoys) {
    c.trucks.forEach((truck, i) => {
      const state = { f: i / c.trucks.length };
      scene.tweens.add({
        targets: state,
        f: 1,
        duration: 7000 * (1 - state.f),
        repeat: -1,
        onRepeat: () => (state.f = 0),
        onUpdate: () => {
          const p = alongPath(c.points, state.f);
          truck.setPosition(p.x, p.y + 10).setFrame(truckFrame(p.dx, p.dy));
        },
      });
    });
  }
}

/** New plants rise from the ground; plants that closed or were demolished sag and puff dust. */
export function animateChange(
  scene: Phaser.Scene,
  sprites: TownSprites,
  from: View,
  to: View,
): void {
  let n = 0;
  for (const sp of sprites.structures) {
    const s = sp.structure;
    const was = from === 'after' ? s.state : s.before;
    const now = to === 'after' ? s.state : s.before;
    if (was === now || now === 'none') continue;
    const delay = Math.min(1500, n++ * 25);
    if (now === 'active') {
      sp.image.setScale(1, 0.05);
      scene.tweens.add({
        targets: sp.image,
        scaleY: 1,
        duration: 650,
        delay,
        ease: 'Back.easeOut',
      });
    } else {
      dust(scene, sp, delay);
      sp.image.setScale(1, 0.92);
      scene.tweens.add({
        targets: sp.image,
        scaleY: 1,
        duration: 500,
        delay,
        ease: 'Sine.easeOut',
      });
    }
  }
}

function dust(scene: Phaser.Scene, sp: StructureSprite, delay: number): void {
  const puff = scene.add
    .image(sp.image.x, sp.image.y - 30, ATLAS_KEY, 'smoke-light')
    .setDepth(sp.image.depth + 1)
    .setScale(1.5)
    .setAlpha(0);
  scene.tweens.add({
    targets: puff,
    alpha: { from: 0.8, to: 0 },
    scale: 3.5,
    y: puff.y - 30,
    duration: 900,
    delay,
    onComplete: () => puff.destroy(),
  });
}
