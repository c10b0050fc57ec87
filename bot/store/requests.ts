import type { Prisma } from './generated/client.ts';
import type { Db, Tx } from './database.ts';
import { type RequestRecord, toRecord } from './requestRecords.ts';
import { formatReference } from '../domain/requests/reference.ts';
import { yearInZone } from '../domain/time.ts';
import type { TypedDetails } from '../domain/requests/record.ts';
import type { Pupil, RequestStatus } from '../domain/requests/types.ts';

/** Hands out the next reference number; the counter row is locked until the transaction ends. */
export async function nextReference(tx: Tx, now: Date): Promise<string> {
  const year = yearInZone(now);
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = "ReferenceCounter".last + 1
    RETURNING last`;
  return formatReference(year, Number(rows[0]!.last));
}

export type NewRequest = TypedDetails & {
  submissionKey: string;
  swvId: string;
  schoolId: string;
  requesterId: string;
  consultantId: string;
  urgency?: string;
  pupil?: Pupil;
};

export async function insertRequest(tx: Tx, data: NewRequest, now: Date) {
  const reference = await nextReference(tx, now);
  const request = await tx.request.create({
    data: {
      reference,
      createdAt: now,
      submissionKey: data.submissionKey,
      type: data.type,
      swvId: data.swvId,
      schoolId: data.schoolId,
      requesterId: data.requesterId,
      consultantId: data.consultantId,
      urgency: data.urgency,
      details: data.details as Prisma.InputJsonValue,
      pupil: data.pupil && data.pupil.kind !== 'none' ? (data.pupil as Prisma.InputJsonValue) : undefined,
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
} satisfies Prisma.RequestInclude;

type RowWithContext = Prisma.RequestGetPayload<{ include: typeof requestWithContext }>;
/** A request with its school, requester, consultant and history. */
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
