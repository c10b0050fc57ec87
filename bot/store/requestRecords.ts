// Rows of the Request table as domain records (bot/domain/requests/record.ts). The JSON columns are only
// ever written from parsed, typed values (insertRequest, casework actions, retention), so they are read
// back as those types; type and status are checked, since a wrong one would send a request down the
// wrong path.
import type { Gatekeeping } from '../domain/requests/advies.ts';
import type { Appointment, TypedDetails, TypedField, TypedFields } from '../domain/requests/record.ts';
import { isRequestStatus, isRequestType, type Pupil, type RequestStatus, type RequestType } from '../domain/requests/types.ts';
import type { Prisma, Request } from './generated/client.ts';

type StoredFields = Pick<Request, TypedField>;

/** A stored row with its typed fields: every other column (and included relation) stays as it is. */
export type RequestRecord<R extends StoredFields = Request> = Omit<R, TypedField> & TypedFields;

const fromJson = <T>(value: Prisma.JsonValue): T => value as T;

/** A typed value for a JSON column (undefined fields dropped, as JSON would). */
export const toJson = (value: object): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value));

function typeOf(value: string): RequestType {
  if (!isRequestType(value)) throw new Error(`Unknown request type in the database: ${value.slice(0, 40)}`);
  return value;
}

function statusOf(value: string): RequestStatus {
  if (!isRequestStatus(value)) throw new Error(`Unknown request status in the database: ${value.slice(0, 40)}`);
  return value;
}

export function toRecord<R extends StoredFields>(row: R): RequestRecord<R> {
  const typed: TypedFields = {
    ...fromJson<TypedDetails>({ type: typeOf(row.type), details: row.details }),
    status: statusOf(row.status),
    resumeStatus: row.resumeStatus === null ? null : statusOf(row.resumeStatus),
    pupil: fromJson<Pupil | null>(row.pupil),
    appointment: fromJson<Appointment | null>(row.appointment),
    gatekeeping: fromJson<Gatekeeping | null>(row.gatekeeping),
  };
  return { ...row, ...typed };
}
