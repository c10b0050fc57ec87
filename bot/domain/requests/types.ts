/** The kinds of request a coordinator can file; each is described once in kinds.ts. */
export const REQUEST_TYPES = ['spreekuur', 'thuiszitter', 'jes', 'advies', 'kijkOpSchool'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Where a request stands. `new` = nobody picked it up yet (it waits, visibly). */
export const REQUEST_STATUSES = ['new', 'claimed', 'planned', 'waiting', 'closed', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABEL: Record<RequestStatus, string> = {
  new: 'Nieuw, nog niet opgepakt',
  claimed: 'Opgepakt',
  planned: 'Ingepland',
  waiting: 'Wacht op informatie van school',
  closed: 'Afgerond',
  withdrawn: 'Ingetrokken',
};

export const OPEN_STATUSES: RequestStatus[] = ['new', 'claimed', 'planned', 'waiting'];

/** Per-field Dutch error messages, keyed by the card input id. */
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The pupil a request is about. Anonymous sparring is a deliberate choice, not a validation error. */
export type Pupil =
  | { kind: 'none' }
  | { kind: 'anonymous' }
  | { kind: 'identified'; name: string; birthDate?: string; initials: string; group?: string };

export const URGENCY = { normaal: 'Normaal', hoog: 'Hoog (graag binnen een week)', spoed: 'Spoed (graag binnen twee werkdagen)' } as const;
export type Urgency = keyof typeof URGENCY;

export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((part) => part && !/^(van|de|der|den|het|ter|ten|te|la|le|da|di|op|in|'t)$/i.test(part))
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join('');
}

export const isRequestType = (value: string): value is RequestType => (REQUEST_TYPES as readonly string[]).includes(value);
export const isRequestStatus = (value: string): value is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(value);
