/**
 * Vite settings for the Phaser the game ships (client/scenes/phaser-build.js, issue 16):
 * `import Phaser from 'phaser'` in the client resolves to that file, `phaser-src/…` to Phaser's
 * published sources, and the build-time switches Phaser's own webpack build defines are
 * replaced in those sources (Phaser tests `typeof WEBGL_RENDERER` and the like, which no
 * bundler `define` can match).
 *
 * Type-checking still uses the full `phaser` package's types.
 */
import { fileURLToPath } from 'node:url';
import type { Alias, Plugin } from 'vite';

const PHASER_SRC = fileURLToPath(new URL('../node_modules/phaser/src/', import.meta.url));
const ENTRY = fileURLToPath(new URL('../client/scenes/phaser-build.js', import.meta.url));

/** As in Phaser's config/webpack.dist.config.js, except sound: the game makes none. */
const SWITCHES: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_FBINSTANT: false,
};

export const phaserAliases: Alias[] = [
  { find: /^phaser$/, replacement: ENTRY },
  { find: /^phaser-src\/(.*)$/, replacement: `${PHASER_SRC}$1` },
];

export function phaserSwitches(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(SWITCHES).join('|')})\\b`, 'g');
  return {
    name: 'cluster-towns:phaser-switches',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC) || !code.includes('typeof ')) return null;
      const out = code.replace(pattern, (_m, name: string) => String(SWITCHES[name]));
      return out === code ? null : { code: out, map: null };
    },
  };
}
