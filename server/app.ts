/**
 * Assemble the game server: express for HTTP (API, built client, health), Colyseus on the same
 * port for the rooms, and the match store. Used by server/main.ts, the integration tests and the
 * load benchmark, so all three run the same server.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LobbyRoom, Server, matchMaker, type Presence } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Encoder } from '@colyseus/schema';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { apiRouter, health } from './http';
import { jsonErrors } from './http-errors';
import { ResilientRedisDriver } from './redis-driver';
import { metricsSnapshot } from './metrics';
import { ClassroomRoom } from './rooms/classroom-room';
import { ReplayRoom } from './rooms/replay-room';
import { ClusterCoordinator } from './cluster';
import { setRoomServices } from './services';
import {
  ROOM_NAME,
  dropLocalSession,
  isLocalSession,
  restoreHere,
  restoreSessions,
} from './sessions';
import type { MatchStore } from './store/match-store';
import { openStore } from './store/open-store';

export interface GameServerOptions {
  port?: number;
  host?: string;
  /** Directory of the SQLite file (cluster-towns.sqlite); ':memory:' keeps nothing. */
  dataDir?: string;
  /** Directory of the built client to serve, if it exists. */
  clientDir?: string;
  log?: (message: string) => void;
  /** Largest WebSocket frame accepted, bytes; bigger ones close the connection. */
  maxPayload?: number;
  /** postgres://… to share the match store between processes (else SQLite under dataDir). */
  databaseUrl?: string;
  /** PostgreSQL schema to use instead of `public` (tests: a fresh one per run). */
  databaseSchema?: string;
  /** redis://… to run as one of several processes (presence, room listing, session locks). */
  redisUrl?: string;
  /** How clients reach this process directly (host:port), required with redisUrl. */
  publicAddress?: string;
  /** The secret shared by the processes of a cluster (required with redisUrl). */
  clusterSecret?: string;
  /** Session lock expiry in a cluster, ms (default 10 000): bounds the time to adopt. */
  lockMs?: number;
}

export interface GameServer {
  port: number;
  url: string;
  store: MatchStore;
  httpServer: HttpServer;
  restored: { restored: number; failed: number };
  /** Stop taking connections, let rooms finish their writes, close the store. */
  shutdown(): Promise<void>;
}

// An instructor's first state holds every town's private state; the encoder's default 8 KB
// buffer would have to grow (with a warning) on every full-state send.
Encoder.BUFFER_SIZE = 512 * 1024;

export async function createGameServer(options: GameServerOptions = {}): Promise<GameServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    databaseSchema: options.databaseSchema,
    dataDir: options.dataDir,
  });
  const redisUrl = options.redisUrl || undefined;
  if (redisUrl && (!options.clusterSecret || !options.publicAddress)) {
    throw new Error('with REDIS_URL, set CLUSTER_SECRET and PUBLIC_ADDRESS (see docs/deploy.md)');
  }
  const presence: Presence | undefined = redisUrl ? new RedisPresence(redisUrl) : undefined;
  const cluster = redisUrl
    ? new ClusterCoordinator({ redisUrl, lockMs: options.lockMs, log })
    : null;
  setRoomServices(store, log, {
    internalSecret: redisUrl ? options.clusterSecret : undefined,
    presence: presence ?? null,
    cluster,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/health', async (_req, res) => {
    try {
      res.json(await health());
    } catch (error) {
      // The shared room listing (Redis) is unreachable: this process cannot take new joins.
      res.status(503).json({ ok: false, error: `room listing unavailable: ${String(error)}` });
    }
  });
  if (process.env.CLUSTER_TOWNS_METRICS === '1') {
    app.get('/metrics', (_req, res) => {
      res.json(metricsSnapshot());
    });
  }
  app.use('/api', apiRouter());
  if (options.clientDir && existsSync(options.clientDir)) {
    // Built files carry a content hash in their name (assets/*), so a phone fetches each once
    // and keeps it; index.html is revalidated so a new build reaches every browser.
    const hashed = join(options.clientDir, 'assets');
    // The build writes brotli and gzip copies of each file (vite.config.ts); a browser gets
    // the smallest it accepts.
    app.use(
      expressStaticGzip(options.clientDir, {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        serveStatic: {
          setHeaders: (res, path) => {
            res.setHeader(
              'Cache-Control',
              path.startsWith(hashed) ? 'public, max-age=31536000, immutable' : 'no-cache',
            );
          },
        },
      }),
    );
    // Deep links (e.g. /?join=CODE) fall back to the start page.
    app.get(/^\/(?!api\/|matchmake\/|health$).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(join(options.clientDir!, 'index.html'));
    });
  }

  app.use(jsonErrors(log));

  // Colyseus 0.16 has no `express` option: the WebSocket transport takes the Node http.Server
  // that wraps the express app, and Colyseus hooks its /matchmake routes into that server.
  const httpServer = createServer(app);
  // Keep idle HTTP connections open longer than clients and proxies do (Node closes them after
  // 5 s): a client that reuses a connection the server is closing at that instant gets
  // ECONNRESET (seen in CI between two requests of one test). 65 s is what load balancers use.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const gameServer = new Server({
    transport: new WebSocketTransport({
      server: httpServer,
      maxPayload: options.maxPayload ?? 16 * 1024,
    }),
    greet: false,
    gracefullyShutdown: false,
    ...(redisUrl
      ? {
          presence,
          driver: new ResilientRedisDriver(redisUrl),
          publicAddress: options.publicAddress,
        }
      : {}),
  });
  gameServer.define('lobby', LobbyRoom);
  gameServer.define(ROOM_NAME, ClassroomRoom).enableRealtimeListing();
  gameServer.define('replay', ReplayRoom).filterBy(['matchId']);

  await gameServer.listen(options.port ?? 2567, options.host ?? '0.0.0.0');
  const port = (httpServer.address() as AddressInfo).port;
  const restored = await restoreSessions();
  cluster?.start({
    isLive: isLocalSession,
    restore: restoreHere,
    finished: async (matchId) => (await store.loadMatch(matchId))?.finished ?? true,
    lost: dropLocalSession,
  });

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      // Rooms write synchronously before they acknowledge, so once they are disconnected the
      // store holds everything; then the file is closed cleanly.
      cluster?.pause();
      await gameServer.gracefullyShutdown(false);
      // Another process takes this one's sessions over at its next scan.
      await cluster?.stop({ handOver: true });
      await store.close();
    })());

  return {
    port,
    url: `http://localhost:${port}`,
    store,
    httpServer,
    restored,
    shutdown,
  };
}

export { matchMaker };
