// The request lists the features need, as domain records. Each query says what it is for.
import { OPEN_STATUSES } from '../domain/requests/types.ts';
import type { Db, Tx } from './database.ts';
import { toRecord } from './requestRecords.ts';

/** "Mijn aanvragen": a coordinator's schools' open requests, and the ones that changed recently. */
export async function requestsOfSchools(db: Db, schoolIds: string[], changedSince: Date, take: number) {
  const rows = await db.request.findMany({
    where: { schoolId: { in: schoolIds }, OR: [{ status: { in: OPEN_STATUSES } }, { updatedAt: { gte: changedSince } }] },
    include: { school: true, consultant: true },
    orderBy: { createdAt: 'desc' },
    take,
  });
  return rows.map(toRecord);
}

/** Requests nobody picked up that were filed before `filedBefore`, with when each last became "new". */
export async function unpickedRequests(db: Db, filedBefore: Date) {
  const rows = await db.request.findMany({
    where: { status: 'new', createdAt: { lte: filedBefore } },
    include: { school: true, consultant: true, events: { where: { toStatus: 'new' }, orderBy: { at: 'desc' }, take: 1 } },
  });
  return rows.map(toRecord);
}

/** Open thuiszitter signals (for the 4-week reporting duty). */
export async function openThuiszitters(db: Db) {
  const rows = await db.request.findMany({ where: { type: 'thuiszitter', status: { in: OPEN_STATUSES } }, include: { school: true } });
  return rows.map(toRecord);
}

/** Requests with a planned appointment, with their school. */
export async function plannedRequests(db: Db) {
  const rows = await db.request.findMany({ where: { status: 'planned' }, include: { school: true } });
  return rows.map(toRecord);
}

/** The request as it is now, inside a transaction that holds its lock. */
export async function currentRequest(tx: Tx, id: string) {
  return toRecord(await tx.request.findUniqueOrThrow({ where: { id } }));
}

/** Open advice requests (OPDC/TLV), with their school and consultant: is the advice overdue? */
export async function openAdviceRequests(db: Db) {
  const rows = await db.request.findMany({
    where: { type: 'advies', status: { in: OPEN_STATUSES } },
    include: { school: true, consultant: true },
  });
  return rows.map(toRecord);
}

/** Advice requests whose TLV was granted (closed): when does the TLV end? */
export async function grantedTlvRequests(db: Db) {
  const rows = await db.request.findMany({
    where: { type: 'advies', status: 'closed', anonymisedAt: null },
    include: { school: true },
  });
  return rows.map(toRecord).filter((r) => r.gatekeeping?.tlv?.decision?.outcome === 'toegekend');
}

/**
 * Who hears about a request at the school: the coordinator who filed it, or, when the SOT entered it on
 * the school's behalf, every active coordinator of the school.
 */
export async function schoolContacts(
  db: Db | Tx,
  request: { requesterId: string; schoolId: string; enteredBySot: boolean },
): Promise<string[]> {
  if (!request.enteredBySot) return [request.requesterId];
  const rows = await db.schoolCoordinator.findMany({
    where: { schoolId: request.schoolId, person: { active: true } },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}

/** Planned requests someone handles (picked up by them, or theirs as consultant and not picked up by another). */
export async function plannedRequestsOf(db: Db, personId: string) {
  const rows = await db.request.findMany({
    where: { status: 'planned', OR: [{ handlerId: personId }, { consultantId: personId, handlerId: null }] },
    include: { school: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toRecord);
}
