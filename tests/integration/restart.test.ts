/**
 * A server killed mid-match (SIGKILL, no chance to clean up) comes back from its SQLite store:
 * same join code, same towns, submitted plans kept, drafts kept, and the round resolves with them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import type { TownPlan } from '../../shared/index';
import {
  advanceBody,
  countOf,
  createSession,
  joinInstructor,
  joinStudent,
  stateOf,
  tempDataDir,
  waitFor,
  type Joined,
  expectSubmittedAndDraftKept,
  submitAndLeaveDraft,
} from './helpers';

const dataDir = tempDataDir();
const children: ChildProcess[] = [];

async function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => /running at (http:\/\/\S+)/.test(out), `server start (${out})`, 30_000);
  return { child, url: /running at (http:\/\/\S+)/.exec(out)![1] };
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('restart mid-match', () => {
  it('resumes with the submissions and drafts kept', async () => {
    const first = await startProcess();
    const session = await createSession(first.url, {
      scenarioId: 'export-crash-2008',
      towns: 3,
      rounds: 4,
      seed: 11,
      planningSeconds: 600,
      briefingSeconds: 0,
      resultsSeconds: 1,
    });
    const teacher = await joinInstructor(first.url, session);
    const ana = await joinStudent(first.url, session.code, { name: 'Ana', townId: 'dongguan' });
    const bo = await joinStudent(first.url, session.code, { name: 'Bo', townId: 'shunde' });
    teacher.room.send('instructor:start', {});
    await waitFor(() => stateOf(ana).phase === 'planning', 'planning');
    await submitAndLeaveDraft(ana, bo);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startProcess();
    const anaBack = await joinStudent(second.url, session.code, {
      seatToken: ana.welcome.seatToken,
    });
    const boBack = await joinStudent(second.url, session.code, { seatToken: bo.welcome.seatToken });
    await expectSubmittedAndDraftKept(anaBack, boBack);

    boBack.room.send('submit', { round: 1 });
    await waitFor(() => stateOf(anaBack).phase === 'results', 'round 1 resolved after the restart');
    const res = await fetch(`${second.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const log = (await res.json()) as { rounds: { plans: Record<string, TownPlan> }[] };
    expect(log.rounds).toHaveLength(1);
    expect(log.rounds[0].plans.dongguan.environment.greenSubsidy).toBe(7);
    expect(log.rounds[0].plans.shunde.preferential.landDiscount).toBe(0.3);

    // Graceful shutdown: SIGTERM lets the process finish and exit 0.
    const exit = new Promise<number | null>((r) => second.child.once('exit', (code) => r(code)));
    second.child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 90_000);

  it('keeps announcements made while results were shown for the next round of the log', async () => {
    const first = await startProcess();
    const session = await createSession(first.url, {
      scenarioId: 'foshan-2007',
      towns: 2,
      rounds: 3,
      seed: 3,
      planningSeconds: 600,
      briefingSeconds: 0,
      // 0: the results stay up until the instructor moves on.
      resultsSeconds: 0,
    });
    const teacher = await joinInstructor(first.url, session);
    const announce = async (j: Joined, text: string): Promise<void> => {
      const before = countOf(j, 'ack');
      j.room.send('instructor:announce', { text });
      await waitFor(() => countOf(j, 'ack') > before, `announcement "${text}" acknowledged`);
    };
    teacher.room.send('instructor:start', {});
    await waitFor(() => stateOf(teacher).phase === 'planning', 'planning');
    await announce(teacher, 'During planning of round 1');
    teacher.room.send('instructor:advance', advanceBody(teacher));
    await waitFor(() => stateOf(teacher).phase === 'results', 'results of round 1');
    await announce(teacher, 'While the results of round 1 are shown');

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startProcess();
    const back = await joinInstructor(second.url, session);
    await waitFor(() => stateOf(back).phase === 'results', 'results again');
    back.room.send('instructor:advance', advanceBody(back));
    await waitFor(() => stateOf(back).phase === 'planning', 'planning of round 2');
    back.room.send('instructor:advance', advanceBody(back));
    await waitFor(() => stateOf(back).phase === 'results', 'results of round 2');
    const res = await fetch(`${second.url}/api/matches/${session.matchId}/log`, {
      headers: { authorization: `Bearer ${session.instructorKey}` },
    });
    const log = (await res.json()) as { rounds: { notes?: { text: string }[] }[] };
    const texts = (r: number) => (log.rounds[r].notes ?? []).map((n) => n.text);
    expect(texts(0)).toContain('During planning of round 1');
    expect(texts(1)).toContain('While the results of round 1 are shown');
    // Nothing logged twice.
    expect(texts(1)).not.toContain('During planning of round 1');
    second.child.kill('SIGTERM');
  }, 90_000);
});
