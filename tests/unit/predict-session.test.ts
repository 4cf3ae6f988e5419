/** The rules of "predict, then reveal" (issue 15): who may do what, when; refusals change nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeQuestion } from '../../shared/debrief/questions';
import {
  answer,
  ask,
  counts,
  emptySession,
  reveal,
  type Actor,
  type Outcome,
  type PredictionSession,
} from '../../server/rooms/replay-predictions';

const presenter: Actor = { presenter: true, participant: 'presenter' };
const student = (n: number): Actor => ({
  presenter: false,
  participant: `p${n}`,
  townId: 'foshan',
});
const question = freeQuestion(3, 'Will firms leave?', ['yes', 'no', 'some'], 0)!;
const stored = { text: 'Will firms leave?', options: ['yes', 'no', 'some'] };

function ok(outcome: Outcome): PredictionSession {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.session;
}

describe('prediction session', () => {
  it('ask, answer (changeable), reveal: counts frozen and recorded', () => {
    let s = ok(ask(emptySession(), presenter, question, 'q1', 1));
    s = ok(answer(s, student(1), 'q1', 0, 2));
    s = ok(answer(s, student(2), 'q1', 1, 3));
    s = ok(answer(s, student(1), 'q1', 2, 4));
    expect(counts(s)).toEqual([0, 1, 1]);
    s = ok(reveal(s, presenter, 'q1', [0], stored, 5));
    expect(s.open?.revealed).toEqual({ correct: [0], counts: [0, 1, 1], at: 5 });
    expect(s.record.questions[0]).toMatchObject({ id: 'q1', round: 3, kind: 'free', correct: [0] });
    expect(s.record.answers.map((a) => [a.participant, a.option])).toEqual([
      ['p1', 2],
      ['p2', 1],
    ]);
    const late = answer(s, student(3), 'q1', 0, 6);
    expect(late).toMatchObject({ ok: false, code: 'revealed' });
    // A new question after the reveal.
    s = ok(ask(s, presenter, question, 'q2', 7));
    expect(s.answers.size).toBe(0);
    expect(s.record.questions).toHaveLength(1);
  });

  it('refuses forged and out-of-phase messages', () => {
    const empty = emptySession();
    expect(ask(empty, student(1), question, 'q1', 1)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(answer(empty, student(1), 'q1', 0, 1)).toMatchObject({ ok: false, code: 'noQuestion' });
    expect(reveal(empty, presenter, 'q1', [], stored, 1)).toMatchObject({
      ok: false,
      code: 'noQuestion',
    });
    const s = ok(ask(empty, presenter, question, 'q1', 1));
    expect(ask(s, presenter, question, 'q2', 2)).toMatchObject({ ok: false, code: 'questionOpen' });
    expect(answer(s, student(1), 'nope', 0, 2)).toMatchObject({
      ok: false,
      code: 'unknownQuestion',
    });
    expect(answer(s, student(1), 'q1', 3, 2)).toMatchObject({ ok: false, code: 'invalidOption' });
    expect(answer(s, student(1), 'q1', -1, 2)).toMatchObject({ ok: false, code: 'invalidOption' });
    expect(answer(s, presenter, 'q1', 0, 2)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(reveal(s, student(1), 'q1', [], stored, 2)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(reveal(s, presenter, 'q9', [], stored, 2)).toMatchObject({
      ok: false,
      code: 'unknownQuestion',
    });
  });

  it('any sequence of messages: one answer per participant, counts sum to participants', () => {
    const move = fc.oneof(
      fc.record({ t: fc.constant('ask' as const), who: fc.nat(3) }),
      fc.record({
        t: fc.constant('answer' as const),
        who: fc.nat(3),
        option: fc.integer({ min: -1, max: 4 }),
        id: fc.constantFrom('q0', 'q1', 'x'),
      }),
      fc.record({
        t: fc.constant('reveal' as const),
        who: fc.nat(3),
        id: fc.constantFrom('q0', 'q1', 'x'),
      }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        let s = emptySession();
        let asked = 0;
        for (const m of moves) {
          const actor = m.who === 0 ? presenter : student(m.who);
          const before = s;
          const out =
            m.t === 'ask'
              ? ask(s, actor, question, `q${asked}`, 0)
              : m.t === 'answer'
                ? answer(s, actor, m.id, m.option, 0)
                : reveal(s, actor, m.id, [0], stored, 0);
          if (out.ok) {
            if (m.t === 'ask') asked += 1;
            s = out.session;
          } else expect(s).toBe(before);
          const c = counts(s);
          expect(c.reduce((a, b) => a + b, 0)).toBe(s.answers.size);
          expect(s.answers.size).toBeLessThanOrEqual(3);
        }
        expect(s.record.questions.length).toBeLessThanOrEqual(asked);
      }),
    );
  });
});
