/**
 * The last handler of every HTTP route: an error no route answered becomes JSON in the protocol's
 * shape (`{ error }`, docs/protocol.md), never Express's HTML page with a stack trace. A shared
 * service that is down (PostgreSQL, Redis: docs/deploy.md, "What happens when something fails")
 * is 503 with Retry-After, so clients retry as they do after a restart; anything else is 500.
 */
import type { NextFunction, Request, Response } from 'express';

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|MaxRetriesPerRequest|Connection is closed|Connection terminated|the database system is (starting|shutting) up/i;

/** Whether an error says a shared service (the store, Redis) cannot be reached right now. */
export function serviceUnavailable(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.name} ${error.message} ${String(error.cause ?? '')}` : '';
  return UNAVAILABLE.test(text) || (error as { code?: unknown })?.code === 'ECONNREFUSED';
}

export function jsonErrors(log: (message: string) => void) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    // A body express could not parse (bad JSON, too large) keeps its own 4xx status.
    const status = (error as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res
        .status(status)
        .json({ error: status === 413 ? 'request too large' : 'malformed request' });
      return;
    }
    if (serviceUnavailable(error)) {
      log(`${req.method} ${req.path}: a shared service is unavailable: ${String(error)}`);
      res.set('Retry-After', '5');
      res
        .status(503)
        .json({ error: 'the server cannot reach its database right now: try again shortly' });
      return;
    }
    log(
      `${req.method} ${req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    res.status(500).json({ error: 'the server could not answer that request' });
  };
}
