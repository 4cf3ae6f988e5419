/**
 * The replay viewer with the game server (issue 5): a stored match opens from
 * `?replay=<matchId>` with the remembered key, its note is saved on the server, the what-if fork
 * starts a game; and a student in another browser, who opened the class link before the
 * instructor presented, follows the instructor through the server's replay room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseLog, type MatchLog } from '../../shared/index';
import { chromiumAvailable, launchChromium } from './browser';
import { startStack, type Stack } from './game-server';
import { createSession, joinInstructor, stateOf, waitFor } from '../integration/helpers';

import { nodeHashes, replayOf, SHOTS, waitStatus } from './replay-helpers';

describe.skipIf(!chromiumAvailable() && !process.env.CI)(
  'the replay viewer with the game server',
  () => {
    let stack: Stack;
    let browser: Browser;
    let session: Awaited<ReturnType<typeof createSession>>;
    let stored: MatchLog;
    beforeAll(async () => {
      stack = await startStack();
      browser = await launchChromium();
      session = await createSession(stack.game.url, {
        scenarioId: 'foshan-2007',
        towns: 3,
        rounds: 4,
        seed: 4,
        planningSeconds: 1,
        briefingSeconds: 0,
        // 0 would wait for the instructor at every results phase.
        resultsSeconds: 1,
      });
      const teacher = await joinInstructor(stack.game.url, session);
      teacher.room.send('instructor:start', {});
      await waitFor(() => stateOf(teacher).phase === 'ended', 'the match ended', 60_000);
      await teacher.room.leave();
      const res = await fetch(`${stack.game.url}/api/matches/${session.matchId}/log`, {
        headers: { authorization: `Bearer ${session.instructorKey}` },
      });
      stored = parseLog(await res.json());
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    /** A page of a browser that created the class: the instructor key is remembered. */
    async function instructorPage(width = 1440, height = 900): Promise<Page> {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.addInitScript(
        (record) => {
          localStorage.setItem(`clusterTowns.class.${record.code}`, JSON.stringify(record));
        },
        { ...session, title: '', createdAt: Date.now() },
      );
      return page;
    }

    it('opens a stored match with the remembered key, saves a note on the server, and forks', async () => {
      const page = await instructorPage();
      await page.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(page, 'ready');
      expect((await replayOf(page)).hashes).toEqual(nodeHashes(stored));

      await page.fill('#replay-note-text', 'Ask the class about round 1');
      await page.click('#replay-note-add');
      await expect.poll(() => page.textContent('#replay-note-status')).not.toBe('');
      const notes = await fetch(`${stack.game.url}/api/matches/${session.matchId}/annotations`, {
        headers: { authorization: `Bearer ${session.instructorKey}` },
      });
      expect(notes.status).toBe(200);
      const body = (await notes.json()) as { annotations: { note: string }[] };
      expect(body.annotations.map((a) => a.note)).toContain('Ask the class about round 1');

      // What if…? The fork starts a self-guided game that goes on after the fork round, in a
      // new tab: the replay stays open in this one, and the game has no timer.
      await page.fill('#replay-scrubber', '1');
      await page.fill('#replay-fork-name', 'Ana');
      const [tab] = await Promise.all([
        page.context().waitForEvent('page'),
        page.click('#replay-fork'),
      ]);
      await tab.waitForFunction(
        () => (window as { __play?: { phase: string } }).__play?.phase === 'planning',
        undefined,
        { timeout: 30_000 },
      );
      expect((await replayOf(page)).status).toBe('ready');
      const play = await tab.evaluate(
        () => (window as { __play?: { round: number; townId: string | null } }).__play,
      );
      expect(play?.round).toBe(2);
      expect(play?.townId).not.toBeNull();
      expect(await tab.evaluate(() => window.__session?.deadline)).toBe(0);
      await page.context().close();
    }, 120_000);

    it('forks a what-if as a new classroom session run from this browser', async () => {
      const page = await instructorPage();
      await page.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(page, 'ready');
      await page.fill('#replay-scrubber', '2');
      await page.click('#replay-fork-class');
      // The instructor screen of the new session, with its own join code and key.
      await page.waitForSelector('#class-code', { timeout: 30_000 });
      const code = ((await page.textContent('#class-code')) ?? '').replace(/\s/g, '');
      expect(code).toMatch(/^[0-9A-Z]{6}$/);
      expect(code).not.toBe(session.code);
      // The new session starts from the parent's state after round 2.
      const res = await fetch(`${stack.game.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(res.status).toBe(200);
      await page.context().close();
    }, 120_000);

    it('a student with the follow link stays in sync with the presenting instructor through the server', async () => {
      // Two separate browser contexts: no BroadcastChannel between them, only the replay room.
      // The student opens the link first, as a class does before the instructor presents: the
      // viewer waits (the log is shared only while presenting) instead of failing.
      const studentContext = await browser.newContext({ viewport: { width: 960, height: 700 } });
      const student = await studentContext.newPage();
      await student.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
      await student.waitForFunction(() => window.__replay?.status === 'waiting', undefined, {
        timeout: 30_000,
      });
      await student.screenshot({ path: `${SHOTS}/replay-class-waiting.png` });

      const teacher = await instructorPage(960, 700);
      await teacher.goto(`${stack.url}?replay=${session.matchId}&test=1`);
      await waitStatus(teacher, 'ready');
      await teacher.fill('#replay-scrubber', '2');
      await teacher.click('#replay-present');

      // The waiting student gets the log, follows the class at once and shows the presenter's
      // round; the student's own timeline is locked.
      await waitStatus(student, 'ready');
      expect((await replayOf(student)).hashes).toEqual(nodeHashes(stored));
      await student.waitForFunction(
        () => window.__replay?.sync === 'following' && window.__replay.round === 2,
        undefined,
        { timeout: 15_000 },
      );
      expect(await student.isDisabled('#replay-scrubber')).toBe(true);
      expect(await student.textContent('#replay-sync-status')).not.toMatch(/waiting/i);

      const towns = stored.towns.map((t) => t.id);
      const moves: { round: number; view: 'town' | 'region'; townId: string }[] = [
        { round: 3, view: 'town', townId: towns[1] },
        { round: 1, view: 'region', townId: towns[1] },
        { round: 4, view: 'town', townId: towns[2] },
      ];
      for (const move of moves) {
        await teacher.fill('#replay-scrubber', String(move.round));
        await teacher.click(move.view === 'town' ? '#replay-view-town' : '#replay-view-region');
        await teacher.selectOption('#replay-town', move.townId);
        await student.waitForFunction(
          (m) =>
            window.__replay?.round === m.round &&
            window.__replay.view === m.view &&
            window.__replay.townId === m.townId,
          move,
          { timeout: 15_000 },
        );
      }
      await student.screenshot({ path: `${SHOTS}/replay-class-follower.png` });

      // Detached, the student explores alone; re-attached, the student jumps to the class.
      // A second follower, still attached, shows when the class has moved.
      const watcher = await studentContext.newPage();
      await watcher.goto(`${stack.url}?replay=${session.matchId}&code=${session.code}&test=1`);
      await watcher.waitForFunction(() => window.__replay?.sync === 'following', undefined, {
        timeout: 30_000,
      });
      await student.click('#replay-detach');
      await student.fill('#replay-scrubber', '2');
      await teacher.fill('#replay-scrubber', '3');
      await watcher.waitForFunction(() => window.__replay?.round === 3, undefined, {
        timeout: 15_000,
      });
      expect((await replayOf(student)).round).toBe(2);
      await student.click('#replay-reattach');
      await student.waitForFunction(() => window.__replay?.round === 3, undefined, {
        timeout: 15_000,
      });

      // A wrong code gets the log refused, with a message.
      const stranger = await studentContext.newPage();
      await stranger.goto(`${stack.url}?replay=${session.matchId}&code=ZZZZZZ&test=1`);
      await waitStatus(stranger, 'error');
      await studentContext.close();
      await teacher.context().close();
    }, 180_000);
  },
);
