// Privacy: pupil data is kept no longer than needed. After the retention period following closing,
// a request keeps what anonymised, cumulative reporting needs (type, school, status, dates) and
// loses everything that can identify or describe a pupil.
import type { Prisma } from '../../store/generated/client.ts';
import type { Db } from '../../store/database.ts';

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
    if (Array.isArray(details.participants)) details.participants = (details.participants as { role: string }[]).map((p) => ({ role: p.role }));
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
      // Sent messages keep no copy of what they said (questions, answers, outcomes).
      await tx.delivery.updateMany({
        where: { dedupeKey: { startsWith: `request:${request.id}:` }, status: { in: ['sent', 'failed', 'skipped'] } },
        data: { payload: { removed: true } },
      });
      await tx.auditEntry.create({ data: { action: 'request.anonymise', subjectType: 'request', subjectId: request.id, details: { retentionDays } } });
    });
  }
  return expired.length;
}
