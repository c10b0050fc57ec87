// Benchmark: how fast the overviews answer on a large SWV (card actions must stay well within a second).
//   npx tsx test/bench/overviews.ts [requests] [rounds]
// Real HTTP endpoint, embedded database, Bot Connector stand-in. Seeds 60 consultants, 300 schools and
// `requests` requests (default 20,000; 3 in 100 open, a fifth thuiszitters, one in three at a VO school), then
// times each overview's first page, a filtered page and the last page. Prints p50/p95/max per view.
import crypto from 'node:crypto';
import { openDatabase } from '../../bot/store/database.ts';
import { OPEN_STATUSES, REQUEST_TYPES } from '../../bot/domain/requests/types.ts';
import { startHarness } from '../support/harness.ts';
import { importFixture, PEOPLE } from '../support/org.ts';
import { clock } from '../support/clock.ts';

const total = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 20);
const db = await openDatabase({ kind: 'memory' });
await db.migrate();
const h = await startHarness({ db });
await importFixture(h.db);
const prisma = h.db.prisma;
const swv = await prisma.swv.findFirstOrThrow();
const anna = await prisma.person.findFirstOrThrow({ where: { name: 'Anna de Vries' } });
const carla = await prisma.person.findFirstOrThrow({ where: { name: 'Carla Smit' } });

const consultants = [anna.id];
for (let i = 0; i < 59; i++) {
  const p = await prisma.person.create({
    data: { swvId: swv.id, name: `Consulent ${String(i).padStart(2, '0')}`, email: `c${i}@bench.nl`, consultant: { create: {} } },
  });
  consultants.push(p.id);
}
const schools: { id: string; consultantId: string }[] = [];
for (let i = 0; i < 300; i++) {
  const consultantId = consultants[i % consultants.length]!;
  const s = await prisma.school.create({
    data: {
      swvId: swv.id,
      brin: `${String(10 + (i % 90))}B${String(i).padStart(3, '0')}`,
      name: `School ${i}`,
      sector: i % 3 ? 'PO' : 'VO',
      consultantId,
    },
  });
  schools.push({ id: s.id, consultantId });
}
// About 3 in 100 requests open at any time (a few hundred in a large SWV), the rest closed: rows stay after closing.
const statusOf = (n: number) => (n % 100 < 3 ? OPEN_STATUSES[Math.floor(n / 100) % OPEN_STATUSES.length]! : 'closed');
const start = clock.now().getTime();
for (let done = 0; done < total; done += 1000) {
  const rows = Array.from({ length: Math.min(1000, total - done) }, (_, k) => {
    const n = done + k;
    const school = schools[n % schools.length]!;
    const type = n % 5 === 0 ? 'thuiszitter' : REQUEST_TYPES[n % REQUEST_TYPES.length]!;
    const status = statusOf(n);
    const createdAt = new Date(start - (n % 730) * 86_400_000 - n * 1000);
    return {
      id: crypto.randomUUID(),
      reference: `SOT-B-${n}`,
      submissionKey: `bench:${n}`,
      type,
      status,
      swvId: swv.id,
      schoolId: school.id,
      requesterId: carla.id,
      consultantId: school.consultantId,
      handlerId: status === 'new' ? null : school.consultantId,
      details:
        type === 'thuiszitter'
          ? {
              kind: 'thuiszitter',
              firstAbsentDate: '2026-09-01',
              reasonOther: '',
              tried: 'x',
              question: 'y',
              reporting: { duo: '2026-10-01' },
            }
          : {},
      pupil: { kind: 'identified', name: 'Bench Leerling', birthDate: '2014-01-01', initials: 'B.L.' },
      appointment: status === 'planned' ? { date: '2026-11-20', time: '10:00', place: 'Op school' } : undefined,
      createdAt,
      closedAt: status === 'closed' ? createdAt : undefined,
    };
  });
  await prisma.request.createMany({ data: rows });
  await prisma.requestEvent.createMany({
    data: rows.map((r) => ({ requestId: r.id, at: r.createdAt, actorId: carla.id, action: 'submitted', toStatus: 'new' })),
  });
}
// What PostgreSQL's autovacuum does after a bulk load (the embedded database has no autovacuum).
await prisma.$executeRawUnsafe('ANALYZE');
const open = await prisma.request.count({ where: { status: { in: OPEN_STATUSES } } });
console.log(`seeded ${total} requests (${open} open), ${schools.length} schools, ${consultants.length} consultants`);

const people = { anna: h.client(PEOPLE.anna), bram: h.client(PEOPLE.bram), eva: h.client(PEOPLE.eva) };
for (const c of Object.values(people)) await c.say('hallo');
const annaBrin = (await prisma.school.findFirstOrThrow({ where: { consultantId: anna.id, brin: { not: '12AB00' } } })).brin;
const views: [string, () => Promise<unknown>][] = [
  ['cases p1', () => people.anna.execute('overview.cases', {})],
  ['cases filter', () => people.anna.execute('overview.cases', { filter: { school: annaBrin, status: 'new' } })],
  ['cases last', () => people.anna.execute('overview.cases', { page: 9999 })],
  ['tzt p1', () => people.bram.execute('overview.thuiszitters', {})],
  ['tzt filter', () => people.bram.execute('overview.thuiszitters', { filter: { type: 'thuiszitter', status: 'claimed' } })],
  ['tzt last', () => people.bram.execute('overview.thuiszitters', { page: 9999 })],
  ['office p1', () => people.eva.execute('overview.office', {})],
  ['office filter', () => people.eva.execute('overview.office', { filter: { type: 'spreekuur' } })],
  ['office last', () => people.eva.execute('overview.office', { page: 9999 })],
];
const timings = new Map<string, number[]>(views.map(([name]) => [name, []]));
for (let i = 0; i < rounds; i++) {
  for (const [name, fn] of views) {
    const t0 = performance.now();
    const res = (await fn()) as { status: number };
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
    timings.get(name)!.push(performance.now() - t0);
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (const [name, xs] of timings) {
  console.log(
    `${name.padEnd(14)} n=${xs.length}  p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms  max=${Math.max(...xs).toFixed(1)} ms`,
  );
}
await h.close();
process.exit(0);
