/**
 * Issue 15: the team's one-line reason, captured at the moment of decision. Any member drafts it,
 * the mayor's submit carries it into the match log, and a reason too long changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { parseLog, replayLog, WHY_MAX_LENGTH } from '../../shared/index';
import { studentMessages } from '../../shared/protocol/messages';
import { replay } from '../../server/session/machine';
import { Driver, sessionOf } from './session-helpers';

const classroom = {
  scenarioId: 'open-door-1980',
  towns: 3,
  seed: 4242,
  rounds: 3,
  planningSeconds: 300,
  briefingSeconds: 0,
  resultsSeconds: 45,
  teamSize: 3,
} as const;

function started(): { d: Driver; a: string; b: string } {
  const d = new Driver(sessionOf(classroom));
  start = d.session;
  const [a, b] = d.session.match.towns.map((t) => t.id);
  d.join('ana', a); // the first member of a town is its mayor
  d.join('ada', a);
  d.join('bo', b);
  d.instructor({ action: 'start', payload: {} });
  expect(d.session.phase).toBe('planning');
  return { d, a, b };
}

let start: ReturnType<typeof sessionOf>;

describe('the reason line (issue 15)', () => {
  it('any member drafts it; the mayor’s submit stores it with the round in the log', () => {
    const { d, a, b } = started();
    expect(d.session.seats.ada.portfolios).not.toContain('mayor');
    expect(
      d.errors(d.student('ada', { type: 'why', text: '  Keep taxes low to hold the plants ' })),
    ).toEqual([]);
    expect(d.session.whys?.[a]).toBe('Keep taxes low to hold the plants');
    expect(d.effects.at(-1)).toMatchObject({ message: 'draftSaved', payload: { section: 'why' } });
    expect(d.errors(d.student('ana', { type: 'submit', round: 1 }))).toEqual([]);
    expect(d.session.submissions[a].why).toBe('Keep taxes low to hold the plants');
    // Once submitted, the reason is the plan's: it changes only after the mayor reopens it.
    expect(d.errors(d.student('ada', { type: 'why', text: 'changed' }))).toEqual(['conflict']);
    expect(d.errors(d.student('bo', { type: 'submit', round: 1 }))).toEqual([]);
    const round = d.session.log.rounds[0];
    expect(d.session.log.version).toBe(4);
    expect(round.submissions?.find((s) => s.town === a)?.why).toBe(
      'Keep taxes low to hold the plants',
    );
    // A town without a reason has none in the log (not an empty string).
    expect(round.submissions?.find((s) => s.town === b)).not.toHaveProperty('why');
    // The next round starts with an empty reason, and the log verifies.
    expect(d.session.whys?.[a] ?? '').toBe('');
    const copy = parseLog(JSON.parse(JSON.stringify(d.session.log)));
    expect(() => replayLog(copy)).not.toThrow();
  });

  it('refuses a reason over the limit with a clear error, and changes nothing', () => {
    const { d, a } = started();
    d.student('ada', { type: 'why', text: 'first thoughts' });
    const before = d.session;
    const long = 'x'.repeat(WHY_MAX_LENGTH + 1);
    const effects = d.student('ada', { type: 'why', text: long });
    expect(d.errors(effects)).toEqual(['invalid']);
    const error = effects.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error.reason).toBe(
      `the reason is ${WHY_MAX_LENGTH + 1} characters long: at most ${WHY_MAX_LENGTH}`,
    );
    expect(d.session).toBe(before);
    expect(d.session.whys?.[a]).toBe('first thoughts');
    // The wire schema refuses it too, before it reaches the machine; exactly 200 passes.
    expect(studentMessages.why.safeParse({ text: long }).success).toBe(false);
    expect(studentMessages.why.safeParse({ text: 'y'.repeat(WHY_MAX_LENGTH) }).success).toBe(true);
  });

  it('only the mayor’s submit carries it: a member’s submit is refused and logs nothing', () => {
    const { d, a } = started();
    d.student('ada', { type: 'why', text: 'Build the science park first' });
    expect(d.errors(d.student('ada', { type: 'submit', round: 1 }))).toEqual(['forbidden']);
    expect(d.session.submissions[a]).toBeUndefined();
    d.student('ana', { type: 'why', text: '' });
    expect(d.errors(d.student('ana', { type: 'submit', round: 1 }))).toEqual([]);
    expect(d.session.submissions[a]).not.toHaveProperty('why');
  });

  it('a reopened plan takes the new reason', () => {
    const { d, a } = started();
    d.student('ada', { type: 'why', text: 'one' });
    d.student('ana', { type: 'submit', round: 1 });
    d.student('ana', { type: 'unsubmit', round: 1 });
    d.student('ada', { type: 'why', text: 'two' });
    d.student('ana', { type: 'submit', round: 1 });
    expect(d.session.submissions[a].why).toBe('two');
  });

  it('the command log rebuilds the reasons, drafted and submitted, exactly', () => {
    const { d, a, b } = started();
    d.student('ada', { type: 'why', text: 'Draft one' });
    d.student('bo', { type: 'why', text: 'Hold the port' });
    d.student('bo', { type: 'submit', round: 1 });
    const rebuilt = replay(start, d.commands);
    expect(rebuilt.whys).toEqual({ [a]: 'Draft one', [b]: 'Hold the port' });
    expect(rebuilt.submissions[b].why).toBe('Hold the port');
    const strip = (s: typeof rebuilt) => ({ ...s, seats: {}, instructorConnections: 0 });
    expect(strip(rebuilt)).toEqual(strip(d.session));
  });
});
