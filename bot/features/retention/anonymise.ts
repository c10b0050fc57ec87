// Privacy: pupil data is kept no longer than needed. After the retention period following closing,
// a request keeps what anonymised, cumulative reporting needs (type, school, status, dates) and
// loses everything that can identify or describe a pupil.
import type { Prisma } from '../../store/generated/client.ts';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { isRequestType } from '../../domain/requests/types.ts';
import type { Db, Tx } from '../../store/database.ts';
import { noticeCard } from '../../../cards/notice.ts';
import { enqueue } from '../../delivery/outbox.ts';

const REMOVED = '[verwijderd na de bewaartermijn]';

/**
 * The details without what can identify or describe a pupil: each type's free-text fields are replaced,
 * and the people it names (JES participants, outside the SWV) keep only their role. An unknown type
 * (a row from a newer version) loses all its details rather than keep them.
 */
export function anonymisedDetails(type: string, stored: Prisma.JsonValue): Record<string, unknown> {
  if (!isRequestType(type) || !stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const kind = REQUEST_KINDS[type];
  const freeText: readonly string[] = kind.freeText;
  const peopleFields: readonly string[] = kind.people;
  const details: Record<string, unknown> = { ...stored };
  for (const field of freeText) if (field in details) details[field] = REMOVED;
  for (const field of peopleFields) {
    const people = details[field];
    if (Array.isArray(people)) details[field] = people.map((p) => ({ role: (p as { role?: unknown })?.role ?? null }));
  }
  // A thuiszitter's reporting facts keep their dates; the leerplichtambtenaar's name goes.
  const reporting = details.reporting;
  if (reporting && typeof reporting === 'object' && 'leerplichtName' in reporting) {
    const { leerplichtName: _name, ...dates } = reporting as Record<string, unknown>;
    details.reporting = dates;
  }
  return details;
}

/** Anonymises requests closed or withdrawn more than `retentionDays` ago; returns how many. */
export async function anonymiseExpiredRequests(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const expired = await db.request.findMany({
    where: { status: { in: ['closed', 'withdrawn'] }, closedAt: { lt: before }, anonymisedAt: null },
    select: { id: true, type: true, details: true, pupil: true, appointment: true },
    take: 500,
  });
  for (const request of expired) {
    const details = anonymisedDetails(request.type, request.details);
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
