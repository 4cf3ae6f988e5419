/**
 * The solo fields of the player's private town state, which the net layer does not type:
 * `advisor` (JSON AdvisorHint[] for the last round, at most 3) and `outcome` (JSON Outcome,
 * evaluated after every round). Each JSON string is parsed once and checked for shape, so a
 * malformed field shows as "no advice" rather than breaking the play screen.
 */
import type { AdvisorHint, Outcome, Text } from '../../shared/campaign/types';
import type { Session } from '../net/session-client';

interface SoloPrivate {
  advisor?: string;
  outcome?: string;
}

const PLAYING: Outcome = { status: 'playing', stars: 0, reasons: [] };

function isText(value: unknown): value is Text {
  const v = value as Partial<Text> | null;
  return !!v && typeof v.en === 'string' && typeof v.zh === 'string';
}

function isHint(value: unknown): value is AdvisorHint {
  const v = value as Partial<AdvisorHint> | null;
  return (
    !!v &&
    typeof v.mechanism === 'string' &&
    isText(v.text) &&
    !!v.citation &&
    typeof v.citation.paper === 'string' &&
    typeof v.citation.section === 'string'
  );
}

function parse(raw: string | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export class SoloState {
  private advisorRaw = '';
  private outcomeRaw = '';
  private hints: AdvisorHint[] = [];
  private result: Outcome = PLAYING;

  constructor(private readonly session: Session) {}

  private fields(): SoloPrivate {
    const townId = this.session.townId;
    const town = townId ? this.session.state.towns?.get(townId) : undefined;
    return (town?.private as SoloPrivate | undefined) ?? {};
  }

  advisor(): AdvisorHint[] {
    const raw = this.fields().advisor ?? '';
    if (raw !== this.advisorRaw) {
      this.advisorRaw = raw;
      const list = parse(raw);
      this.hints = Array.isArray(list) ? list.filter(isHint).slice(0, 3) : [];
    }
    return this.hints;
  }

  outcome(): Outcome {
    const raw = this.fields().outcome ?? '';
    if (raw !== this.outcomeRaw) {
      this.outcomeRaw = raw;
      const value = parse(raw) as Partial<Outcome> | null;
      const status = value?.status;
      this.result =
        status === 'won' || status === 'lost' || status === 'playing'
          ? {
              status,
              stars: typeof value?.stars === 'number' ? value.stars : 0,
              reasons: Array.isArray(value?.reasons) ? value.reasons.filter(isText) : [],
            }
          : PLAYING;
    }
    return this.result;
  }
}
