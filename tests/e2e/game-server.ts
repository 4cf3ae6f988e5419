/**
 * The whole stack for end-to-end tests: the real game server in this process (temporary SQLite
 * directory) and a Vite dev server for the client that forwards the game's HTTP routes and
 * WebSockets to it, so the page talks to its own origin exactly as in production, where the
 * game server serves the built client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ProxyOptions, type ViteDevServer } from 'vite';
import { createGameServer, type GameServer } from '../../server/app';

export interface Stack {
  game: GameServer;
  vite: ViteDevServer;
  /** The client's address, e.g. http://127.0.0.1:5173/ */
  url: string;
  stop(): Promise<void>;
}

/**
 * Proxy rules for a Vite dev server in front of a game server. Colyseus' room sockets live at
 * /<processId>/<roomId>?sessionId=…; matching on the query keeps Vite's own HMR socket apart.
 */
export function gameServerProxy(target: string): Record<string, ProxyOptions> {
  return {
    '/api': { target },
    '/health': { target },
    '/matchmake': { target },
    '^/[\\w-]+/[\\w-]+\\?sessionId=': { target, ws: true },
  };
}

const OPTIMISED_DEPENDENCIES = ['colyseus.js', 'chart.js', 'i18next', 'zod', 'phaser'];

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cluster-towns-e2e-'));
  const game = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    log: () => undefined,
  });
  const target = `http://127.0.0.1:${game.port}`;
  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 0, host: '127.0.0.1', proxy: gameServerProxy(target) },
    // Bundle the heavy dependencies up front, in a cache of our own: a dependency discovered
    // mid-test (the lazily loaded screens) would make Vite reload every open page.
    cacheDir: 'node_modules/.vite-e2e-stack',
    optimizeDeps: { include: OPTIMISED_DEPENDENCIES },
    logLevel: 'silent',
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not start');
  return {
    game,
    vite,
    url: `http://127.0.0.1:${address.port}/`,
    async stop() {
      await vite.close();
      await game.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
