// The coordinator load: N coordinators at once, each saying "help" three times and then walking the
// spreekuur dialog (typed "spreekuur" → form card, Controleren → review card, Versturen → summary with
// a reference). Real HTTP to the bot's /api/messages, the way Teams sends activities; the form card
// arrives through the connector stand-in, the Controleren/Versturen cards in the invoke responses.
import crypto from 'node:crypto';
import { findAction, fillInputs, textOf, type Card } from '../support/cards.ts';
import { TestClock } from '../support/clock.ts';
import type { BenchConnector } from './connector.ts';
import { BENCH_TENANT_ID, personalConversationId, type BenchUser } from './org.ts';
import { summarise, type Summary } from './stats.ts';

/** The bench clock: the bots run with CLOCK_START at the same moment (a Wednesday morning, office hours). */
export const BENCH_NOW = '2026-11-25T10:00';
export const BENCH_CLOCK_START = '2026-11-25T10:00:00+01:00';
const clock = new TestClock(BENCH_NOW);

const SPREEKUUR_FORM = () => ({
  'Uw vraag (kort)': 'Hoe ondersteunen we een leerling met faalangst?',
  'Met wie wilt u het bespreken?': 'Ouders',
  'Gaat het over een leerling?': 'Ja, anoniem',
  'Voorkeursmoment 1: datum': clock.isoDay(7),
  'Voorkeursmoment 1: dagdeel': 'Ochtend',
  'Vorm van het gesprek': 'Op school',
  Urgentie: 'Normaal',
});

export type Target = 'bot' | 'echo';

export interface StepTiming {
  kind: 'message' | 'action';
  step: string;
  ms: number;
  ok: boolean;
}

export interface LevelResult {
  target: Target;
  coordinators: number;
  rounds: number;
  wallMs: number;
  message: Summary;
  action: Summary;
  turns: number;
  errors: number;
  /** A few error descriptions (status codes, missing cards), for the report. */
  errorSamples: string[];
  timedOut: boolean;
}

const REQUEST_TIMEOUT_MS = 60_000;

export class Poster {
  constructor(
    private readonly botUrl: string,
    private readonly serviceUrl: string,
    private readonly user: BenchUser,
  ) {}

  get conversationId() {
    return personalConversationId(this.user);
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
    const res = await fetch(this.botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      body: JSON.stringify({
        id: crypto.randomUUID(),
        channelId: 'msteams',
        serviceUrl: this.serviceUrl,
        timestamp: clock.now().toISOString(),
        from: { id: this.user.id, aadObjectId: this.user.aadObjectId, name: this.user.name },
        recipient: { id: '28:sot-bot', name: 'SOT-bot' },
        conversation: { id: this.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT_ID },
        channelData: { tenant: { id: BENCH_TENANT_ID } },
        locale: 'nl-NL',
        ...activity,
      }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  say(text: string) {
    return this.post({ type: 'message', text });
  }

  async execute(verb: string, data: Record<string, unknown>): Promise<{ status: number; card?: Card }> {
    const res = await this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    const card = res.body?.type === 'application/vnd.microsoft.card.adaptive' ? res.body.value : undefined;
    return { status: res.status, card };
  }
}

/**
 * One coordinator's walk. For the echo bot the same six requests go out (the echo answers any text and
 * any card action with a tiny card), with a form payload of the same shape.
 */
export async function walk(
  poster: Poster,
  connector: BenchConnector,
  target: Target,
  record: (t: StepTiming) => void,
  fail: (why: string) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  const timed = async <T>(kind: StepTiming['kind'], step: string, fn: () => Promise<T>, ok: (r: T) => boolean): Promise<T | undefined> => {
    if (stopped()) return undefined;
    const t0 = performance.now();
    try {
      const r = await fn();
      const good = ok(r);
      record({ kind, step, ms: performance.now() - t0, ok: good });
      if (!good) fail(`${step}: ${describe(r)}`);
      return r;
    } catch (err) {
      record({ kind, step, ms: performance.now() - t0, ok: false });
      fail(`${step}: ${(err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message}`);
      return undefined;
    }
  };
  const okStatus = (r: { status: number }) => r.status >= 200 && r.status < 300;

  for (let i = 0; i < 3; i++) await timed('message', 'help', () => poster.say('help'), okStatus);
  if (stopped()) return;
  connector.forget(poster.conversationId);
  const typed = await timed('message', 'spreekuur', () => poster.say('spreekuur'), okStatus);
  if (!typed) return;

  let reviewData: Record<string, unknown>;
  if (target === 'bot') {
    const form = connector.lastCard(poster.conversationId);
    if (!form || !JSON.stringify(form.actions ?? []).includes('Controleren')) {
      fail('spreekuur: no form card with "Controleren" reached the connector');
      return;
    }
    const action = findAction(form, 'Controleren');
    reviewData = { ...fillInputs(form, SPREEKUUR_FORM()), ...(action.data ?? {}) };
  } else {
    reviewData = { ...SPREEKUUR_FORM(), schoolId: crypto.randomUUID() };
  }
  const review = await timed(
    'action',
    'Controleren',
    () => poster.execute('spreekuur.review', reviewData),
    (r) => okStatus(r) && !!r.card && (target === 'echo' || textOf(r.card).includes('Versturen')),
  );
  if (!review?.card) return;

  const confirmData =
    target === 'bot'
      ? (findAction(review.card, 'Versturen').data ?? {})
      : { type: 'spreekuur', submissionId: crypto.randomUUID(), values: reviewData };
  await timed(
    'action',
    'Versturen',
    () => poster.execute('request.confirm', confirmData),
    (r) => okStatus(r) && !!r.card && (target === 'echo' || /SOT-\d{4}-\d{4}/.test(textOf(r.card))),
  );
}

function describe(r: unknown): string {
  const x = r as { status?: number; card?: Card };
  if (x?.status && (x.status < 200 || x.status >= 300)) return `HTTP ${x.status}`;
  if (x?.card) return `unexpected card: ${textOf(x.card).slice(0, 80).replace(/\s+/g, ' ')}`;
  return 'no card in the answer';
}

/**
 * Runs `users.length` coordinators at once, each doing `rounds` walks back to back (closed loop, no
 * think time). Stops waiting after `timeoutMs` (what is still running counts as errors).
 */
export async function runLevel(opts: {
  botUrl: string;
  connector: BenchConnector;
  target: Target;
  users: BenchUser[];
  rounds: number;
  timeoutMs: number;
}): Promise<LevelResult> {
  const timings: StepTiming[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const fail = (why: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(why);
  };
  const t0 = performance.now();
  let stop = false;
  const all = Promise.all(
    opts.users.map(async (user) => {
      const poster = new Poster(opts.botUrl, opts.connector.url, user);
      for (let r = 0; r < opts.rounds && !stop; r++)
        await walk(
          poster,
          opts.connector,
          opts.target,
          (t) => timings.push(t),
          fail,
          () => stop,
        );
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    all.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), opts.timeoutMs))),
  ]);
  clearTimeout(timer);
  const wallMs = performance.now() - t0;
  if (timedOut) {
    // No new steps; requests in flight end within their own timeout, before the next level starts.
    stop = true;
    await all;
  }
  const expected = opts.users.length * opts.rounds * 6;
  if (timedOut) fail(`level stopped after ${Math.round(opts.timeoutMs / 1000)} s`);
  const done = timings.length;
  return {
    target: opts.target,
    coordinators: opts.users.length,
    rounds: opts.rounds,
    wallMs,
    message: summarise(timings.filter((t) => t.kind === 'message' && t.ok).map((t) => t.ms)),
    action: summarise(timings.filter((t) => t.kind === 'action' && t.ok).map((t) => t.ms)),
    turns: timings.filter((t) => t.ok).length,
    errors: errors + (timedOut ? expected - done : 0),
    errorSamples,
    timedOut,
  };
}
