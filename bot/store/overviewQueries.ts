// The SOT's overviews (bot/features/overviews): per page one query for the rows and one for the count,
// and the schools to filter by. Rows leave this module without pupil names, birth dates or free text: of the
// JSON columns only the initials, the appointment's date and time, and the thuiszitter facts a list shows
// are read out. Every query is scoped to one SWV.
import type { BackToSchool, ThuiszitterInput } from '../domain/requests/thuiszitter.ts';
import {
  isRequestStatus,
  isRequestType,
  OPEN_STATUSES,
  type Pupil,
  type RequestStatus,
  type RequestType,
} from '../domain/requests/types.ts';
import type { Appointment } from '../domain/requests/record.ts';
import type { Db } from './database.ts';
import type { Prisma } from './generated/client.ts';

/** What a list is narrowed to; every field was checked against the viewer's choices by the caller. */
export interface OverviewFilter {
  schoolId?: string;
  type?: RequestType;
  /** One of the open statuses; absent: all open ones. */
  status?: RequestStatus;
  /** Thuiszitter signals: "dreigend" or "thuiszitter". */
  kind?: ThuiszitterInput['kind'];
}

export interface PageSpec {
  skip: number;
  take: number;
}

/** Who a caseload ("mijn casussen") belongs to: their cases as consultant, or picked up by them. */
export interface CaseloadOwner {
  swvId: string;
  personId: string;
  /** A Thuiszittersteam member who is no consultant handles thuiszitter signals only. */
  onlyType?: RequestType;
}

export type PupilMark = { kind: 'none' } | { kind: 'anonymous' } | { kind: 'initials'; initials: string };

export interface CaseRow {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  createdAt: Date;
  school: string;
  pupil: PupilMark;
  /** Date and time only (the place can be an address). */
  appointment: Pick<Appointment, 'date' | 'time'> | null;
  /** When it last became new (filed, handed over) or waiting (a question to the school). */
  since: Date;
}

export interface ThuiszitterRow {
  id: string;
  reference: string;
  status: RequestStatus;
  createdAt: Date;
  school: string;
  sector: string;
  details: Pick<ThuiszitterInput, 'kind' | 'firstAbsentDate' | 'backToSchool' | 'reporting'>;
  handlerName: string | null;
}

export interface SchoolChoice {
  id: string;
  brin: string;
  name: string;
}

/** The events that start a wait: filed or handed over (new), a question to the school (waiting). */
const WAIT_STARTS = ['submitted', 'handover', 'ask'];
/** The events after which a request waits to be picked up. */
const NEW_STARTS = ['submitted', 'handover'];

function narrowed(scope: Prisma.RequestWhereInput, f: OverviewFilter): Prisma.RequestWhereInput {
  return {
    AND: [
      scope,
      {
        status: f.status ?? { in: OPEN_STATUSES },
        ...(f.schoolId ? { schoolId: f.schoolId } : {}),
        ...(f.type ? { type: f.type } : {}),
        ...(f.kind ? { details: { path: ['kind'], equals: f.kind } } : {}),
      },
    ],
  };
}

function checkedType(value: string): RequestType {
  if (!isRequestType(value)) throw new Error(`Unknown request type in the database: ${value.slice(0, 40)}`);
  return value;
}

function checkedStatus(value: string): RequestStatus {
  if (!isRequestStatus(value)) throw new Error(`Unknown request status in the database: ${value.slice(0, 40)}`);
  return value;
}

/** The pupil as a list may show it: initials, "anonymous", or none. Never the name or birth date. */
function pupilMark(value: Prisma.JsonValue): PupilMark {
  const pupil = value as Pupil | null;
  if (!pupil || pupil.kind === 'none') return { kind: 'none' };
  if (pupil.kind === 'anonymous') return { kind: 'anonymous' };
  return pupil.initials ? { kind: 'initials', initials: pupil.initials.slice(0, 12) } : { kind: 'none' };
}

function appointmentMoment(value: Prisma.JsonValue): CaseRow['appointment'] {
  const a = value as Appointment | null;
  return a ? { date: a.date, time: a.time } : null;
}

const schoolChoice = { id: true, brin: true, name: true } satisfies Prisma.SchoolSelect;

// ---- "Mijn casussen" -------------------------------------------------------------------------------

function caseloadScope(owner: CaseloadOwner): Prisma.RequestWhereInput {
  return {
    swvId: owner.swvId,
    OR: [{ consultantId: owner.personId }, { handlerId: owner.personId }],
    ...(owner.onlyType ? { type: owner.onlyType } : {}),
  };
}

/** The count query: open cases per status (their sum is the total). */
export async function caseloadCounts(db: Db, owner: CaseloadOwner, filter: OverviewFilter): Promise<Map<RequestStatus, number>> {
  const groups = await db.request.groupBy({ by: ['status'], where: narrowed(caseloadScope(owner), filter), _count: { _all: true } });
  return new Map(groups.map((g) => [checkedStatus(g.status), g._count._all]));
}

/**
 * One page of a caseload. Sorted by status descending — waiting, planned, new, claimed: the order in which
 * a consultant works them (test/unit/overviews.test.ts keeps that true) — and newest first within each.
 */
export async function caseloadPage(db: Db, owner: CaseloadOwner, filter: OverviewFilter, page: PageSpec): Promise<CaseRow[]> {
  const rows = await db.request.findMany({
    where: narrowed(caseloadScope(owner), filter),
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      createdAt: true,
      pupil: true,
      appointment: true,
      school: { select: { name: true } },
      events: { where: { action: { in: WAIT_STARTS } }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
    orderBy: [{ status: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    skip: page.skip,
    take: page.take,
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    type: checkedType(r.type),
    status: checkedStatus(r.status),
    createdAt: r.createdAt,
    school: r.school.name,
    pupil: pupilMark(r.pupil),
    appointment: appointmentMoment(r.appointment),
    since: r.events[0]?.at ?? r.createdAt,
  }));
}

/** The schools of a caseload's open cases (the school filter's choices). */
export async function caseloadSchools(db: Db, owner: CaseloadOwner): Promise<SchoolChoice[]> {
  return db.school.findMany({
    where: { swvId: owner.swvId, requests: { some: narrowed(caseloadScope(owner), {}) } },
    select: schoolChoice,
    orderBy: [{ name: 'asc' }, { brin: 'asc' }],
  });
}

// ---- Thuiszitters ----------------------------------------------------------------------------------

const thuiszitterScope = (swvId: string): Prisma.RequestWhereInput => ({ swvId, type: 'thuiszitter' });

export async function thuiszitterCount(db: Db, swvId: string, filter: OverviewFilter): Promise<number> {
  return db.request.count({ where: narrowed(thuiszitterScope(swvId), filter) });
}

/** One page of the SWV's open thuiszitter signals, newest first, with who picked each up. */
export async function thuiszitterPage(db: Db, swvId: string, filter: OverviewFilter, page: PageSpec): Promise<ThuiszitterRow[]> {
  const rows = await db.request.findMany({
    where: narrowed(thuiszitterScope(swvId), filter),
    select: {
      id: true,
      reference: true,
      status: true,
      createdAt: true,
      details: true,
      handlerId: true,
      school: { select: { name: true, sector: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: page.skip,
    take: page.take,
  });
  // Handlers are people without a relation on Request: their names in one query for the page.
  const handlerIds = [...new Set(rows.map((r) => r.handlerId).filter((id): id is string => !!id))];
  const handlers = handlerIds.length
    ? await db.person.findMany({ where: { id: { in: handlerIds }, swvId }, select: { id: true, name: true } })
    : [];
  const names = new Map(handlers.map((p) => [p.id, p.name]));
  return rows.map((r) => {
    const d = r.details as unknown as ThuiszitterInput;
    const backToSchool: BackToSchool | undefined = d.backToSchool
      ? { date: d.backToSchool.date, extent: d.backToSchool.extent }
      : undefined;
    return {
      id: r.id,
      reference: r.reference,
      status: checkedStatus(r.status),
      createdAt: r.createdAt,
      school: r.school.name,
      sector: r.school.sector,
      details: {
        kind: d.kind,
        ...(d.firstAbsentDate ? { firstAbsentDate: d.firstAbsentDate } : {}),
        ...(backToSchool ? { backToSchool } : {}),
        reporting: { ...(d.reporting?.duo ? { duo: d.reporting.duo } : {}), ...(d.reporting?.ot ? { ot: d.reporting.ot } : {}) },
      },
      handlerName: r.handlerId ? (names.get(r.handlerId) ?? null) : null,
    };
  });
}

/** The schools with open thuiszitter signals (the school filter's choices). */
export async function thuiszitterSchools(db: Db, swvId: string): Promise<SchoolChoice[]> {
  return db.school.findMany({
    where: { swvId, requests: { some: narrowed(thuiszitterScope(swvId), {}) } },
    select: schoolChoice,
    orderBy: [{ name: 'asc' }, { brin: 'asc' }],
  });
}

// ---- The office: counts per consultant -------------------------------------------------------------

/** Consultants listed: the active ones and any with open requests; with a filter, those with matching open requests. */
function consultantsWhere(swvId: string, filter: OverviewFilter): Prisma.ConsultantWhereInput {
  const withOpen: Prisma.ConsultantWhereInput = { person: { assigned: { some: narrowed({ swvId }, filter) } } };
  const filtering = !!(filter.schoolId || filter.type);
  return {
    AND: [{ person: { swvId } }, filtering ? withOpen : { OR: [{ active: true, person: { active: true } }, withOpen] }],
  };
}

export async function consultantCount(db: Db, swvId: string, filter: OverviewFilter): Promise<number> {
  return db.consultant.count({ where: consultantsWhere(swvId, filter) });
}

/** One page of consultants, by name. */
export async function consultantPage(db: Db, swvId: string, filter: OverviewFilter, page: PageSpec) {
  const rows = await db.consultant.findMany({
    where: consultantsWhere(swvId, filter),
    select: { personId: true, active: true, person: { select: { name: true, active: true } } },
    orderBy: [{ person: { name: 'asc' } }, { personId: 'asc' }],
    skip: page.skip,
    take: page.take,
  });
  return rows.map((r) => ({ personId: r.personId, name: r.person.name, active: r.active && r.person.active }));
}

/** Open requests per assigned consultant and status, for the whole SWV (one small aggregate). */
export async function openCountsByConsultant(db: Db, swvId: string, filter: OverviewFilter) {
  const groups = await db.request.groupBy({
    by: ['consultantId', 'status'],
    where: narrowed({ swvId }, filter),
    _count: { _all: true },
  });
  return groups.map((g) => ({ consultantId: g.consultantId, status: checkedStatus(g.status), count: g._count._all }));
}

/**
 * Overdue requests per assigned consultant: new and waiting to be picked up since before `unpickedBefore`
 * (filed or handed over), or planned with an appointment date before `today` (not closed, not moved).
 */
export async function overdueByConsultant(db: Db, swvId: string, filter: OverviewFilter, limits: { unpickedBefore: Date; today: string }) {
  const groups = await db.request.groupBy({
    by: ['consultantId'],
    where: narrowed(
      {
        swvId,
        OR: [
          {
            status: 'new',
            createdAt: { lt: limits.unpickedBefore },
            events: { none: { action: { in: NEW_STARTS }, at: { gte: limits.unpickedBefore } } },
          },
          { status: 'planned', appointment: { path: ['date'], lt: limits.today } },
        ],
      },
      filter,
    ),
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.consultantId, g._count._all]));
}

/** The schools with open requests in the SWV (the office's school filter). */
export async function schoolsWithOpenRequests(db: Db, swvId: string): Promise<SchoolChoice[]> {
  return db.school.findMany({
    where: { swvId, requests: { some: narrowed({ swvId }, {}) } },
    select: schoolChoice,
    orderBy: [{ name: 'asc' }, { brin: 'asc' }],
  });
}

// ---- Audit -----------------------------------------------------------------------------------------

/** One entry per list view that shows case data (counts and the filter, never a row's content). */
export async function auditOverviewRead(
  db: Db,
  entry: { actorId: string; overview: string; at: Date; details: { page: number; shown: number; total: number; filter: object } },
) {
  await db.auditEntry.create({
    data: {
      at: entry.at,
      actorId: entry.actorId,
      action: 'overview.read',
      subjectType: 'overview',
      subjectId: entry.overview,
      details: JSON.parse(JSON.stringify(entry.details)) as Prisma.InputJsonValue,
    },
  });
}
