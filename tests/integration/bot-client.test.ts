/**
 * The third-party client example (examples/bot-client.ts), written only against the documented
 * protocol and schema, plays 3 rounds of a real class; the public routes it relies on answer
 * as docs/protocol.md says, and the instructor routes follow the one auth rule.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameServer } from '../../server/app';
import { runBot, type BotRound } from '../../examples/bot-client';
import {
  createSession,
  joinInstructor,
  startServer,
  stateOf,
  waitFor,
  type Joined,
  type Session,
} from './helpers';

describe('a third-party client written from the protocol', () => {
  let server: GameServer;
  let session: Session;
  let teacher: Joined;
  let rounds: BotRound[];
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    session = await createSession(server.url, {
      scenarioId: 'open-door-1980',
      towns: 3,
      rounds: 3,
      seed: 11,
      planningSeconds: 0,
      briefingSeconds: 0,
      resultsSeconds: 1,
      bots: true,
    });
    teacher = await joinInstructor(server.url, session);
    const playing = runBot({
      url: server.url,
      code: session.code,
      name: 'Robo',
      rounds: 3,
      log: (line) => lines.push(line),
      timeoutMs: 30_000,
    });
    await waitFor(
      () => [...stateOf(teacher).players.values()].some((p) => p.name === 'Robo'),
      'the bot joined',
    );
    teacher.room.send('instructor:start', {});
    rounds = await playing;
  }, 120_000);

  afterAll(async () => {
    await teacher?.room.leave();
    await server?.shutdown();
  });

  it('joins by code, drafts and submits a valid plan each round, and reads its score', () => {
    expect(rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    for (const r of rounds) expect(Number.isFinite(r.score)).toBe(true);
    expect(rounds.every((r) => r.gdp > 0)).toBe(true);
    expect(lines.filter((l) => l.startsWith('round '))).toHaveLength(3);
  });

  it('imports nothing from shared/, server/ or client/', () => {
    const source = readFileSync('examples/bot-client.ts', 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['colyseus.js']);
  });

  it('serves the schema and the scenario details', async () => {
    const schema = (await (await fetch(`${server.url}/api/schema`)).json()) as {
      schemas: Record<string, unknown>;
    };
    expect(Object.keys(schema.schemas).sort()).toEqual([
      'client-messages.json',
      'plan.json',
      'server-messages.json',
      'session-config.json',
    ]);
    const committed = JSON.parse(readFileSync('docs/schema/plan.json', 'utf8')) as unknown;
    expect(schema.schemas['plan.json']).toEqual(committed);
    expect((await fetch(`${server.url}/api/schema/plan`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/schema/nope`)).status).toBe(404);
    const scenario = await fetch(`${server.url}/api/scenarios/foshan-2007`);
    expect(scenario.status).toBe(200);
    expect((await fetch(`${server.url}/api/scenarios/nope`)).status).toBe(404);
  });

  it('instructor routes: 401 without a key, 403 with a key that does not own the match', async () => {
    const wrong = { authorization: 'Bearer not-the-key' };
    const right = { authorization: `Bearer ${session.instructorKey}` };
    for (const path of [
      'matches',
      `matches/${session.matchId}/log`,
      `matches/${session.matchId}/csv`,
    ]) {
      expect((await fetch(`${server.url}/api/${path}`)).status, path).toBe(401);
      expect((await fetch(`${server.url}/api/${path}`, { headers: wrong })).status, path).toBe(403);
      expect((await fetch(`${server.url}/api/${path}`, { headers: right })).status, path).toBe(200);
    }
    const unknown = await fetch(`${server.url}/api/matches/no-such-match/log`, { headers: right });
    expect(unknown.status).toBe(403);
  });
});
