/**
 * What the predict panel shows (issue 15), computed apart from the DOM: the text of a question
 * or option in the reader's language (towns by name), the bars of the class's answers and what
 * a follower is told after the reveal.
 */
import type { PredictMessage } from '../../shared/debrief/questions';
import type { PredictWireView } from './sync';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A question or option in the reader's language; a `town` parameter is a town id. */
export function messageText(
  message: PredictMessage,
  t: Translate,
  townName: (id: string) => string,
): string {
  const params: Record<string, string | number> = { ...message.params };
  if (typeof params.town === 'string') params.town = townName(params.town);
  return t(`predict:${message.key}`, params);
}

export interface Bar {
  option: number;
  count: number;
  /** Share of all answers, 0 to 100 (0 when nobody answered). */
  percent: number;
  correct: boolean;
}

/** One bar per option, in the order asked. */
export function bars(view: PredictWireView): Bar[] {
  const counts = view.revealed?.counts ?? view.question.options.map(() => 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((count, option) => ({
    option,
    count,
    percent: total ? Math.round((count / total) * 100) : 0,
    correct: view.revealed?.correct.includes(option) ?? false,
  }));
}

export type Verdict = 'right' | 'wrong' | 'noAnswer' | 'opinion' | 'pending';

/** What a follower is told: pending before the reveal; opinion when nothing is right. */
export function verdict(view: PredictWireView, mine: number | null): Verdict {
  if (!view.revealed) return 'pending';
  if (view.revealed.correct.length === 0) return 'opinion';
  if (mine === null) return 'noAnswer';
  return view.revealed.correct.includes(mine) ? 'right' : 'wrong';
}

/** The round a presenter may ask about: the next one, if the log has it. */
export function askableRound(current: number, rounds: number): number | null {
  return current + 1 <= rounds ? current + 1 : null;
}

/** The free question's options as typed: blanks dropped; null unless 2 to 5 remain. */
export function freeOptions(typed: string[]): string[] | null {
  const options = typed.map((o) => o.trim()).filter((o) => o.length > 0);
  return options.length >= 2 && options.length <= 5 ? options : null;
}
