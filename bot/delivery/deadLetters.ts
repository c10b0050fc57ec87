// Messages that could not be delivered are never silently dropped: once a day the SOT office hears
// how many, and of what kind (no pupil data: counts and kinds only).
import { noticeCard } from '../../cards/notice.ts';
import { DateTime } from 'luxon';
import type { Db } from '../store/database.ts';
import { enqueue } from './outbox.ts';

const DIGEST_PREFIX = 'undelivered:';
const KIND_LABEL: Record<string, string> = {
  person: 'berichten aan een persoon',
  conversation: 'berichten in een chat',
  channel: 'nieuwe kanaalberichten',
  reply: 'antwoorden in een kanaalgesprek',
  update: 'bijgewerkte kaarten',
};

/** Queues today's digest of dead letters (of the last 24 hours) to every admin; once per day. Returns whether it queued. */
export async function queueUndeliveredDigest(db: Db, now: Date, zone = 'Europe/Amsterdam'): Promise<boolean> {
  // deadAt is real time (the outbox runs on it); `now` only names the day of the digest.
  const since = new Date(Date.now() - 86_400_000);
  const dead = await db.delivery.groupBy({
    by: ['kind', 'status'],
    where: { status: { in: ['failed', 'parked'] }, deadAt: { gte: since }, NOT: { dedupeKey: { startsWith: DIGEST_PREFIX } } },
    _count: { _all: true },
  });
  if (dead.length === 0) return false;
  const lines = dead.map(
    (d) => `${d._count._all} ${KIND_LABEL[d.kind] ?? d.kind} (${d.status === 'parked' ? 'te lang geprobeerd' : 'niet af te leveren'})`,
  );
  const card = noticeCard({
    title: 'Niet afgeleverd in Teams',
    tone: 'warning',
    paragraphs: [
      'De SOT-bot kon in de afgelopen 24 uur deze berichten niet afleveren:',
      ...lines,
      'Meestal heeft iemand de app verwijderd of is een kanaal opgeheven. De aanvragen zelf staan veilig in de bot; controleer de open aanvragen via de kaarten in de kanalen.',
    ],
  });
  const day = DateTime.fromJSDate(now, { zone }).toISODate();
  const admins = await db.person.findMany({ where: { isAdmin: true, active: true }, select: { id: true } });
  let queued = false;
  await db.$transaction(async (tx) => {
    for (const admin of admins) {
      queued =
        (await enqueue(tx, {
          key: `${DIGEST_PREFIX}${day}:${admin.id}`,
          target: { type: 'person', personId: admin.id },
          payload: { card, summary: 'Niet afgeleverd in Teams' },
        })) || queued;
    }
  });
  return queued;
}
