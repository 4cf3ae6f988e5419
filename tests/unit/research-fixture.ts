/**
 * A scripted research class for the export tests: five towns of foshan-2007, one played by a
 * consenting student alone (foshan), one by a student who declined (qingyuan), a team of one yes
 * and one no (shunde), one by a student who never answered (zhaoqing) and a computer town
 * (jiangmen); three rounds with reasons, and prediction answers from each kind of participant.
 */
import {
  appendRound,
  createMatch,
  decidePlan,
  endLog,
  resolveRound,
  startLog,
  type MatchLog,
  type PredictionRecord,
  type ResearchRecord,
  type TownPlan,
} from '../../shared/index';

export const NAMES = {
  foshan: 'Ana Li',
  qingyuan: 'Bo Wang',
  shunde: 'Cy Zhou',
  zhaoqing: 'Ed Sun',
};
export const WHY: Record<string, string> = {
  foshan: 'clean river, "then" jobs,\nslowly',
  qingyuan: 'Bo wants cheap land',
  shunde: '=SUM(A1:A9) team line',
  zhaoqing: 'Ed reason',
};

export function classLog(edit?: (plans: Record<string, TownPlan>) => void): MatchLog {
  let state = createMatch('foshan-2007', { seed: 5 });
  const log = startLog(state);
  for (let r = 0; r < 3; r++) {
    const plans = Object.fromEntries(
      state.towns.map((t) => [t.id, decidePlan(state, t.id, 'balanced')]),
    );
    plans.foshan!.diplomacy.statement = 'Signed, Ana Li';
    edit?.(plans);
    const inputs = { plans, cards: [] };
    const result = resolveRound(state, inputs);
    const submissions = Object.entries(NAMES).map(([town, by], i) => ({
      town,
      by,
      at: 1_000_000 + r * 100_000 + i * 2500,
      why: WHY[town]!,
    }));
    appendRound(log, state, inputs, result, { submissions });
    state = result.state;
  }
  endLog(log);
  return log;
}

export const research: ResearchRecord = {
  enabled: true,
  consentText: 'We study how classes decide.',
  participants: [
    { participant: 'p-ana', townId: 'foshan', consent: false, at: 1 },
    { participant: 'p-ana', townId: 'foshan', consent: true, at: 2 },
    { participant: 'p-bo', townId: 'qingyuan', consent: false, at: 1 },
    { participant: 'p-cy', townId: 'shunde', consent: true, at: 1 },
    { participant: 'p-di', townId: 'shunde', consent: false, at: 1 },
  ],
};
export const roster = [
  { participant: 'p-ana', townId: 'foshan' },
  { participant: 'p-bo', townId: 'qingyuan' },
  { participant: 'p-cy', townId: 'shunde' },
  { participant: 'p-di', townId: 'shunde' },
  { participant: 'p-ed', townId: 'zhaoqing' },
];
export const predictions: PredictionRecord = {
  questions: [
    {
      id: 'q1',
      round: 2,
      kind: 'town',
      text: 'Which town loses most firms?',
      townId: 'foshan',
      options: ['Foshan', 'Qingyuan'],
      correct: [1],
      askedAt: 5,
    },
    {
      id: 'q2',
      round: 2,
      kind: 'free',
      text: '+ opinion, "quoted"',
      options: ['yes', 'no'],
      correct: [],
      askedAt: 6,
    },
  ],
  answers: [
    { question: 'q1', participant: 'p-ana', option: 1, at: 7 },
    { question: 'q2', participant: 'p-ana', option: 0, at: 7 },
    { question: 'q1', participant: 'p-bo', option: 0, at: 7 },
    { question: 'q1', participant: 'browser-xyz', option: 0, at: 7 },
  ],
};
