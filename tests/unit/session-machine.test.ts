/**
 * The session machine against the reproductions of issue 11, each as a test: a kept plan over
 * budget, an early submit, a late "advance now", repeated submits, timers that mean their
 * labels, round and year labels, and a rebuild from the command log.
 */
import { describe, expect, it } from 'vitest';
import { validatePlan, type TownPlan } from '../../shared/index';
import { replay } from '../../server/session/machine';
import { Driver, sessionOf } from './session-helpers';

const classroom = {
  scenarioId: 'open-door-1980',
  towns: 3,
  seed: 4242,
  rounds: 5,
  planningSeconds: 300,
  briefingSeconds: 15,
  resultsSeconds: 45,
} as const;

function planOf(d: Driver, townId: string): TownPlan {
  const town = d.session.match.towns.find((t) => t.id === townId)!;
  return structuredClone(town.plan) as TownPlan;
}

describe('a kept plan over budget (reproduction 1)', () => {
  it('the caretaker trims the standing policies to the budget, and the round resolves', () => {
    // Shenzhen's standing policies spend heavily, and the town has no money or borrowing left.
    const session = sessionOf(classroom, (match) => {
      const town = match.towns[0];
      town.plan.preferential.smeCreditGuarantee = 10;
      town.plan.preferential.oneStopOffice = true;
      town.plan.innovation.innovationVouchers = 5;
      town.cash = 0;
      town.debt = 1e6;
    });
    const d = new Driver(session);
    const [a, b] = d.session.match.towns.map((t) => t.id);
    d.join('ana', a);
    d.join('bo', b);
    d.instructor({ action: 'start', payload: {} });
    d.toDeadline();
    expect(d.session.phase).toBe('planning');
    expect(validatePlan(d.session.match, a, planOf(d, a)).ok).toBe(false);
    expect(d.errors(d.student('bo', { type: 'submit', round: 1 }))).toEqual([]);
    d.instructor({ action: 'advance', payload: { phase: 'planning', round: 1 } });
    expect(d.session.phase).toBe('results');
    expect(d.session.match.round).toBe(1);
    const entry = d.session.log.rounds[0];
    expect(entry.plans[a].preferential.smeCreditGuarantee).toBe(0);
    // The students of Shenzhen are told what was dropped, and why.
    expect(d.session.caretakerDrops[a].map((x) => x.path)).toContain(
      'preferential.smeCreditGuarantee',
    );
  });

  it('also when the deadline passes with nobody submitting', () => {
    const session = sessionOf(classroom, (match) => {
      match.towns[1].plan.innovation.universityPartnership = true;
      match.towns[1].plan.preferential.talentHukou = 8;
      match.towns[1].cash = 0;
      match.towns[1].debt = 1e6;
    });
    const d = new Driver(session);
    d.join('ana', d.session.match.towns[1].id);
    d.instructor({ action: 'start', payload: {} });
    d.toDeadline();
    d.toDeadline();
    expect(d.session.phase).toBe('results');
  });
});

describe('plans only in planning (reproduction 2)', () => {
  it('refuses a submit during briefing and results; planning opens with nothing submitted', () => {
    const d = new Driver(sessionOf({ ...classroom, planningSeconds: 0, resultsSeconds: 0 }));
    const town = d.session.match.towns[0].id;
    d.join('ana', town);
    d.instructor({ action: 'start', payload: {} });
    expect(d.session.phase).toBe('briefing');
    expect(d.errors(d.student('ana', { type: 'submit', round: 1 }))).toEqual(['wrongPhase']);
    d.toDeadline();
    expect(d.session.phase).toBe('planning');
    expect(d.session.submissions).toEqual({});
    d.student('ana', { type: 'submit', round: 1 });
    expect(d.session.phase).toBe('results');
    expect(d.errors(d.student('ana', { type: 'submit', round: 2 }))).toEqual(['wrongPhase']);
    d.instructor({ action: 'advance', payload: { phase: 'results', round: 1 } });
    d.toDeadline();
    expect(d.session.phase).toBe('planning');
    expect(d.session.round).toBe(2);
    expect(d.session.submissions).toEqual({});
  });
});

describe('"advance now" names its phase and round (reproduction 3)', () => {
  it('does nothing when the briefing it was opened in has become planning', () => {
    const d = new Driver(sessionOf(classroom));
    d.join('ana', d.session.match.towns[0].id);
    d.instructor({ action: 'start', payload: {} });
    // The dialog opens in the last second of briefing …
    const asked = { phase: 'briefing', round: 1 } as const;
    d.toDeadline();
    expect(d.session.phase).toBe('planning');
    // … and is confirmed a second later.
    d.now += 1000;
    const effects = d.instructor({ action: 'advance', payload: asked });
    expect(d.errors(effects)).toEqual(['wrongPhase']);
    expect(d.session.phase).toBe('planning');
    expect(d.session.match.round).toBe(0);
  });
});

describe('submissions and timers (reproduction 7)', () => {
  it('a repeated submit is an error', () => {
    const d = new Driver(sessionOf({ ...classroom, briefingSeconds: 0 }));
    const [a, b] = d.session.match.towns.map((t) => t.id);
    d.join('ana', a);
    d.join('bo', b);
    d.instructor({ action: 'start', payload: {} });
    expect(d.errors(d.student('ana', { type: 'submit', round: 1 }))).toEqual([]);
    expect(d.errors(d.student('ana', { type: 'submit', round: 1 }))).toEqual(['conflict']);
  });

  it('"+60 s" without a timer asks for confirmation, then starts a deadline', () => {
    const d = new Driver(sessionOf({ ...classroom, briefingSeconds: 0, planningSeconds: 0 }));
    d.join('ana', d.session.match.towns[0].id);
    d.instructor({ action: 'start', payload: {} });
    expect(d.session.deadline).toBe(0);
    const refused = d.instructor({ action: 'extend', payload: { seconds: 60 } });
    expect(d.errors(refused)).toEqual(['wrongPhase']);
    expect(d.session.deadline).toBe(0);
    d.instructor({ action: 'extend', payload: { seconds: 60, startDeadline: true } });
    expect(d.session.deadline).toBe(d.now + 60_000);
  });

  it('pausing and resuming a phase without a timer does not end it', () => {
    const d = new Driver(sessionOf({ ...classroom, briefingSeconds: 0, planningSeconds: 0 }));
    d.join('ana', d.session.match.towns[0].id);
    d.instructor({ action: 'start', payload: {} });
    d.instructor({ action: 'pause', payload: {} });
    d.instructor({ action: 'resume', payload: {} });
    expect(d.session.phase).toBe('planning');
    expect(d.session.deadline).toBe(0);
  });

  it('labels round r with the year it was played, and keeps the last round after the end', () => {
    const d = new Driver(sessionOf({ ...classroom, briefingSeconds: 0 }));
    const start = d.session.match.year;
    const years = d.session.match.roundYears;
    d.join('ana', d.session.match.towns[0].id);
    d.instructor({ action: 'start', payload: {} });
    expect([d.session.round, d.session.year]).toEqual([1, start]);
    d.student('ana', { type: 'submit', round: 1 });
    // Round 1's results are labelled with the year round 1 was played, as the CSV does.
    expect([d.session.phase, d.session.round, d.session.year]).toEqual(['results', 1, start]);
    d.toDeadline();
    expect([d.session.round, d.session.year]).toEqual([2, start + years]);
    d.student('ana', { type: 'submit', round: 2 });
    d.instructor({ action: 'end', payload: {} });
    expect([d.session.phase, d.session.round, d.session.year]).toEqual(['ended', 2, start + years]);
  });
});

describe('the command log', () => {
  it('rebuilds drafts, versions, submissions, notes and timers exactly', () => {
    const start = sessionOf({ ...classroom, briefingSeconds: 0 });
    const d = new Driver(start);
    const [a, b] = d.session.match.towns.map((t) => t.id);
    d.join('ana', a);
    d.join('bo', b);
    d.instructor({ action: 'start', payload: {} });
    const plan = planOf(d, a);
    for (const guarantee of [1, 2, 3]) {
      d.now += 500;
      const preferential = { ...plan.preferential, smeCreditGuarantee: guarantee };
      d.student('ana', { type: 'draft', section: 'preferential', value: preferential });
    }
    d.instructor({ action: 'announce', payload: { text: 'Two minutes left' } });
    d.student('bo', { type: 'submit', round: 1 });
    d.instructor({ action: 'pause', payload: {} });
    const rebuilt = replay(start, d.commands);
    expect(rebuilt.draftVersions[a]).toBe(3);
    expect(rebuilt.drafts[a].preferential.smeCreditGuarantee).toBe(3);
    expect(Object.keys(rebuilt.submissions)).toEqual([b]);
    expect(rebuilt.remainingMs).toBe(d.session.remainingMs);
    expect(rebuilt.roundNotes.map((n) => n.text)).toContain('Two minutes left');
    // Connections are not part of the log: everything else is identical.
    const strip = (s: typeof rebuilt) => ({ ...s, seats: {}, instructorConnections: 0 });
    expect(strip(rebuilt)).toEqual(strip(d.session));
  });
});

describe('event cards', () => {
  it('refuses a card the timeline already strikes this round, and says why', () => {
    const d = new Driver(
      sessionOf({ ...classroom, scenarioId: 'export-crash-2008', briefingSeconds: 0 }),
    );
    d.join('ana', d.session.match.towns[0].id);
    d.instructor({ action: 'start', payload: {} });
    const strikes = (): boolean =>
      d.session.match.timeline.some(
        (e) =>
          e.eventId === 'crisis2008' &&
          e.year >= d.session.match.year &&
          e.year < d.session.match.year + d.session.match.roundYears,
      );
    for (let i = 0; i < 6 && !strikes(); i++) {
      d.student('ana', { type: 'submit', round: d.session.round });
      d.toDeadline();
    }
    expect(strikes()).toBe(true);
    const effects = d.instructor({ action: 'fireEvent', payload: { eventId: 'crisis2008' } });
    expect(d.errors(effects)).toEqual(['wrongPhase']);
    expect(d.session.pendingCards).toEqual([]);
  });
});
