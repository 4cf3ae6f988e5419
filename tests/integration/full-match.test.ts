import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GameServer } from '../../server/app';
import type { TownPlan } from '../../shared/index';
import {
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  lastOf,
  startServer,
  stateOf,
  tempDataDir,
  waitFor,
  draftOf,
} from './helpers';

let server: GameServer;
const dataDir = tempDataDir();

beforeAll(async () => {
  server = await startServer(dataDir);
});
afterAll(async () => {
  await server.shutdown();
});

describe('a full classroom match', () => {
  it('plays 3 rounds with an instructor, a team of two, a lone student and two bots', async () => {
    const session = await createSession(server.url, {
      scenarioId: 'block-economy-zhejiang',
      towns: 4,
      rounds: 3,
      seed: 7,
      planningSeconds: 60,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    expect(session.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    const teacher = await joinInstructor(server.url, session);
    const ana = await joinStudent(server.url, session.code, { name: '  Ana  ', townId: 'wenzhou' });
    const bo = await joinStudent(server.url, session.code, { name: 'Bo', townId: 'wenzhou' });
    const cai = await joinStudent(server.url, session.code, { name: 'Cai', townId: 'datang' });
    await waitFor(() => stateOf(teacher).players.size === 3, 'three players');
    const names = [...stateOf(teacher).players.values()].map((p) => p.name).sort();
    expect(names).toEqual(['Ana', 'Bo', 'Cai']);

    // The team shares out the portfolios: Ana (first) is mayor, Bo holds the rest of his share.
    await waitFor(() => {
      const p = stateOf(teacher).players.get(bo.welcome.playerId!);
      return Boolean(p && String(p.portfolios).length > 0);
    }, 'Bo has portfolios');
    const boPortfolios = String(
      stateOf(teacher).players.get(bo.welcome.playerId!)!.portfolios,
    ).split(',');
    const anaPortfolios = String(
      stateOf(teacher).players.get(ana.welcome.playerId!)!.portfolios,
    ).split(',');
    expect(anaPortfolios).toContain('mayor');
    expect(boPortfolios).not.toContain('mayor');
    expect([...anaPortfolios, ...boPortfolios].sort()).toEqual(
      ['construction', 'environment', 'investment', 'mayor', 'science'].sort(),
    );

    teacher.room.send('instructor:start', {});
    await waitFor(() => stateOf(ana).phase === 'planning', 'planning phase');

    for (let round = 1; round <= 3; round++) {
      await waitFor(
        () => stateOf(ana).phase === 'planning' && stateOf(ana).round === round,
        `round ${round} planning`,
      );
      // Bo edits his section, Ana hers: both edits land in one shared draft.
      const boSection = boPortfolios.includes('investment') ? 'preferential' : 'environment';
      const anaSection = boSection === 'preferential' ? 'environment' : 'preferential';
      const base = draftOf(ana, 'wenzhou');
      const preferential = { ...base.preferential, domesticTaxRate: 0.2 + round / 100 };
      const environment = { ...base.environment, enforcement: 'strict' as const };
      const values = { preferential, environment };
      bo.room.send('draft', { section: boSection, value: values[boSection] });
      ana.room.send('draft', { section: anaSection, value: values[anaSection] });
      await waitFor(() => {
        const d = draftOf(bo, 'wenzhou');
        return (
          d.preferential.domesticTaxRate === preferential.domesticTaxRate &&
          d.environment.enforcement === 'strict'
        );
      }, 'merged draft seen by Bo');
      expect(draftOf(ana, 'wenzhou').environment.enforcement).toBe('strict');

      const before = countOf(ana, 'submitted');
      ana.room.send('submit', { round });
      await waitFor(() => countOf(ana, 'submitted') > before, 'Ana submitted');
      cai.room.send('submit', { round });
      await waitFor(
        () => stateOf(cai).phase === 'results' && stateOf(cai).round === round,
        `results ${round}`,
      );
      const explanations = JSON.parse(
        String(stateOf(ana).towns.get('wenzhou')!.private!.explanations),
      );
      expect(Array.isArray(explanations)).toBe(true);
      expect(explanations.length).toBeGreaterThan(0);
    }
    await waitFor(() => stateOf(teacher).phase === 'ended', 'match ended', 15_000);
    const towns = stateOf(teacher).towns;
    expect(towns.get('yiwu')!.bot).not.toBe('');
    expect(towns.get('wenzhou')!.human).toBe(true);

    // The stored log replays with the CLI, hash for hash.
    const res = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    expect(res.status).toBe(200);
    const log = (await res.json()) as {
      rounds: { plans: Record<string, TownPlan> }[];
      towns: { id: string; player: string }[];
    };
    expect(log.rounds).toHaveLength(3);
    expect(log.towns.find((t) => t.id === 'wenzhou')!.player).toBe('Ana, Bo');
    expect(log.towns.find((t) => t.id === 'yiwu')!.player).toBe('computer');
    expect(log.rounds[0].plans.wenzhou.environment.enforcement).toBe('strict');
    const file = join(dataDir, 'match.json');
    writeFileSync(file, JSON.stringify(log));
    const replay = spawnSync('npx', ['tsx', 'scripts/replay.ts', file, '--verify'], {
      encoding: 'utf8',
    });
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/verified/i);

    const csv = await fetch(`${server.url}/api/matches/${session.matchId}/csv`, {
      headers: { 'x-instructor-key': session.instructorKey },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(1 + 3 * 4);
    const forged = await fetch(`${server.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: 'Bearer not-the-key' },
    });
    expect(forged.status).toBe(403);
    for (const j of [teacher, ana, bo, cai]) await j.room.leave();
    expect(lastOf(ana, 'error')).toBeUndefined();
  });
});
