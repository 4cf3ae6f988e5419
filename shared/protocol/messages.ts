/**
 * The classroom message protocol (docs/protocol.md, version PROTOCOL_VERSION): every message a
 * client may send has one zod schema here, used by the server to reject bad input before it
 * touches the room and by the client to build valid messages. Plan contents are checked by the
 * engine's own townPlanSchema/validatePlan, so there is exactly one definition of a valid plan.
 */
import { z } from 'zod';
import { EVENTS } from '../data/events';
import { SCENARIOS } from '../data/scenarios';
import { MAX_TOWNS, MIN_TOWNS } from '../engine/match';
import { WHY_MAX_LENGTH } from '../engine/match-log';
import { LIMITS, townPlanSchema } from '../engine/plan-schema';
import { CONSENT_TEXT_MAX } from '../research/consent';
import { ANNOUNCEMENT_MAX_LENGTH, NAME_MAX_LENGTH, normaliseName } from './codes';
import { PLAN_SECTIONS, PORTFOLIOS } from './roles';

export {
  ANNOUNCEMENT_MAX_LENGTH,
  CLOSE_CODE,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_ERROR,
  NAME_MAX_LENGTH,
  PROTOCOL_VERSION,
  isJoinCode,
  normaliseJoinCode,
  normaliseName,
} from './codes';

const nameSchema = z
  .string()
  .max(200)
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, 'enter a name')
      .max(NAME_MAX_LENGTH, `names are at most ${NAME_MAX_LENGTH} characters`)
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'names must not contain control characters'),
  );

const scenarioIds = SCENARIOS.map((s) => s.id) as [string, ...string[]];
const eventIds = EVENTS.map((e) => e.id) as [string, ...string[]];

/** What an instructor chooses when creating a session (HTTP POST /api/sessions). */
export const sessionConfigSchema = z
  .object({
    scenarioId: z
      .string()
      .refine((id) => scenarioIds.includes(id), {
        message: `unknown scenario; choose one of ${scenarioIds.join(', ')}`,
      })
      .describe(`Scenario id: one of ${scenarioIds.join(', ')} (GET /api/scenarios).`),
    towns: z
      .number()
      .int()
      .min(MIN_TOWNS)
      .max(MAX_TOWNS)
      .optional()
      .describe("Number of towns; default the scenario's own. Extra towns come from the seed."),
    rounds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe("Number of rounds; default the scenario's defaultRounds."),
    seed: z
      .number()
      .int()
      .min(0)
      .max(0xffffffff)
      .optional()
      .describe('PRNG seed (32-bit unsigned); random when absent.'),
    /** Planning time per round in seconds; 0 means no timer (the instructor advances). */
    planningSeconds: z
      .number()
      .int()
      .min(0)
      .max(3600)
      .default(300)
      .describe(
        'Planning timer per round, seconds; 0 = no timer: planning ends when every human town submitted or the instructor advances.',
      ),
    briefingSeconds: z
      .number()
      .int()
      .min(0)
      .max(600)
      .default(15)
      .describe(
        'Briefing phase at the start of each round, seconds; 0 = no briefing phase: each round opens straight in planning.',
      ),
    resultsSeconds: z
      .number()
      .int()
      .min(0)
      .max(1800)
      .default(45)
      .describe(
        'Results shown after each resolution, seconds; 0 = they stay until the instructor advances (solo: until the player sends `continue`).',
      ),
    bots: z.boolean().default(true).describe('Computer strategies play the empty towns.'),
    caretaker: z
      .boolean()
      .default(true)
      .describe(
        "Towns that miss the deadline keep last round's standing policies with no new actions; off: the round waits for them or the instructor.",
      ),
    diplomacy: z.boolean().default(true).describe('Proposals, responses and statements allowed.'),
    language: z.enum(['en', 'zh']).default('en').describe('Language of the session texts.'),
    /** Classroom sessions are private (join by code); public ones are listed in the lobby. */
    visibility: z
      .enum(['private', 'public'])
      .default('private')
      .describe('private: join by code only; public: listed in the lobby until locked.'),
    /** Students per town at most (role-play teams). */
    teamSize: z
      .number()
      .int()
      .min(1)
      .max(5)
      .default(5)
      .describe('Students per town at most; they share the portfolios.'),
    title: z.string().max(60).optional().describe('Shown in the lobby and on screens.'),
    /**
     * 'solo': self-guided play (issue 6): one student, computer towns elsewhere, the match starts
     * when the player joins and moves on only when the player says so.
     */
    mode: z.enum(['classroom', 'solo']).default('classroom'),
    /** Computer towns' strategies: easy = green innovators, hard = growth at any cost. */
    difficulty: z.enum(['easy', 'normal', 'hard']).default('normal'),
    /** A campaign entry (shared/campaign): its scenario, rounds and player town are used. */
    campaignId: z.string().max(40).optional(),
    /**
     * Continue another match from one of its rounds ("what if…?", issue 5): the parent's match
     * log and the round to fork at. The new match's log records where it forked from.
     */
    fork: z
      .object({ log: z.unknown(), round: z.number().int().min(0).max(200) })
      .strict()
      .optional(),
    /**
     * Research mode (issue 15, part 5): students see this consent text at join and answer it;
     * the research export includes only those who consent (docs/research-export.md).
     */
    research: z
      .object({
        consentText: z
          .string()
          .trim()
          .min(1, 'write the consent text students will read')
          .max(CONSENT_TEXT_MAX, `the consent text is at most ${CONSENT_TEXT_MAX} characters`),
      })
      .strict()
      .optional()
      .describe('Research mode: the consent text shown to students at join (classroom only).'),
  })
  .strict();
export type SessionConfig = z.output<typeof sessionConfigSchema>;
export type SessionConfigInput = z.input<typeof sessionConfigSchema>;

/** Options a client passes when joining a classroom room. */
export const joinOptionsSchema = z
  .object({
    code: z.string().max(20).optional(),
    name: nameSchema.optional(),
    instructorKey: z.string().max(100).optional(),
    seatToken: z.string().max(100).optional(),
    townId: z.string().max(40).optional(),
  })
  .strict();
export type JoinOptions = z.output<typeof joinOptionsSchema>;

const townId = z.string().min(1).max(40);
const playerId = z.string().min(1).max(40);
const shortText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'the text is empty').max(max, `at most ${max} characters`));

/** Student messages. A draft edit carries one plan section, checked by the engine's schema. */
export const studentMessages = {
  draft: z
    .object({
      section: z.enum(PLAN_SECTIONS as [string, ...string[]]),
      value: z.unknown(),
    })
    .strict()
    .superRefine((msg, ctx) => {
      const sectionSchema = townPlanSchema.shape[msg.section as keyof typeof townPlanSchema.shape];
      const parsed = sectionSchema.safeParse(msg.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: [msg.section, ...issue.path.map(String)],
            message: issue.message,
          });
        }
      }
    })
    .describe(
      "Replace one section of the town's shared draft: `value` must match that property of plan.json. Only a member whose portfolio edits the section; briefing or planning; not after the mayor submitted. Answered by draftSaved.",
    ),
  submit: z
    .object({ round: z.number().int().min(1).describe('The current round (state `round`).') })
    .strict()
    .describe(
      "Mayor only, in planning: submit the town's draft; it must pass every plan rule, budget included. Answered by submitted.",
    ),
  why: z
    .object({
      text: z
        .string()
        .transform((s) => s.trim())
        .pipe(z.string().max(WHY_MAX_LENGTH, `at most ${WHY_MAX_LENGTH} characters`))
        .describe(`The reason, 0 to ${WHY_MAX_LENGTH} characters after trimming; empty clears it.`),
    })
    .strict()
    .describe(
      "Replace the team's one-line reason for its plan (issue 15): any member of the town; briefing or planning; not after the mayor submitted. The mayor's submit carries it into the match log. Answered by draftSaved (section `why`).",
    ),
  unsubmit: z
    .object({ round: z.number().int().min(1) })
    .strict()
    .describe('Mayor only, in planning: reopen the submitted plan.'),
  chooseTown: z
    .object({ townId })
    .strict()
    .describe('Before the match starts: join this town if its team has room.'),
  statement: z
    .object({
      text: shortText(LIMITS.maxStatementLength).describe('1 to 280 characters after trimming.'),
    })
    .strict()
    .describe('A public statement, when diplomacy is on.'),
  /** Solo play: the player moves on from the results to the next round when ready. */
  continue: z
    .object({ round: z.number().int().min(1) })
    .strict()
    .describe('Solo play: move on from the results of this round.'),
  ping: z
    .object({})
    .strict()
    .describe('Answered by pong once every message sent before it is handled.'),
} as const;

/** Instructor controls; accepted only from the connection that joined with the instructor key. */
export const instructorMessages = {
  start: z.object({}).strict(),
  pause: z.object({}).strict(),
  resume: z.object({}).strict(),
  /**
   * Add time to the running timer. In a phase without a timer this would start a deadline the
   * class never had, so it is refused unless `startDeadline` confirms it (issue 11).
   */
  extend: z
    .object({ seconds: z.number().int().min(10).max(1800), startDeadline: z.boolean().optional() })
    .strict()
    .describe(
      'Add seconds to the running timer; in a phase without a timer refused unless startDeadline is true.',
    ),
  /**
   * End the current phase now. Carries the phase and round the instructor saw when asking, so a
   * confirmation that arrives after the phase moved on does nothing (and says so).
   */
  advance: z
    .object({
      phase: z.enum(['briefing', 'planning', 'results']),
      round: z.number().int().min(0),
    })
    .strict()
    .describe(
      'End the current phase now; ignored (with an error) unless the phase and round still hold.',
    ),
  fireEvent: z
    .object({
      eventId: z
        .string()
        .refine((id) => eventIds.includes(id), { message: 'unknown event card' })
        .describe(`Event card id: ${eventIds.join(', ')}.`),
    })
    .strict()
    .describe('Play an event card in the next resolution.'),
  announce: z.object({ text: shortText(ANNOUNCEMENT_MAX_LENGTH) }).strict(),
  moveStudent: z.object({ playerId, townId }).strict(),
  removeStudent: z.object({ playerId }).strict(),
  assignRoles: z
    .object({
      playerId,
      portfolios: z
        .array(z.enum(PORTFOLIOS))
        .max(PORTFOLIOS.length)
        .refine((l) => new Set(l).size === l.length, 'portfolios must not repeat'),
    })
    .strict(),
  setDiplomacy: z.object({ enabled: z.boolean() }).strict(),
  setCaretaker: z.object({ enabled: z.boolean() }).strict(),
  lock: z.object({ locked: z.boolean() }).strict(),
  end: z.object({}).strict(),
} as const;

export type StudentMessageType = keyof typeof studentMessages;
export type InstructorMessageType = keyof typeof instructorMessages;
export type StudentMessage<T extends StudentMessageType> = z.output<(typeof studentMessages)[T]>;
export type InstructorMessage<T extends InstructorMessageType> = z.output<
  (typeof instructorMessages)[T]
>;

/** Instructor message types are sent prefixed, so they can never be mistaken for a student's. */
export const INSTRUCTOR_PREFIX = 'instructor:';

export type Phase = 'waiting' | 'briefing' | 'planning' | 'resolution' | 'results' | 'ended';

/** Error codes the server sends in an `error` message: stable, for the client to translate. */
export type ErrorCode =
  | 'invalid'
  | 'unknownMessage'
  | 'forbidden'
  | 'wrongPhase'
  | 'rateLimited'
  | 'tooLarge'
  | 'planInvalid'
  | 'notFound'
  | 'diplomacyOff'
  | 'conflict'
  /** The server could not save the command (its store failed): nothing changed, try again. */
  | 'unavailable';

export interface ErrorMessage {
  code: ErrorCode;
  type: string;
  reason: string;
  path?: string;
  errors?: { path: string; reason: string; limit?: number | string }[];
}

/** Describe a zod failure in one line, naming the first field at fault. */
export function describeIssues(error: z.ZodError): { reason: string; path?: string } {
  const first = error.issues[0];
  const path = first?.path.map(String).join('.') ?? '';
  return { reason: first ? (path ? `${path}: ${first.message}` : first.message) : 'invalid', path };
}

/** One line of the session's news feed (briefings, announcements, statements, results). */
export interface NewsItem {
  kind: 'event' | 'card' | 'announcement' | 'statement' | 'round' | 'control';
  round: number;
  year: number;
  text: string;
  eventId?: string;
  townId?: string;
  author?: string;
  at: number;
}

/** A portfolio's private objective, shown in the role briefing (issue 3, role-play teams). */
export interface RoleObjective {
  metric: 'score' | 'fdiStock' | 'gdp' | 'patents' | 'pollution' | 'fiscalBalance';
  direction: 'up' | 'down';
}
