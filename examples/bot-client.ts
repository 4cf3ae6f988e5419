/**
 * A computer student written only against the public protocol (docs/protocol.md and the JSON
 * Schema in docs/schema/): it imports nothing from this repository's shared/, server/ or
 * client/, only colyseus.js. It joins a class by code, reads its town, drafts a plan section by
 * section, submits it each round and prints its score.
 *
 *   npx tsx examples/bot-client.ts --url http://localhost:2567 --code ABC123 [--name Bot] [--rounds 3]
 *
 * Its policy is deliberately simple: court foreign investors in the town's heritage sector, run
 * a one-stop office, build roads while they fit the budget, standard environmental enforcement.
 * If the server flags the draft (`draftErrors`, e.g. over budget), it drops the new spending and
 * falls back to the draft it was given, which keeps standing policies and is always valid.
 */
import { Client, type Room } from 'colyseus.js';

// --- The wire as documented (docs/protocol.md "Room state", docs/schema/*.json) ---------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Plan = { [section: string]: Json };

interface TownPrivateView {
  detail: string;
  draft: string;
  draftVersion: number;
  draftErrors: string;
}
interface TownView {
  id: string;
  name: string;
  figures: string;
  submitted: boolean;
  private?: TownPrivateView;
}
interface StateView {
  protocol: number;
  phase: string;
  round: number;
  rounds: number;
  year: number;
  towns: { get(id: string): TownView | undefined };
}
interface Welcome {
  instructor: boolean;
  code: string;
  playerId?: string;
  townId?: string | null;
  portfolios?: string[];
}
interface PlanError {
  path: string;
  reason: string;
}
/** Which plan section each portfolio edits (GET /api/scenarios/:id → portfolios). */
interface PortfolioSection {
  portfolio: string;
  section: string;
  submits: boolean;
}

export interface BotOptions {
  url: string;
  code: string;
  name: string;
  rounds: number;
  log?: (line: string) => void;
  timeoutMs?: number;
}

export interface BotRound {
  round: number;
  year: number;
  score: number;
  gdp: number;
  /** True when the bot's own draft was refused and it fell back to the given draft. */
  fellBack: boolean;
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolve when `check` returns a value, re-checked after every state patch and message; reject
 * when it throws or the time runs out.
 */
function until<T>(
  room: Room,
  what: string,
  check: () => T | undefined,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let offMessage: () => void = () => undefined;
    const onChange = (): void => {
      try {
        const value = check();
        if (value === undefined) return;
        stop();
        resolve(value);
      } catch (error) {
        stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`bot: timed out waiting for ${what}`));
    }, timeoutMs);
    const stop = (): void => {
      clearTimeout(timer);
      room.onStateChange.remove(onChange);
      offMessage();
    };
    room.onStateChange(onChange);
    offMessage = room.onMessage('*', onChange) as () => void;
    onChange();
  });
}

/** This round's plan: the given draft with the bot's changes to the sections it may edit. */
function botPlan(given: Plan, heritage: string | null, withRoads: boolean): Plan {
  const plan = structuredClone(given);
  const pref = plan.preferential;
  if (isObject(pref)) {
    pref.foreignTaxRate = 0.15;
    pref.foreignTaxHolidayYears = 2;
    pref.oneStopOffice = true;
    const withdrawn = Array.isArray(pref.withdrawSectors) ? pref.withdrawSectors : [];
    if (heritage && !withdrawn.includes(heritage)) pref.targetSectors = [heritage];
  }
  plan.build = withRoads ? [{ kind: 'roads' }] : [];
  if (isObject(plan.environment)) plan.environment.enforcement = 'standard';
  return plan;
}

export async function runBot(options: BotOptions): Promise<BotRound[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const base = options.url.replace(/\/$/, '');

  const { roomId } = await getJson<{ roomId: string }>(`${base}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: options.code }),
  });
  const client = new Client(base.replace(/^http/, 'ws'));
  const room: Room = await client.joinById(roomId, { code: options.code, name: options.name });
  const received: { type: string; body: unknown }[] = [];
  room.onMessage('*', (type, body: unknown) => received.push({ type: String(type), body }));
  const state = (): StateView => room.state as StateView;

  try {
    const welcome = await until(
      room,
      'welcome',
      () => received.find((m) => m.type === 'welcome')?.body as Welcome | undefined,
      timeoutMs,
    );
    const townId = await until(
      room,
      'a town',
      () => {
        const seat = [...received].reverse().find((m) => m.type === 'seat')?.body as
          { townId: string | null } | undefined;
        return (seat ? seat.townId : welcome.townId) ?? undefined;
      },
      timeoutMs,
    );
    const portfolios = welcome.portfolios ?? [];
    const scenarioId = (room.state as { scenarioId: string }).scenarioId;
    const scenario = await getJson<{
      towns: { id: string; name: string; heritage: string | null }[];
      portfolios: PortfolioSection[];
    }>(`${base}/api/scenarios/${encodeURIComponent(scenarioId)}`);
    const mine = scenario.portfolios.filter((p) => portfolios.includes(p.portfolio));
    const sections = mine.map((p) => p.section);
    const submits = mine.some((p) => p.submits);
    const heritage = scenario.towns.find((t) => t.id === townId)?.heritage ?? null;
    log(`bot ${options.name}: town ${townId}, portfolios ${portfolios.join(', ')}`);

    const results: BotRound[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      // Planning of this round, with the town's private view (detail and draft) in the state.
      const town = await until(
        room,
        `planning of round ${round}`,
        () => {
          const s = state();
          const t = s.towns.get(townId);
          if (s.phase === 'ended') throw new Error('bot: the match ended early');
          return s.round === round && s.phase === 'planning' && t?.private?.draft ? t : undefined;
        },
        timeoutMs,
      );
      const given = JSON.parse(town.private!.draft) as Plan;
      const sendDraft = async (plan: Plan): Promise<PlanError[]> => {
        for (const section of sections) {
          const mark = received.length;
          room.send('draft', { section, value: plan[section] });
          await until(
            room,
            `draftSaved ${section}`,
            () => {
              const since = received.slice(mark);
              const error = since.find((m) => m.type === 'error');
              if (error) throw new Error(`bot: draft refused: ${JSON.stringify(error.body)}`);
              return since.some((m) => m.type === 'draftSaved') ? true : undefined;
            },
            timeoutMs,
          );
        }
        // A ping is answered after every message before it: the state now holds draftErrors.
        const pongs = received.filter((m) => m.type === 'pong').length;
        room.send('ping', {});
        await until(
          room,
          'pong',
          () => (received.filter((m) => m.type === 'pong').length > pongs ? true : undefined),
          timeoutMs,
        );
        const errors = state().towns.get(townId)?.private?.draftErrors;
        return errors ? (JSON.parse(errors) as PlanError[]) : [];
      };
      let fellBack = false;
      let errors = await sendDraft(botPlan(given, heritage, true));
      if (errors.length > 0) errors = await sendDraft(botPlan(given, heritage, false));
      if (errors.length > 0) {
        fellBack = true;
        log(
          `bot: draft flagged (${errors.map((e) => `${e.path}: ${e.reason}`).join('; ')}), keeping the given draft`,
        );
        errors = await sendDraft(given);
      }
      if (submits) {
        const mark = received.length;
        room.send('submit', { round });
        await until(
          room,
          'submitted',
          () => {
            const error = received.slice(mark).find((m) => m.type === 'error');
            if (error) throw new Error(`bot: submit refused: ${JSON.stringify(error.body)}`);
            return received.some(
              (m) => m.type === 'submitted' && (m.body as { round: number }).round === round,
            )
              ? true
              : undefined;
          },
          timeoutMs,
        );
      }
      // The round resolves once every human town submitted (or at the deadline).
      const figures = await until(
        room,
        `results of round ${round}`,
        () => {
          const s = state();
          const done =
            s.round > round ||
            (s.round === round && (s.phase === 'results' || s.phase === 'ended'));
          return done ? s.towns.get(townId)?.figures : undefined;
        },
        timeoutMs,
      );
      const pub = JSON.parse(figures) as { score: number; gdp: number };
      const result = { round, year: state().year, score: pub.score, gdp: pub.gdp, fellBack };
      results.push(result);
      log(`round ${round}: score ${pub.score.toFixed(1)}, GDP ${pub.gdp.toFixed(1)} M RMB`);
    }
    return results;
  } finally {
    await room.leave();
  }
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1]?.endsWith('bot-client.ts')) {
  const code = argument('code');
  if (!code) {
    console.error(
      'usage: npx tsx examples/bot-client.ts --url http://host:2567 --code CODE [--name NAME] [--rounds N]',
    );
    process.exit(2);
  }
  runBot({
    url: argument('url') ?? 'http://localhost:2567',
    code,
    name: argument('name') ?? 'Bot',
    rounds: Number(argument('rounds') ?? 3),
  }).then(
    (rounds) => {
      const last = rounds[rounds.length - 1];
      console.log(`final score ${last ? last.score.toFixed(1) : 'n/a'}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
