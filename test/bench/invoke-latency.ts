// Benchmark: how fast card actions are answered (Teams shows "Something went wrong" when slow).
//   npx tsx test/bench/invoke-latency.ts [rounds]
// Real HTTP endpoint, embedded database, Bot Connector stand-in. Prints p50/p95/max per action.
import { openDatabase } from '../../bot/store/database.ts';
import { startHarness } from '../support/harness.ts';
import { importFixture, PEOPLE, ANNA_CHANNEL } from '../support/org.ts';
import { fileRequest } from '../support/requests.ts';
import { clock } from '../support/clock.ts';

const rounds = Number(process.argv[2] ?? 30);
const db = await openDatabase({ kind: 'memory' });
await db.migrate();
const h = await startHarness({ db });
await importFixture(h.db);
const carla = h.client(PEOPLE.carla);
const anna = h.client(PEOPLE.anna, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });
await carla.say('hallo');

const timings: Record<string, number[]> = { refresh: [], claim: [], review: [], confirm: [] };
async function time(name: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  timings[name]!.push(performance.now() - t0);
}
for (let i = 0; i < rounds; i++) {
  const { id } = await fileRequest(h, carla, 'spreekuur');
  await time('refresh', () => anna.execute('request.refresh', { requestId: id }));
  await time('claim', () => anna.execute('request.claim', { requestId: id }));
}
// The coordinator's own submit path, timed separately.
await carla.say('spreekuur');
const form = h.connector.cardsIn(carla.conversationId).at(-1)!;
for (let i = 0; i < rounds; i++) {
  let review: Awaited<ReturnType<typeof carla.press>> | undefined;
  await time('review', async () => {
    review = await carla.press(form, 'Controleren', {
      'Uw vraag (kort)': `Vraag ${i}`,
      'Met wie wilt u het bespreken?': 'Ouders',
      'Gaat het over een leerling?': 'Ja, anoniem',
      'Voorkeursmoment 1: datum': clock.isoDay(7),
      'Voorkeursmoment 1: dagdeel': 'Ochtend',
      'Vorm van het gesprek': 'Op school',
    });
  });
  await time('confirm', () => carla.press(review!.card!, 'Versturen'));
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
for (const [name, xs] of Object.entries(timings)) {
  console.log(
    `${name.padEnd(8)} n=${xs.length}  p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms  max=${Math.max(...xs).toFixed(1)} ms`,
  );
}
await h.close();
process.exit(0);
