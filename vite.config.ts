import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { phaserAliases, phaserSwitches } from './scripts/vite-phaser-build';

// `npm run dev:client` serves the client with hot reload; the game server (`npm start` or
// `tsx server/main.ts`, port 2567) answers the API and the room sockets behind this proxy.
const gameServer = process.env.GAME_SERVER ?? 'http://localhost:2567';

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  // The Phaser the game ships: only the parts the scenes use (client/scenes/phaser-build.js).
  // Built only: the dev server (and the end-to-end tests on it) keeps the whole prebuilt Phaser,
  // since Phaser's CommonJS sources need the bundler; tests/e2e/built-client.test.ts plays the
  // built client.
  resolve: { alias: command === 'build' ? phaserAliases : [] },
  plugins: [
    phaserSwitches(),
    // Brotli and gzip copies of every built file, made once at build time and served by
    // server/app.ts to browsers that accept them: a phone on school Wi-Fi downloads a third of
    // the bytes (BENCHMARKS.md, client).
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
  ],
  server: {
    proxy: {
      '/api': { target: gameServer },
      '/health': { target: gameServer },
      '/matchmake': { target: gameServer },
      // Colyseus room sockets: /<processId>/<roomId>?sessionId=…
      '^/[\\w-]+/[\\w-]+\\?sessionId=': { target: gameServer, ws: true },
    },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Phaser alone is over a megabyte; it is loaded only with the game screens.
    chunkSizeWarningLimit: 2000,
  },
}));
