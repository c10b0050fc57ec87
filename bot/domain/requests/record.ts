// A request as the rest of the bot sees it: type, status, details, pupil and appointment typed, so that
// `request.type === 'jes'` tells the compiler what `request.details` holds. The store maps rows to this.
import { type AdviesInput, type Gatekeeping, isTlv } from './advies.ts';
import type { JesInput } from './jes.ts';
import type { KijkOpSchoolInput } from './kijkOpSchool.ts';
import type { SpreekuurInput } from './spreekuur.ts';
import type { ThuiszitterInput } from './thuiszitter.ts';
import type { Pupil, RequestStatus, RequestType } from './types.ts';

/** A planned appointment in Dutch local time; place is the words shown ("Op school", an address, …). */
export interface Appointment {
  date: string;
  time: string;
  place: string;
}

/** What each request type stores as details (the pupil is kept apart). */
export interface RequestDetails {
  spreekuur: Omit<SpreekuurInput, 'pupil'>;
  thuiszitter: Omit<ThuiszitterInput, 'pupil'>;
  jes: JesInput;
  advies: Omit<AdviesInput, 'pupil'>;
  kijkOpSchool: Omit<KijkOpSchoolInput, 'pupil'>;
}

/** Type and details together: narrowing on `type` narrows `details`. */
export type TypedDetails = { [T in RequestType]: { type: T; details: RequestDetails[T] } }[RequestType];

/** The typed fields; a stored row keeps its other columns (`Omit<Row, TypedField> & …`). */
export type TypedFields = TypedDetails & {
  status: RequestStatus;
  resumeStatus: RequestStatus | null;
  pupil: Pupil | null;
  appointment: Appointment | null;
  gatekeeping: Gatekeeping | null;
};
/** The TLV route is followed only after a positive advice on a TLV. */
export function tlvRouteOpen(request: TypedDetails & { gatekeeping: Gatekeeping | null }): boolean {
  return request.type === 'advies' && isTlv(request.details.kind) && request.gatekeeping?.advice?.advice === 'positief';
}

export type TypedField = 'type' | 'details' | 'status' | 'resumeStatus' | 'pupil' | 'appointment' | 'gatekeeping';
