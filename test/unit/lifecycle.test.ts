import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, decide, mayReadDetails, type RequestRole, rolesFor, RULES } from '../../bot/domain/requests/lifecycle.ts';
import { REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus, type RequestType } from '../../bot/domain/requests/types.ts';

/**
 * The whole table, written out by hand: for one role, type and status, the buttons that person gets
 * (in the order of ACTIONS). Anything not listed is refused.
 */
const HANDLER_SPREEKUUR: Record<RequestStatus, string> = {
  new: 'claim handover jes',
  claimed: 'plan ask handover close visit jes',
  planned: 'move ask handover close visit jes',
  waiting: 'plan handover close visit jes',
  closed: '',
  withdrawn: '',
};
/** A thuiszitter's follow-up talk is planned and moved like a spreekuur. */
const HANDLER_THUISZITTER: Record<RequestStatus, string> = {
  new: 'claim handover report back jes',
  claimed: 'plan ask handover close report back visit jes',
  planned: 'move ask handover close report back visit jes',
  waiting: 'plan handover close report back visit jes',
  closed: '',
  withdrawn: '',
};
/**
 * The Thuiszittersteam handles thuiszitter signals like the consultant, but proposes no school visit; once a
 * member picked the signal up they are its handler (assignee) and may bring it to the JES-overleg.
 */
const TZT_THUISZITTER: Record<RequestStatus, string> = {
  new: 'claim handover report back',
  claimed: 'plan ask handover close report back',
  planned: 'move ask handover close report back',
  waiting: 'plan handover close report back',
  closed: '',
  withdrawn: '',
};
/** Kijk op School itself: handled like a spreekuur, but no visit proposed from a visit. */
const HANDLER_KIJK_OP_SCHOOL: Record<RequestStatus, string> = {
  new: 'claim handover jes',
  claimed: 'plan ask handover close jes',
  planned: 'move ask handover close jes',
  waiting: 'plan handover close jes',
  closed: '',
  withdrawn: '',
};
/** A JES-overleg itself: a visit may be proposed from it, but it is not brought to the JES again. */
const HANDLER_JES: Record<RequestStatus, string> = {
  new: 'claim handover',
  claimed: 'plan ask handover close visit',
  planned: 'move ask handover close visit',
  waiting: 'plan handover close visit',
  closed: '',
  withdrawn: '',
};
const HANDLER_ADVIES: Record<RequestStatus, string> = {
  new: 'claim handover jes',
  claimed: 'plan ask advise tlv handover close visit jes',
  planned: 'move ask advise tlv handover close visit jes',
  waiting: 'plan advise tlv handover close visit jes',
  closed: '',
  withdrawn: '',
};
const NOTHING: Record<RequestStatus, string> = { new: '', claimed: '', planned: '', waiting: '', closed: '', withdrawn: '' };
const ADMIN: Record<RequestStatus, string> = {
  new: 'handover',
  claimed: 'handover',
  planned: 'handover',
  waiting: 'handover',
  closed: '',
  withdrawn: '',
};

const EXPECTED: Record<RequestRole, Record<RequestType, Record<RequestStatus, string>>> = {
  assignee: {
    spreekuur: HANDLER_SPREEKUUR,
    jes: HANDLER_JES,
    thuiszitter: HANDLER_THUISZITTER,
    advies: HANDLER_ADVIES,
    kijkOpSchool: HANDLER_KIJK_OP_SCHOOL,
  },
  thuiszittersteam: { spreekuur: NOTHING, jes: NOTHING, thuiszitter: TZT_THUISZITTER, advies: NOTHING, kijkOpSchool: NOTHING },
  coordinator: {
    spreekuur: {
      new: 'identify withdraw jes',
      claimed: 'identify jes',
      planned: 'identify jes',
      waiting: 'answer identify jes',
      closed: '',
      withdrawn: '',
    },
    jes: { new: 'withdraw', claimed: '', planned: '', waiting: 'answer', closed: '', withdrawn: '' },
    // The coordinator records the TLV route too (the button shows only after a positive TLV advice).
    advies: { new: 'withdraw jes', claimed: 'tlv jes', planned: 'tlv jes', waiting: 'answer tlv jes', closed: '', withdrawn: '' },
    kijkOpSchool: { new: 'withdraw jes', claimed: 'jes', planned: 'jes', waiting: 'answer jes', closed: '', withdrawn: '' },
    thuiszitter: {
      new: 'report back identify withdraw jes',
      claimed: 'report back identify jes',
      planned: 'report back identify jes',
      waiting: 'answer report back identify jes',
      closed: '',
      withdrawn: '',
    },
  },
  admin: { spreekuur: ADMIN, jes: ADMIN, thuiszitter: ADMIN, advies: ADMIN, kijkOpSchool: ADMIN },
};

const ROLES = Object.keys(EXPECTED) as RequestRole[];

describe('allowedActions: every role × type × status', () => {
  for (const role of ROLES) {
    for (const type of REQUEST_TYPES) {
      for (const status of REQUEST_STATUSES) {
        const expected = EXPECTED[role][type][status];
        it(`${role} on a ${type} in ${status}: ${expected || 'nothing'}`, () => {
          expect(allowedActions({ type, status }, [role]).join(' ')).toBe(expected);
        });
      }
    }
  }

  it('nobody without a role may do anything', () => {
    for (const type of REQUEST_TYPES) for (const status of REQUEST_STATUSES) expect(allowedActions({ type, status }, [])).toEqual([]);
  });

  it('several roles add up (a coordinator who is also the assignee)', () => {
    expect(allowedActions({ type: 'spreekuur', status: 'new' }, ['coordinator', 'assignee'])).toEqual([
      'claim',
      'handover',
      'identify',
      'withdraw',
      'jes',
    ]);
    expect(allowedActions({ type: 'thuiszitter', status: 'waiting' }, ['thuiszittersteam', 'coordinator', 'admin'])).toEqual([
      'plan',
      'answer',
      'handover',
      'close',
      'report',
      'back',
      'identify',
      'jes',
    ]);
  });
});

describe('decide: target state', () => {
  it.each([
    ['claim', 'new', 'claimed'],
    ['plan', 'claimed', 'planned'],
    ['plan', 'waiting', 'planned'],
    ['move', 'planned', 'planned'],
    ['ask', 'planned', 'waiting'],
    ['handover', 'waiting', 'new'],
    ['close', 'waiting', 'closed'],
  ] as const)('%s from %s → %s', (action, status, to) => {
    expect(decide(action, { type: 'spreekuur', status }, ['assignee'])).toEqual({ allowed: true, to });
  });

  it('answer, report and identify keep the state for the caller to decide', () => {
    expect(decide('answer', { type: 'jes', status: 'waiting' }, ['coordinator'])).toEqual({ allowed: true, to: undefined });
    expect(decide('report', { type: 'thuiszitter', status: 'planned' }, ['assignee'])).toEqual({ allowed: true, to: undefined });
    expect(decide('identify', { type: 'spreekuur', status: 'claimed' }, ['coordinator'])).toEqual({ allowed: true, to: undefined });
  });

  it('withdraw → withdrawn, only while new', () => {
    expect(decide('withdraw', { type: 'jes', status: 'new' }, ['coordinator'])).toEqual({ allowed: true, to: 'withdrawn' });
    expect(decide('withdraw', { type: 'jes', status: 'claimed' }, ['coordinator'])).toEqual({ allowed: false, reason: 'state' });
  });
});

describe('decide: why something is refused (type before role before state)', () => {
  it('type', () => {
    expect(decide('back', { type: 'spreekuur', status: 'closed' }, ['coordinator'])).toEqual({ allowed: false, reason: 'type' });
    expect(decide('report', { type: 'spreekuur', status: 'new' }, ['assignee'])).toEqual({ allowed: false, reason: 'type' });
    expect(decide('identify', { type: 'jes', status: 'new' }, ['coordinator'])).toEqual({ allowed: false, reason: 'type' });
  });

  it('role', () => {
    expect(decide('claim', { type: 'spreekuur', status: 'closed' }, ['coordinator'])).toEqual({ allowed: false, reason: 'role' });
    expect(decide('claim', { type: 'spreekuur', status: 'new' }, ['thuiszittersteam'])).toEqual({ allowed: false, reason: 'role' });
    expect(decide('answer', { type: 'spreekuur', status: 'waiting' }, ['assignee', 'admin'])).toEqual({ allowed: false, reason: 'role' });
    expect(decide('close', { type: 'jes', status: 'claimed' }, [])).toEqual({ allowed: false, reason: 'role' });
  });

  it('state', () => {
    expect(decide('claim', { type: 'spreekuur', status: 'claimed' }, ['assignee'])).toEqual({ allowed: false, reason: 'state' });
    expect(decide('close', { type: 'thuiszitter', status: 'new' }, ['thuiszittersteam'])).toEqual({ allowed: false, reason: 'state' });
    expect(decide('handover', { type: 'jes', status: 'closed' }, ['admin'])).toEqual({ allowed: false, reason: 'state' });
  });

  it('a closed or withdrawn request allows nothing to anyone', () => {
    for (const status of ['closed', 'withdrawn'] as const)
      for (const type of REQUEST_TYPES) expect(allowedActions({ type, status }, ROLES)).toEqual([]);
  });

  it('every action has a rule', () => {
    expect(Object.keys(RULES).sort()).toEqual([...ACTIONS].sort());
  });
});

describe('mayReadDetails', () => {
  it.each([
    ['coordinator', true, true, true],
    ['assignee', true, true, true],
    ['admin', true, true, true],
    ['thuiszittersteam', false, true, false],
  ] as const)('%s: spreekuur %s, thuiszitter %s, jes %s', (role, spreekuur, thuiszitter, jes) => {
    expect(mayReadDetails({ type: 'spreekuur' }, [role])).toBe(spreekuur);
    expect(mayReadDetails({ type: 'thuiszitter' }, [role])).toBe(thuiszitter);
    expect(mayReadDetails({ type: 'jes' }, [role])).toBe(jes);
  });

  it('nobody without a role (another consultant in the channel)', () => {
    for (const type of REQUEST_TYPES) expect(mayReadDetails({ type }, [])).toBe(false);
  });
});

describe('rolesFor', () => {
  const request = { consultantId: 'c1', handlerId: null, schoolId: 'school-a' };
  const person = { personId: 'p1', isAdmin: false, isThuiszittersteam: false, schoolIds: [] as string[] };

  it('the consultant or the current handler is the assignee', () => {
    expect(rolesFor({ ...person, personId: 'c1' }, request)).toEqual(['assignee']);
    expect(rolesFor({ ...person, personId: 'h1' }, { ...request, handlerId: 'h1' })).toEqual(['assignee']);
    expect(rolesFor(person, { ...request, handlerId: undefined })).toEqual([]);
  });

  it('a coordinator of the school, the Thuiszittersteam and the office, in that order', () => {
    expect(rolesFor({ personId: 'c1', isAdmin: true, isThuiszittersteam: true, schoolIds: ['school-b', 'school-a'] }, request)).toEqual([
      'assignee',
      'thuiszittersteam',
      'coordinator',
      'admin',
    ]);
  });

  it('a coordinator of another school is not a coordinator here', () => {
    expect(rolesFor({ ...person, schoolIds: ['school-b'] }, request)).toEqual([]);
  });
});
