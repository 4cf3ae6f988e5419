import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:client` serves the client with hot reload; the game server (`npm start` or
// `tsx server/main.ts`, port 2567) answers the API and the room sockets behind this proxy.
const gameServer = process.env.GAME_SERVER ?? 'http://localhost:2567';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
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
});
