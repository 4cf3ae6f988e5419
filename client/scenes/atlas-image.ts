/**
 * The town atlas' image: a WebP copy of town.png at a third of its size
 * (scripts/build-atlas.ts writes both). Apart from the scenes so the start screen can fetch it
 * without Phaser.
 */
import atlasImage from '../../assets/atlas/town.webp';

export { atlasImage };

/**
 * Start downloading the atlas now (a student opened a join link and is typing their name); the
 * scene's loader later finds it in the HTTP cache (the built file is cached for a year).
 */
export function preloadAtlas(): void {
  fetch(atlasImage).catch(() => undefined);
}
