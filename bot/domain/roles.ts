/** A person from the directory, with what they may do. Free of Teams types. */
export interface Actor {
  personId: string;
  swvId: string;
  name: string;
  email: string;
  /** Teams user id as last seen ("29:…"), if any. */
  teamsUserId?: string | null;
  isAdmin: boolean;
  isThuiszittersteam: boolean;
  isConsultant: boolean;
  /** Schools this person coordinates (coördinator passend onderwijs / IB'er). */
  schools: { id: string; name: string; brin: string }[];
}

export const isCoordinator = (actor: Actor) => actor.schools.length > 0;
/** Anyone who works for the SOT itself (may see SOT-wide information, link channels). */
export const isSotStaff = (actor: Actor) => actor.isAdmin || actor.isConsultant || actor.isThuiszittersteam;
