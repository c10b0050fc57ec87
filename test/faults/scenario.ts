// One run of the fault matrix: the real bot as child process(es), coordinators filing spreekuur requests
// through the real HTTP endpoint, year-agenda reminders falling due, and a fault injected all the while.
// At the end every request, channel post and reminder is counted: lost, or delivered more than once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { REPO_ROOT, TSX_CLI } from '../../scripts/dev/paths.ts';
import { findFreePort, spawnNode } from '../../scripts/dev/processes.ts';
import { localBotEnv, runOrgImport, startBotProcess, type StartedBot } from '../../scripts/dev/stack.ts';
import { FakeConnector, type Chaos } from '../support/connector.ts';
import { TeamsClient } from '../support/teamsClient.ts';
import { textOf } from '../support/cards.ts';
import { FORMS } from '../support/requests.ts';
import { RoundRobinProxy } from './proxy.ts';

export const TENANT = '00000000-0000-4000-8000-0000000000aa';
const CHANNEL = { teamId: '19:team-sot@thread.tacv2', channelId: '19:kanaal-faults@thread.tacv2' };
/** A Wednesday morning in office hours: reminders are due, appointments lie ahead. */
const CLOCK_START = DateTime.fromISO('2026-11-25T09:30', { zone: 'Europe/Amsterdam' });

export type DatabaseChoice = { kind: 'embedded' } | { kind: 'postgres'; serverUrl: string };

export interface ScenarioOptions {
  name: string;
  database: DatabaseChoice;
  coordinators: number;
  requestsEach: number;
  /** Random connector faults while filing and delivering. */
  chaos?: Chaos;
  /** SIGKILL the bot this many times while coordinators file and reminders fall due (restarting it each time). */
  kills?: number;
  /** Two bot instances on one PostgreSQL behind a round-robin proxy; every message arrives twice (Teams retries). */
  twoInstances?: boolean;
  /** Restarts the PostgreSQL server once, mid-run. */
  restartPostgres?: () => Promise<void>;
  log?: (line: string) => void;
  /** Give up waiting for the outbox after this long. */
  drainTimeoutMs?: number;
}

export interface ScenarioResult {
  name: string;
  /** How many times the fault struck (kills, injected faults, restarts). */
  runs: number;
  requests: number;
  lost: number;
  duplicated: number;
  /** Duplicates the delivery guarantee does not allow (a request stored twice, a repeated activity answered twice). */
  unexplained: number;
  causes: string[];
  seconds: number;
}

interface Db {
  env: NodeJS.ProcessEnv;
  query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function createDatabase(choice: DatabaseChoice, workDir: string): Promise<Db> {
  if (choice.kind === 'postgres') {
    const name = `sot_faults_${Math.random().toString(16).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: choice.serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(choice.serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      async query(sql, params) {
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        try {
          return (await client.query(sql, params as unknown[])).rows;
        } finally {
          await client.end();
        }
      },
      async drop() {
        const c = new pg.Client({ connectionString: choice.serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = path.join(workDir, 'data');
  // The embedded database has one process at a time: counts are read by a short child process once the bot is stopped.
  return {
    env: { DATA_DIR: dataDir },
    async query(sql, params) {
      const script = path.join(workDir, 'query.mts');
      fs.writeFileSync(
        script,
        `import { openDatabase } from ${JSON.stringify(path.join(REPO_ROOT, 'bot/store/database.ts'))};
const db = await openDatabase({ kind: 'embedded', dataDir: ${JSON.stringify(dataDir)} });
const rows = await db.prisma.$queryRawUnsafe(${JSON.stringify(sql)}, ...${JSON.stringify(params ?? [])});
console.log('ROWS' + JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
await db.close();`,
      );
      const proc = spawnNode('query', [TSX_CLI, script]);
      const info = await proc.exited;
      const line = proc
        .output()
        .split('\n')
        .find((l) => l.startsWith('ROWS'));
      if (info.code !== 0 || !line) throw new Error(`query failed: ${proc.output()}`);
      return JSON.parse(line.slice(4));
    },
    drop: async () => undefined,
  };
}

function organisation(count: number) {
  const people = [
    { id: 'anna', name: 'Anna Consulent', email: 'anna@swv.example', aadObjectId: '10000000-0000-4000-8000-000000000001' },
    { id: 'eva', name: 'Eva Bureau', email: 'eva@swv.example', aadObjectId: '10000000-0000-4000-8000-000000000002' },
  ];
  const schools = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    people.push({
      id: `c${n}`,
      name: `Coördinator ${n}`,
      email: `c${n}@school.example`,
      aadObjectId: `20000000-0000-4000-8000-00000000${n}`,
    });
    schools.push({
      brin: `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${n.slice(-2)}`,
      name: `School ${n}`,
      sector: 'PO',
      consultant: 'anna',
      coordinators: [`c${n}`],
    });
  }
  return {
    swv: { name: 'SWV Foutentest', code: 'PO2998', tenantId: TENANT },
    people,
    consultants: [{ person: 'anna', channel: CHANNEL }],
    schools,
    roles: { admins: ['eva'] },
  };
}

const clientAad = (client: TeamsClient) => (client as unknown as { options: { user: { aadObjectId: string } } }).options.user.aadObjectId;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses until the bot answers with a card: a click that got no answer (bot down, 5xx) is pressed again, as a person would. */
async function persist<T>(attempt: () => Promise<T | undefined>, deadline: number): Promise<T> {
  for (;;) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (err) {
      // Connection refused or reset while the bot restarts; anything else is a mistake in the scenario.
      if (!(err instanceof TypeError && /fetch failed/.test(err.message)) && !(err instanceof SyntaxError)) throw err;
    }
    if (performance.now() > deadline) throw new Error('no answer before the deadline');
    await sleep(300);
  }
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-faults-'));
  const db = await createDatabase(options.database, workDir);
  const connector = await new FakeConnector().start();
  const bots: (StartedBot | undefined)[] = [];
  const proxy = options.twoInstances ? await new RoundRobinProxy().start() : undefined;
  const ports = [await findFreePort(), await findFreePort()];
  const env = localBotEnv({
    ...db.env,
    LOG_LEVEL: 'error',
    DELIVERY_POLL_MS: '200',
    REMINDER_INTERVAL_MS: '10000',
    CLOCK_START: CLOCK_START.toISO()!,
    BOT_TENANT_ID: TENANT,
  });
  const causes: string[] = [];
  let runs = 0;
  try {
    const orgFile = path.join(workDir, 'org.json');
    fs.writeFileSync(orgFile, JSON.stringify(organisation(options.coordinators)));
    log('importing the organisation');
    const imported = await runOrgImport(orgFile, { env });
    if (imported.code !== 0) throw new Error(`org import failed: ${imported.output}`);
    const agendaFile = path.join(workDir, 'agenda.csv');
    const tomorrow = CLOCK_START.plus({ days: 1 }).toISODate();
    fs.writeFileSync(
      agendaFile,
      `datum;titel;omschrijving;doelgroep;herinneren\n${tomorrow};Foutentest-agendapunt;Komt precies één keer.;alle;1\n`,
    );
    const agenda = spawnNode('agenda:import', [TSX_CLI, path.join(REPO_ROOT, 'scripts/agenda-import.ts'), agendaFile], { env });
    if ((await agenda.exited).code !== 0) throw new Error(`agenda import failed: ${agenda.output()}`);

    const instances = options.twoInstances ? 2 : 1;
    const startOne = async (i: number) => {
      bots[i] = await startBotProcess({ port: ports[i]!, env, timeoutMs: 60_000 });
    };
    log('starting the bot');
    for (let i = 0; i < instances; i++) await startOne(i);
    log('filing');
    proxy?.setUpstreams(ports.slice(0, instances).map((p) => `http://127.0.0.1:${p}`));
    const botUrl = proxy ? `${proxy.url}/api/messages` : `http://127.0.0.1:${ports[0]}/api/messages`;
    connector.setChaos(options.chaos);

    const clients = Array.from({ length: options.coordinators }, (_, i) => {
      const n = String(i).padStart(4, '0');
      return new TeamsClient({
        botUrl,
        serviceUrl: connector.url,
        tenantId: TENANT,
        user: { id: `29:c${n}`, aadObjectId: `20000000-0000-4000-8000-00000000${n}`, name: `Coördinator ${n}` },
      });
    });
    // Every kill costs a restart (seconds on a loaded machine): the filing phase gets time for them.
    const deadline = performance.now() + 300_000 + (options.kills ?? 0) * 20_000;
    /** The agenda reminder in the 1:1 chat as the user opened it, or as the bot opened it by the user's AAD id. */
    const remindersTo = (client: TeamsClient) => {
      const chats = [client.conversationId, `a:personal-${clientAad(client)}`];
      return connector.posts.filter(
        (p) => chats.includes(p.conversationId) && JSON.stringify(p.activity).includes('Foutentest-agendapunt'),
      );
    };
    const tags: string[] = [];

    // The fault that runs alongside the coordinators.
    let filing = true;
    const chaosLoop = (async () => {
      if (options.kills) {
        for (let k = 0; k < options.kills && filing; k++) {
          await sleep(400 + Math.random() * 1200);
          const i = Math.floor(Math.random() * instances);
          const bot = bots[i];
          if (!bot) continue;
          // The whole process group: tsx runs the bot in a child process of its own.
          process.kill(-bot.process.child.pid!, 'SIGKILL');
          await bot.process.exited;
          runs++;
          await startOne(i);
        }
      }
      if (options.restartPostgres) {
        await sleep(1500);
        await options.restartPostgres();
        runs++;
      }
    })();

    await Promise.all(
      clients.map(async (client, c) => {
        await persist(async () => ((await client.say('hallo')).status === 200 ? true : undefined), deadline);
        if (options.twoInstances) await client.say('hallo'); // and a second, distinct greeting
        for (let r = 0; r < options.requestsEach; r++) {
          const tag = `FOUT-${c}-${r}`;
          tags.push(tag);
          const form = await persist(async () => (await client.execute('spreekuur.start')).card, deadline);
          const review = await persist(async () => {
            const res = await client.press(form, 'Controleren', { ...FORMS.spreekuur, 'Uw vraag (kort)': `Vraag ${tag}` });
            if (res.card && !textOf(res.card).includes('Controleer uw aanvraag')) throw new Error(`review refused: ${textOf(res.card)}`);
            return res.card && textOf(res.card).includes('Versturen') ? res.card : undefined;
          }, deadline);
          await persist(async () => {
            const res = await client.press(review, 'Versturen');
            return res.card && /SOT-\d{4}-\d{4}/.test(textOf(res.card)) ? true : undefined;
          }, deadline);
        }
      }),
    );
    filing = false;
    await chaosLoop;

    log('draining');
    // Let the outbox drain, the reminders run (every 10 s) and the retries (Retry-After, backoff) finish.
    connector.setChaos(undefined);
    // A timeout, measured on the monotonic clock (never the date).
    const drainDeadline = performance.now() + (options.drainTimeoutMs ?? 120_000);
    let reminders = 0;
    for (;;) {
      reminders = clients.filter((client) => remindersTo(client).length > 0).length;
      // Distinct requests posted: a duplicate must not make the wait end before the last one arrived.
      const posted = new Set(
        connector.created
          .filter((c) => c.params.channelData?.channel?.id === CHANNEL.channelId)
          .map((c) => /SOT-\d{4}-\d{4}/.exec(JSON.stringify(c.params.activity))?.[0]),
      ).size;
      if (reminders >= options.coordinators && posted >= tags.length) {
        await sleep(3_000); // anything that would come twice has come by now
        break;
      }
      if (performance.now() > drainDeadline) {
        causes.push('drain timeout');
        break;
      }
      await sleep(500);
    }
    if (options.chaos) runs += Object.values(connector.injected).reduce((a, b) => a + b, 0);
    for (const bot of bots) await bot?.process.stop(10_000);
    await proxy?.stop();

    // Count: requests stored, channel posts, reminders.
    let lost = 0;
    let duplicated = 0;
    let unexplained = 0;
    const answerLost = (ids: (string | undefined)[]) => ids.some((id) => id && connector.lostAnswers.has(id));
    const stored = await db.query<{ reference: string; question: string }>(
      `SELECT reference, details->>'question' AS question FROM "Request"`,
    );
    const byTag = new Map<string, string[]>();
    for (const row of stored) {
      const tag = /FOUT-\d+-\d+/.exec(row.question ?? '')?.[0];
      if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), row.reference]);
    }
    for (const tag of tags) {
      const refs = byTag.get(tag) ?? [];
      if (refs.length === 0) {
        lost++;
        causes.push(`request ${tag} not stored`);
      } else if (refs.length > 1) {
        duplicated++;
        unexplained++;
        causes.push(`request ${tag} stored ${refs.length}×`);
      }
    }
    const threads = connector.created.filter((c) => c.params.channelData?.channel?.id === CHANNEL.channelId);
    for (const refs of byTag.values()) {
      for (const ref of refs) {
        const copies = threads.filter((t) => JSON.stringify(t.params.activity).includes(ref));
        if (copies.length === 0) {
          lost++;
          causes.push(`channel post ${ref} missing`);
        } else if (copies.length > 1) {
          duplicated += copies.length - 1;
          const lostAnswer = answerLost(copies.slice(0, -1).map((c) => c.activityId));
          if (!lostAnswer && !options.kills) unexplained += copies.length - 1;
          causes.push(
            `channel post ${ref} ${copies.length}× (${lostAnswer ? "Teams' answer lost, sent again" : options.kills ? 'killed between send and record' : 'unexplained'})`,
          );
        }
      }
    }
    for (const client of clients) {
      const posts = remindersTo(client);
      const copies = posts.map((p) => p.activity);
      if (copies.length === 0) {
        lost++;
        causes.push(`reminder to ${client.conversationId} missing`);
      } else if (copies.length > 1) {
        duplicated += copies.length - 1;
        const lostAnswer = answerLost(posts.slice(0, -1).map((p) => p.id));
        if (!lostAnswer && !options.kills) unexplained += copies.length - 1;
        causes.push(
          `reminder to ${client.conversationId} ${copies.length}× (${lostAnswer ? "Teams' answer lost, sent again" : options.kills ? 'killed between send and record' : 'unexplained'})`,
        );
      }
      if (options.twoInstances) {
        const welcomes = connector
          .messagesIn(client.conversationId)
          .filter((a) => /Welkom|Wat wilt u doen|menu/i.test(JSON.stringify(a))).length;
        if (welcomes > 2) {
          duplicated += welcomes - 2;
          unexplained += welcomes - 2;
          causes.push(`${client.conversationId}: ${welcomes} welcomes for 2 greetings (a repeated activity answered twice)`);
        }
      }
    }
    log(`${options.name}: ${tags.length} requests, ${threads.length} channel posts, ${reminders} reminders, ${runs} faults`);
    return {
      name: options.name,
      runs,
      requests: tags.length,
      lost,
      duplicated,
      unexplained,
      causes,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    for (const bot of bots) await bot?.process.stop(2_000);
    await proxy?.stop();
    await connector.stop();
    await db.drop().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
