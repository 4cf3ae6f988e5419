/**
 * The public protocol as JSON Schema (issue 16), generated from the zod schemas the server
 * itself validates with (zod 4 `z.toJSONSchema`): the session config, every client message, the
 * town plan and the server messages. `npm run schema` writes these documents to docs/schema/,
 * `GET /api/schema` serves them, and tests/unit/schema.test.ts fails when the committed files
 * are stale. Server messages are plain TypeScript interfaces in shared/protocol/wire-messages.ts;
 * their zod mirrors below are checked against those interfaces at compile time, both ways.
 */
import { z } from 'zod';
import { townPlanSchema } from '../shared/engine/plan-schema';
import {
  INSTRUCTOR_PREFIX,
  PROTOCOL_VERSION,
  instructorMessages,
  sessionConfigSchema,
  studentMessages,
} from '../shared/protocol/messages';
import { PLAN_SECTIONS, PORTFOLIOS, type PlanSection } from '../shared/protocol/roles';
import type { ServerMessages } from '../shared/protocol/wire-messages';

const portfolio = z.enum(PORTFOLIOS).describe('A role in a town team.');
const portfolios = z.array(portfolio).describe('The portfolios this player holds.');
const section = z.enum(PLAN_SECTIONS as unknown as [PlanSection, ...PlanSection[]]);
const errorCode = z.enum([
  'invalid',
  'unknownMessage',
  'forbidden',
  'wrongPhase',
  'rateLimited',
  'tooLarge',
  'planInvalid',
  'notFound',
  'diplomacyOff',
  'conflict',
  'unavailable',
]);

/** zod mirrors of ServerMessages (shared/protocol/wire-messages.ts). */
export const serverMessageSchemas = {
  welcome: z
    .object({
      instructor: z.boolean().describe('true for the connection that joined with the key.'),
      code: z.string().describe("The session's join code."),
      matchId: z.string().optional().describe('Id of the match (for the log and CSV routes).'),
      playerId: z.string().optional().describe("This player's id (students only)."),
      seatToken: z
        .string()
        .optional()
        .describe('Only on a new seat: keep it; `{ code, seatToken }` rejoins the same seat.'),
      townId: z
        .string()
        .nullable()
        .optional()
        .describe("The player's town; null until one is chosen or assigned."),
      portfolios: portfolios.optional(),
    })
    .describe('Sent once after joining.'),
  seat: z
    .object({ townId: z.string().nullable(), portfolios })
    .describe("The player's town or portfolios changed (the instructor moved them)."),
  draftSaved: z
    .object({
      section: z
        .union([section, z.literal('why')])
        .describe('The plan section saved, or `why`: the team’s reason line.'),
      version: z.number().int().describe('The draft version now stored (also `draftVersion`).'),
    })
    .describe('A `draft` edit (or a `why` line) is stored.'),
  submitted: z
    .object({ round: z.number().int(), townId: z.string() })
    .describe("The town's plan for this round is stored and will be played."),
  announcement: z.object({ text: z.string() }).describe('The instructor announced something.'),
  ack: z
    .object({ type: z.string().describe('The message type acknowledged.') })
    .describe('An instructor control (or `continue`) was applied.'),
  error: z
    .object({
      code: errorCode.describe('Stable error code; the message changed nothing.'),
      type: z.string().describe('The message type refused.'),
      reason: z.string().describe('Readable reason, in English.'),
      path: z.string().optional().describe('The first field at fault, dot separated.'),
      errors: z
        .array(
          z.object({
            path: z.string(),
            reason: z.string(),
            limit: z.union([z.number(), z.string()]).optional(),
          }),
        )
        .optional()
        .describe('Every plan error (code `planInvalid`), with the limit where one applies.'),
    })
    .describe('A message was refused.'),
  pong: z.object({}).describe('Answer to `ping`, after every command sent before it.'),
  ended: z.object({ matchId: z.string() }).describe('The match ended.'),
} as const;

type Mirrors = {
  [K in keyof typeof serverMessageSchemas]: z.output<(typeof serverMessageSchemas)[K]>;
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile when a server message and its mirror drift apart.
const mirrorsMatch: {
  [K in keyof ServerMessages]: K extends keyof Mirrors
    ? Same<Mirrors[K], ServerMessages[K]>
    : false;
} = {
  welcome: true,
  seat: true,
  draftSaved: true,
  submitted: true,
  announcement: true,
  ack: true,
  error: true,
  pong: true,
  ended: true,
};
void mirrorsMatch;

const SCHEMA_BASE = 'https://cluster-towns.invalid/schema';

function toSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return { $id: `${SCHEMA_BASE}/${id}.json`, title, ...json };
}

function messageMap(
  schemas: Record<string, z.ZodType>,
  prefix: string,
  id: string,
  title: string,
  description: string,
): Record<string, unknown> {
  const types = Object.keys(schemas).map((k) => `${prefix}${k}`);
  const $defs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _ignored, ...body } = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      target: 'draft-2020-12',
    });
    void _ignored;
    $defs[`${prefix}${name}`] = body;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}/${id}.json`,
    title,
    description,
    'x-protocol-version': PROTOCOL_VERSION,
    'x-message-types': types,
    $defs,
  };
}

/** Every schema document, by file name (docs/schema/<name>). */
export function protocolSchemas(): Record<string, Record<string, unknown>> {
  return {
    'session-config.json': {
      ...toSchema(sessionConfigSchema, 'session-config', 'Session config (POST /api/sessions)'),
      'x-protocol-version': PROTOCOL_VERSION,
    },
    'plan.json': {
      ...toSchema(townPlanSchema, 'plan', 'Town plan'),
      'x-protocol-version': PROTOCOL_VERSION,
    },
    'client-messages.json': messageMap(
      {
        ...studentMessages,
        ...Object.fromEntries(
          Object.entries(instructorMessages).map(([k, v]) => [`${INSTRUCTOR_PREFIX}${k}`, v]),
        ),
      },
      '',
      'client-messages',
      'Messages a client sends',
      'room.send(type, body): `$defs[type]` is the body. A `draft` value is the plan section it names (plan.json, property of that name). `instructor:*` only from the connection that joined with the instructor key.',
    ),
    'server-messages.json': messageMap(
      serverMessageSchemas,
      '',
      'server-messages',
      'Messages the server sends',
      'room.onMessage(type, body): `$defs[type]` is the body.',
    ),
  };
}
