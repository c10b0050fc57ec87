// The request lifecycle: which role may do what in which state. Handlers ask here; they never decide.
import type { RequestStatus, RequestType } from './types.ts';

export const ACTIONS = [
  'claim',
  'plan',
  'move',
  'ask',
  'answer',
  'advise',
  'tlv',
  'handover',
  'close',
  'report',
  'back',
  'identify',
  'withdraw',
  'visit',
  'jes',
] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** How the acting person relates to this request. One person can have several roles. */
export type RequestRole = 'assignee' | 'thuiszittersteam' | 'coordinator' | 'admin';

interface Rule {
  from: readonly RequestStatus[];
  roles: readonly RequestRole[];
  types?: readonly RequestType[];
  /** Fixed target state; absent = decided by the action (e.g. answer resumes the earlier state). */
  to?: RequestStatus;
}

const OPEN: readonly RequestStatus[] = ['new', 'claimed', 'planned', 'waiting'];
const HANDLERS: readonly RequestRole[] = ['assignee', 'thuiszittersteam'];

export const RULES: Record<RequestAction, Rule> = {
  // Oppakken: the consultant, or for thuiszitter signals a Thuiszittersteam member.
  claim: { from: ['new'], roles: HANDLERS, to: 'claimed' },
  // Inplannen: a concrete appointment for a spreekuur or JES-overleg.
  // (For an advice request: a talk or an observation first.)
  // (For a thuiszitter: the follow-up talk with the school, IB'er, mentor and parents.)
  plan: {
    from: ['claimed', 'waiting'],
    roles: HANDLERS,
    types: ['spreekuur', 'thuiszitter', 'jes', 'advies', 'kijkOpSchool'],
    to: 'planned',
  },
  // Verzetten: always to a concrete new date, with a reason and the interim agreement.
  move: { from: ['planned'], roles: HANDLERS, to: 'planned' },
  // Vraag stellen aan de coördinator.
  ask: { from: ['claimed', 'planned'], roles: HANDLERS, to: 'waiting' },
  answer: { from: ['waiting'], roles: ['coordinator'] },
  // Advies geven (OPDC/TLV): positief, negatief of niet nodig. An OPDC advice, or a TLV advice that is not
  // positive, closes the request; a positive TLV advice keeps it open to follow the TLV route (tlv).
  advise: { from: ['claimed', 'planned', 'waiting'], roles: ['assignee'], types: ['advies'] },
  // TLV-verloop vastleggen: continued in OT, the two external expert advices, the SWV's decision (closes it).
  tlv: { from: ['claimed', 'planned', 'waiting'], roles: ['assignee', 'coordinator'], types: ['advies'] },
  // Overdragen: to another consultant or the Thuiszittersteam; it waits to be picked up again.
  handover: { from: OPEN, roles: [...HANDLERS, 'admin'], to: 'new' },
  // Afronden met uitkomst.
  close: { from: ['claimed', 'planned', 'waiting'], roles: HANDLERS, to: 'closed' },
  // Gegevens aanvullen (thuiszitters): absence, reason, and the DUO, leerplicht and Onderwijs Transparant facts.
  report: { from: OPEN, roles: [...HANDLERS, 'coordinator'], types: ['thuiszitter'] },
  // Terug naar school: stops the count of weeks absent; the handler may close the case with it.
  back: { from: OPEN, roles: [...HANDLERS, 'coordinator'], types: ['thuiszitter'] },
  // Leerling alsnog noemen: a case that started as anonymous sparring continues with the pupil named.
  identify: { from: OPEN, roles: ['coordinator'], types: ['spreekuur', 'thuiszitter'] },
  withdraw: { from: ['new'], roles: ['coordinator'], to: 'withdrawn' },
  // Kijk op School voorstellen: the consultant plans an observation visit from a case they work on; it
  // becomes a request of its own (type kijkOpSchool), this one only records that it was proposed.
  visit: { from: ['claimed', 'planned', 'waiting'], roles: ['assignee'], types: ['spreekuur', 'thuiszitter', 'jes', 'advies'] },
  // Aanmelden voor JES: every pupil the school discusses with the SOT also comes to the JES-overleg. The
  // consultant (or handler) or the school's coordinator files a JES-overleg from the case; it becomes a
  // request of its own (type jes, linked to this one), this one only records that it was filed.
  jes: { from: OPEN, roles: ['assignee', 'coordinator'], types: ['spreekuur', 'thuiszitter', 'advies', 'kijkOpSchool'] },
};

/**
 * Expiry is no person's action and not in the table above: the retention job closes an open request
 * after a long time without activity (bot/features/retention/expire.ts), with this outcome.
 */
export const EXPIRED_OUTCOME = 'Verlopen: lange tijd geen activiteit';

export type Decision = { allowed: true; to?: RequestStatus } | { allowed: false; reason: 'role' | 'state' | 'type' };

/** May someone with these roles do this action on a request of this type in this state? */
export function decide(
  action: RequestAction,
  request: { type: RequestType; status: RequestStatus },
  roles: readonly RequestRole[],
): Decision {
  const rule = RULES[action];
  if (rule.types && !rule.types.includes(request.type)) return { allowed: false, reason: 'type' };
  const effective = roles.filter((r) => r !== 'thuiszittersteam' || request.type === 'thuiszitter');
  if (!rule.roles.some((r) => effective.includes(r))) return { allowed: false, reason: 'role' };
  if (!rule.from.includes(request.status)) return { allowed: false, reason: 'state' };
  return { allowed: true, to: rule.to };
}

/** The actions this person can take now (for the buttons on their view of the card). */
export function allowedActions(request: { type: RequestType; status: RequestStatus }, roles: readonly RequestRole[]): RequestAction[] {
  return ACTIONS.filter((a) => decide(a, request, roles).allowed);
}

/**
 * Read access (need-to-know). A request's details — pupil data, the question, free texts, history — are
 * for: the school's coordinator (in their personal chat), the assigned consultant or current handler,
 * the SOT office (admins), and for thuiszitter signals the Thuiszittersteam. Everyone else, other
 * consultants in the channel included, sees the shared card: type, school, reference, status, who
 * handles it and the next appointment. Every read of the details is audited (request.read).
 */
export function mayReadDetails(request: { type: RequestType }, roles: readonly RequestRole[]): boolean {
  return roles.some(
    (r) => r === 'coordinator' || r === 'assignee' || r === 'admin' || (r === 'thuiszittersteam' && request.type === 'thuiszitter'),
  );
}

export interface RoleFacts {
  personId: string;
  isAdmin: boolean;
  isThuiszittersteam: boolean;
  schoolIds: readonly string[];
}

export function rolesFor(person: RoleFacts, request: { consultantId: string; handlerId?: string | null; schoolId: string }): RequestRole[] {
  const roles: RequestRole[] = [];
  if (request.consultantId === person.personId || request.handlerId === person.personId) roles.push('assignee');
  if (person.isThuiszittersteam) roles.push('thuiszittersteam');
  if (person.schoolIds.includes(request.schoolId)) roles.push('coordinator');
  if (person.isAdmin) roles.push('admin');
  return roles;
}
