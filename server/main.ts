import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express from 'express';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = resolve(rootDir, 'dist', 'client');
const port = Number(process.env.PORT) || 2567;

const app = express();
app.get('/health', (_req, res) => {
  res.json({ ok: true });
});
app.use(express.static(clientDir));

// Colyseus 0.16 has no `express` option: the WebSocket transport takes the Node http.Server
// that wraps the express app, and Colyseus hooks its /matchmake routes into that server.
const httpServer = createServer(app);
const gameServer = new Server({
  transport: new WebSocketTransport({ server: httpServer }),
  greet: false,
});

await gameServer.listen(port, '0.0.0.0');
console.log(`Cluster Towns running at http://localhost:${port}`);
