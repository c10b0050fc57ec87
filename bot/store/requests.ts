import type { Prisma } from './generated/client.ts';
import type { Db, Tx } from './database.ts';
import { type RequestRecord, toRecord } from './requestRecords.ts';
import { formatReference } from '../domain/requests/reference.ts';
import { yearInZone } from '../domain/time.ts';
import type { TypedDetails } from '../domain/requests/record.ts';
import type { Pupil, RequestStatus } from '../domain/requests/types.ts';

/**
 * Gives the request its number ("SOT-2027-0042"): the per-year counter and the request in one statement,
 * the last one of the transaction, so the counter row (which every Versturen needs) is held only briefly.
 */
export async function assignReference(tx: Tx, requestId: string, now: Date): Promise<string> {
  const year = yearInZone(now);
  const rows = await tx.$queryRaw<{ last: number; reference: string }[]>`
    WITH counter AS (
      INSERT INTO "ReferenceCounter" (year, last) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET last = "ReferenceCounter".last + 1
      RETURNING last)
    UPDATE "Request" SET reference = ${`SOT-${year}-`} ||
      CASE WHEN counter.last < 10000 THEN lpad(counter.last::text, 4, '0') ELSE counter.last::text END
    FROM counter WHERE "Request".id = ${requestId}
    RETURNING counter.last, "Request".reference`;
  const row = rows[0];
  if (!row || row.reference !== formatReference(year, Number(row.last))) throw new Error('Reference not assigned');
  return row.reference;
}

export type NewRequest = TypedDetails & {
  /** Chosen by the caller, so the channel post can be written before the request. */
  id: string;
  threadKey: string | null;
  submissionKey: string;
  swvId: string;
  schoolId: string;
  requesterId: string;
  /** Entered by SOT staff on the school's behalf. */
  enteredBySot?: boolean;
  consultantId: string;
  urgency?: string;
  pupil?: Pupil;
  /** The case it was filed from (a JES-overleg from "Aanmelden voor JES"). */
  linkedRequestId?: string;
};

/** Stores a new request and its first history entry; its reference comes last (assignReference). */
export async function insertRequest(tx: Tx, data: NewRequest, now: Date) {
  const request = await tx.request.create({
    data: {
      id: data.id,
      reference: `nieuw:${data.id}`,
      threadKey: data.threadKey,
      createdAt: now,
      submissionKey: data.submissionKey,
      type: data.type,
      swvId: data.swvId,
      schoolId: data.schoolId,
      requesterId: data.requesterId,
      enteredBySot: data.enteredBySot ?? false,
      consultantId: data.consultantId,
      urgency: data.urgency,
      details: data.details as Prisma.InputJsonValue,
      pupil: data.pupil && data.pupil.kind !== 'none' ? (data.pupil as Prisma.InputJsonValue) : undefined,
      linkedRequestId: data.linkedRequestId,
    },
  });
  await recordEvent(tx, {
    requestId: request.id,
    actorId: data.requesterId,
    action: 'submitted',
    fromStatus: null,
    toStatus: 'new',
    at: now,
  });
  return request;
}

export async function recordEvent(
  tx: Tx,
  e: {
    requestId: string;
    actorId: string | null;
    action: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    at: Date;
    note?: string;
    formId?: string;
  },
) {
  const event = await tx.requestEvent.create({ data: e });
  await tx.auditEntry.create({
    data: {
      at: e.at,
      actorId: e.actorId,
      action: `request.${e.action}`,
      subjectType: 'request',
      subjectId: e.requestId,
      details: { from: e.fromStatus, to: e.toStatus },
    },
  });
  return event;
}

export const requestWithContext = {
  school: true,
  requester: true,
  consultant: { include: { consultant: true } },
  events: { orderBy: { at: 'asc' as const } },
  // Linked both ways: the case a JES-overleg came from, and the JES-overleggen filed from this case.
  linkedRequest: { select: { id: true, reference: true, type: true } },
  linkedFrom: { where: { status: { not: 'withdrawn' } }, select: { id: true, reference: true }, orderBy: { createdAt: 'asc' as const } },
} satisfies Prisma.RequestInclude;

type RowWithContext = Prisma.RequestGetPayload<{ include: typeof requestWithContext }>;
/** A request with its school, requester, consultant, history and linked requests. */
export type RequestWithContext = RequestRecord<RowWithContext>;

export async function loadRequest(db: Db | Tx, id: string): Promise<RequestWithContext | null> {
  const row = await db.request.findUnique({ where: { id }, include: requestWithContext });
  return row && toRecord(row);
}

/** Who read a request's details, when, and through which route (need-to-know is audited, not only changes). */
export async function auditRead(db: Db | Tx, actorId: string, requestId: string, via: string, at: Date) {
  await db.auditEntry.create({
    data: { at, actorId, action: 'request.read', subjectType: 'request', subjectId: requestId, details: { via } },
  });
}
