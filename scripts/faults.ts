// npm run faults — the fault matrix in full: the stand-in connector answering 429 (Retry-After), 500,
// timeouts and connection resets; PostgreSQL restarted mid-run; the bot SIGKILLed 30 times while 20
// coordinators file requests and reminders fall due; two bot instances on one PostgreSQL behind a
// round-robin proxy. Prints (and writes to FAULTS.md with --write) a table: fault, runs, requests, lost,
// duplicated, with the cause of every duplicate.
//
//   npm run faults                      # embedded database, plus a throw-away PostgreSQL server when it can be started
//   FAULTS_DATABASE_URL=postgres://… npm run faults
//   npm run faults -- --quick           # a shorter run
//   npm run faults -- --only SIGKILL    # one scenario
import fs from 'node:fs';
import os from 'node:os';
import { runScenario, type DatabaseChoice, type ScenarioOptions, type ScenarioResult } from '../test/faults/scenario.ts';
import { startThrowawayPostgres } from '../test/faults/postgres.ts';

const quick = process.argv.includes('--quick');
/** --only TEXT: just the scenarios whose name contains TEXT (e.g. --only SIGKILL). */
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1]?.toLowerCase() : undefined;
const write = process.argv.includes('--write');
const coordinators = quick ? 5 : 20;
const requestsEach = quick ? 1 : 2;

function matrix(database: DatabaseChoice, restartPostgres?: () => Promise<void>): ScenarioOptions[] {
  const base = { database, coordinators, requestsEach, log: (l: string) => console.log(`  ${l}`) };
  const list: ScenarioOptions[] = [
    { ...base, name: 'Teams answers 429 with Retry-After', chaos: { rate: 0.3, kinds: ['429'] } },
    { ...base, name: 'Teams answers 500', chaos: { rate: 0.3, kinds: ['500'] } },
    {
      ...base,
      name: 'Teams times out / resets the connection',
      chaos: { rate: 0.25, kinds: ['timeout', 'reset'], hangMs: quick ? 3_000 : 20_000 },
    },
    { ...base, name: `bot SIGKILLed ${quick ? 3 : 30}× and restarted`, kills: quick ? 3 : 30, requestsEach: quick ? 2 : 4 },
  ];
  if (database.kind === 'postgres') {
    if (restartPostgres) list.push({ ...base, name: 'PostgreSQL restarted mid-run', restartPostgres });
    list.push({ ...base, name: 'two instances behind a round-robin proxy, every message twice', twoInstances: true, kills: quick ? 0 : 5 });
  }
  return list;
}

function table(rows: (ScenarioResult & { database: string })[]): string {
  const lines = ['| database | fault | runs | requests | lost | duplicated | seconds |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows)
    lines.push(`| ${r.database} | ${r.name} | ${r.runs} | ${r.requests} | ${r.lost} | ${r.duplicated} | ${r.seconds} |`);
  const causes = rows.flatMap((r) => r.causes.map((c) => `- ${r.database}, ${r.name}: ${c}`));
  return `${lines.join('\n')}\n${causes.length ? `\nCauses:\n${causes.join('\n')}\n` : '\nNothing lost, nothing duplicated.\n'}`;
}

const results: (ScenarioResult & { database: string })[] = [];
const databases: { label: string; choice: DatabaseChoice; restart?: () => Promise<void>; stop?: () => Promise<void> }[] = [
  { label: 'embedded', choice: { kind: 'embedded' } },
];
const given = process.env.FAULTS_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (given) databases.push({ label: 'PostgreSQL', choice: { kind: 'postgres', serverUrl: given } });
else if (!quick) {
  const server = await startThrowawayPostgres().catch((err: Error) => {
    console.log(`PostgreSQL skipped: ${err.message}`);
    return undefined;
  });
  if (server)
    databases.push({
      label: 'PostgreSQL',
      choice: { kind: 'postgres', serverUrl: server.url },
      restart: server.restart,
      stop: server.stop,
    });
}

for (const db of databases) {
  for (const scenario of matrix(db.choice, db.restart).filter((s) => !only || s.name.toLowerCase().includes(only))) {
    console.log(`${db.label}: ${scenario.name} …`);
    const result = await runScenario(scenario);
    results.push({ ...result, database: db.label });
  }
  await db.stop?.();
}

const output = table(results);
console.log(`\n${output}`);
if (write) {
  const header = `## ${new Date().toISOString().slice(0, 10)}: \`npm run faults${quick ? ' -- --quick' : ''}\` on ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n`;
  fs.appendFileSync('FAULTS.md', `${header}${output}\n`);
}
process.exit(results.some((r) => r.lost > 0 || r.unexplained > 0) ? 1 : 0);
