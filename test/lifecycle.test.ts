import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, rolesFor, type RequestAction, type RequestRole } from '../bot/domain/requests/lifecycle.ts';
import { REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus } from '../bot/domain/requests/types.ts';

/** The whole table, written out: action → states in which it is allowed (for a spreekuur), and by whom. */
const EXPECTED: Record<RequestAction, { states: RequestStatus[]; roles: RequestRole[] }> = {
  claim: { states: ['new'], roles: ['assignee'] },
  plan: { states: ['claimed', 'waiting'], roles: ['assignee'] },
  move: { states: ['planned'], roles: ['assignee'] },
  ask: { states: ['claimed', 'planned'], roles: ['assignee'] },
  answer: { states: ['waiting'], roles: ['coordinator'] },
  handover: { states: ['new', 'claimed', 'planned', 'waiting'], roles: ['assignee', 'admin'] },
  close: { states: ['claimed', 'planned', 'waiting'], roles: ['assignee'] },
  advise: { states: [], roles: [] },
  tlv: { states: [], roles: [] },
  report: { states: [], roles: [] },
  back: { states: [], roles: [] },
  identify: { states: ['new', 'claimed', 'planned', 'waiting'], roles: ['coordinator'] },
  withdraw: { states: ['new'], roles: ['coordinator'] },
  visit: { states: ['claimed', 'planned', 'waiting'], roles: ['assignee'] },
  jes: { states: ['new', 'claimed', 'planned', 'waiting'], roles: ['assignee', 'coordinator'] },
};
const ROLES: RequestRole[] = ['assignee', 'thuiszittersteam', 'coordinator', 'admin'];

describe('request lifecycle (spreekuur): roles × actions × states', () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      for (const status of REQUEST_STATUSES) {
        const expected = EXPECTED[action].states.includes(status) && EXPECTED[action].roles.includes(role);
        it(`${role} ${expected ? 'may' : 'may not'} ${action} in ${status}`, () => {
          expect(decide(action, { type: 'spreekuur', status }, [role]).allowed).toBe(expected);
        });
      }
    }
  }
});

describe('type-specific rules', () => {
  it('the Thuiszittersteam acts on thuiszitter signals only', () => {
    expect(decide('claim', { type: 'thuiszitter', status: 'new' }, ['thuiszittersteam']).allowed).toBe(true);
    for (const type of REQUEST_TYPES.filter((t) => t !== 'thuiszitter')) {
      expect(decide('claim', { type, status: 'new' }, ['thuiszittersteam'])).toEqual({ allowed: false, reason: 'role' });
    }
  });
  it("a thuiszitter's follow-up talk is planned; its facts and the return to school are recorded by consultant or coordinator", () => {
    expect(decide('plan', { type: 'thuiszitter', status: 'claimed' }, ['assignee']).allowed).toBe(true);
    expect(decide('plan', { type: 'thuiszitter', status: 'claimed' }, ['coordinator'])).toEqual({ allowed: false, reason: 'role' });
    expect(decide('back', { type: 'thuiszitter', status: 'planned' }, ['coordinator']).allowed).toBe(true);
    expect(decide('back', { type: 'spreekuur', status: 'planned' }, ['assignee'])).toEqual({ allowed: false, reason: 'type' });
    expect(decide('report', { type: 'thuiszitter', status: 'claimed' }, ['coordinator']).allowed).toBe(true);
    expect(decide('report', { type: 'thuiszitter', status: 'new' }, ['assignee']).allowed).toBe(true);
    expect(decide('report', { type: 'thuiszitter', status: 'closed' }, ['assignee'])).toEqual({ allowed: false, reason: 'state' });
  });
  it('a case is brought to the JES-overleg from a spreekuur, thuiszitter signal, advice request or visit, never from a JES-overleg', () => {
    for (const type of REQUEST_TYPES.filter((t) => t !== 'jes')) {
      expect(decide('jes', { type, status: 'claimed' }, ['assignee']).allowed).toBe(true);
      expect(decide('jes', { type, status: 'new' }, ['coordinator']).allowed).toBe(true);
      expect(decide('jes', { type, status: 'closed' }, ['coordinator'])).toEqual({ allowed: false, reason: 'state' });
      expect(decide('jes', { type, status: 'claimed' }, ['admin'])).toEqual({ allowed: false, reason: 'role' });
    }
    expect(decide('jes', { type: 'jes', status: 'claimed' }, ['assignee'])).toEqual({ allowed: false, reason: 'type' });
    // The Thuiszittersteam files it as the handler of the signal (assignee), not as a team member.
    expect(decide('jes', { type: 'thuiszitter', status: 'claimed' }, ['thuiszittersteam'])).toEqual({ allowed: false, reason: 'role' });
  });
  it('says why something is refused', () => {
    expect(decide('claim', { type: 'jes', status: 'claimed' }, ['assignee'])).toEqual({ allowed: false, reason: 'state' });
    expect(decide('claim', { type: 'jes', status: 'new' }, ['coordinator'])).toEqual({ allowed: false, reason: 'role' });
  });
  it('derives roles from the directory, not from card data', () => {
    const person = { personId: 'p1', isAdmin: false, isThuiszittersteam: true, schoolIds: ['s1'] };
    expect(rolesFor(person, { consultantId: 'p1', schoolId: 's1' })).toEqual(['assignee', 'thuiszittersteam', 'coordinator']);
    expect(rolesFor(person, { consultantId: 'p2', schoolId: 's2' })).toEqual(['thuiszittersteam']);
  });
});
