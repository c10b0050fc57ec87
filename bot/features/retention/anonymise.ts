// Privacy: pupil data is kept no longer than needed. After the retention period following closing,
// a request keeps what anonymised, cumulative reporting needs (type, school, status, dates) and
// loses everything that can identify or describe a pupil.
import type { Prisma } from '../../store/generated/client.ts';
import type { Db, Tx } from '../../store/database.ts';
import { noticeCard } from '../../../cards/notice.ts';
import { enqueue } from '../../delivery/outbox.ts';

const REMOVED = '[verwijderd na de bewaartermijn]';

/** Free-text fields per request type that may describe a pupil. */
const FREE_TEXT: Record<string, string[]> = {
  spreekuur: ['question', 'withWhomOther'],
  thuiszitter: ['question', 'tried', 'reasonOther'],
  jes: ['subject', 'question', 'address'],
};

/** Anonymises requests closed or withdrawn more than `retentionDays` ago; returns how many. */
export async function anonymiseExpiredRequests(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const expired = await db.request.findMany({
    where: { status: { in: ['closed', 'withdrawn'] }, closedAt: { lt: before }, anonymisedAt: null },
    select: { id: true, type: true, details: true, pupil: true, appointment: true },
    take: 500,
  });
  for (const request of expired) {
    const details = { ...(request.details as Record<string, unknown>) };
    for (const field of FREE_TEXT[request.type] ?? []) if (field in details) details[field] = REMOVED;
    // JES participants are names and e-mail addresses of people outside the SWV; only the roles stay.
    if (Array.isArray(details.participants))
      details.participants = (details.participants as { role: string }[]).map((p) => ({ role: p.role }));
    await db.$transaction(async (tx) => {
      await tx.request.update({
        where: { id: request.id },
        data: {
          // A request without a pupil stays without one (anonymous counts stay right).
          pupil: request.pupil === null ? undefined : ({ kind: 'anonymous' } as Prisma.InputJsonValue),
          details: details as Prisma.InputJsonValue,
          interimAgreement: null,
          openQuestion: null,
          outcome: null,
          advice: null,
          // The place can be a typed address (for example the pupil's home).
          appointment: request.appointment ? ({ ...(request.appointment as object), place: REMOVED } as Prisma.InputJsonValue) : undefined,
          anonymisedAt: now,
        },
      });
      await tx.requestEvent.updateMany({ where: { requestId: request.id }, data: { note: null } });
      await forgetInTeams(tx, request.id);
      await tx.auditEntry.create({
        data: { action: 'request.anonymise', subjectType: 'request', subjectId: request.id, details: { retentionDays } },
      });
    });
  }
  return expired.length;
}

/** What replaces a message about the request in Teams once the retention period is over. */
const REMOVED_CARD = noticeCard({
  title: 'Verwijderd na de bewaartermijn',
  paragraphs: ['De inhoud van dit bericht over een afgesloten aanvraag is verwijderd, omdat de bewaartermijn voorbij is.'],
});

/**
 * The request's messages in Teams forget too: every card or message already posted is replaced (the
 * channel cards re-render from the anonymised request, everything else by a neutral card), messages not
 * sent yet lose their text, and sent rows keep no copy of what they said.
 */
async function forgetInTeams(tx: Tx, requestId: string) {
  const rows = await tx.delivery.findMany({
    where: { dedupeKey: { startsWith: `request:${requestId}:` } },
    select: { dedupeKey: true, kind: true, status: true, payload: true },
  });
  for (const row of rows) {
    const rendered = (row.payload as { render?: string }).render === 'requestChannel';
    if (row.status === 'sent' && row.kind !== 'update') {
      await enqueue(tx, {
        key: `${row.dedupeKey}:anonymised`,
        target: { type: 'update', ofKey: row.dedupeKey },
        payload: rendered
          ? { render: 'requestChannel', args: { requestId } }
          : { card: REMOVED_CARD, summary: 'Verwijderd na de bewaartermijn' },
        orderKey: `thread:${row.dedupeKey}`,
      });
    }
  }
  // Pending messages with a fixed text are scrubbed; channel cards render from the (now anonymised) state.
  await tx.delivery.updateMany({
    where: { dedupeKey: { startsWith: `request:${requestId}:` }, status: 'pending', NOT: { dedupeKey: { endsWith: ':anonymised' } } },
    data: { payload: { card: REMOVED_CARD, summary: 'Verwijderd na de bewaartermijn' } as Prisma.InputJsonValue },
  });
  const pendingRendered = rows.filter((r) => r.status === 'pending' && (r.payload as { render?: string }).render === 'requestChannel');
  for (const row of pendingRendered) {
    await tx.delivery.update({ where: { dedupeKey: row.dedupeKey }, data: { payload: row.payload as Prisma.InputJsonValue } });
  }
  await tx.delivery.updateMany({
    where: {
      dedupeKey: { startsWith: `request:${requestId}:` },
      status: { in: ['sent', 'failed', 'skipped', 'parked'] },
      NOT: { dedupeKey: { endsWith: ':anonymised' } },
    },
    data: { payload: { removed: true } },
  });
}
