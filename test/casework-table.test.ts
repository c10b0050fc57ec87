// Every action × every state × every role, over the real HTTP endpoint. The expected table is
// written out here (not derived from the code under test): a change in the rules must change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import { isoDay } from './support/dates.ts';

type State = 'new' | 'claimed' | 'planned' | 'waiting' | 'closed' | 'withdrawn';
type Role = 'assignee' | 'coordinator' | 'admin' | 'otherConsultant';
const STATES: State[] = ['new', 'claimed', 'planned', 'waiting', 'closed', 'withdrawn'];
const ROLES: Record<Role, keyof typeof PEOPLE> = { assignee: 'anna', coordinator: 'carla', admin: 'eva', otherConsultant: 'bram' };

/** For a spreekuur: action → states it is allowed in → roles allowed. Anything else must be refused. */
const ALLOWED: Record<string, { verb: string; states: State[]; roles: Role[] }> = {
  claim: { verb: 'request.claim', states: ['new'], roles: ['assignee'] },
  plan: { verb: 'request.plan', states: ['claimed', 'waiting'], roles: ['assignee'] },
  move: { verb: 'request.move', states: ['planned'], roles: ['assignee'] },
  ask: { verb: 'request.ask', states: ['claimed', 'planned'], roles: ['assignee'] },
  answer: { verb: 'request.answer', states: ['waiting'], roles: ['coordinator'] },
  handover: { verb: 'request.handover', states: ['new', 'claimed', 'planned', 'waiting'], roles: ['assignee', 'admin'] },
  close: { verb: 'request.close', states: ['claimed', 'planned', 'waiting'], roles: ['assignee'] },
  report: { verb: 'request.report', states: [], roles: [] }, // thuiszitters only
  identify: { verb: 'request.identify', states: ['new', 'claimed', 'planned', 'waiting'], roles: ['coordinator'] },
  withdraw: { verb: 'request.withdraw', states: ['new'], roles: ['coordinator'] },
};

let h: Harness;
let requestId: string;
let annaId: string;
let bramId: string;
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  ({ id: requestId } = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur'));
  annaId = (await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Anna de Vries' } })).id;
  bramId = (await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Bram Visser' } })).id;
});
afterAll(() => h?.close());

/** Puts the request in a state the way the actions would have left it. */
async function setState(state: State) {
  const picked = state !== 'new';
  await h.db.prisma.request.update({
    where: { id: requestId },
    data: {
      status: state,
      consultantId: annaId,
      handlerId: picked && state !== 'withdrawn' ? annaId : null,
      appointment: state === 'planned' || state === 'waiting' ? { date: isoDay(4), time: '10:00', place: 'Op school' } : undefined,
      openQuestion: state === 'waiting' ? 'Is er een OPP?' : null,
      resumeStatus: state === 'waiting' ? 'planned' : null,
    },
  });
}

function dataFor(action: string): Record<string, unknown> {
  const base = { requestId };
  switch (action) {
    case 'plan':
      return { ...base, date: isoDay(5), time: '10:00', place: 'school' };
    case 'move':
      return { ...base, date: isoDay(6), time: '11:00', place: 'online', reason: 'Ziek', interim: 'Leerkracht houdt logboek bij' };
    case 'ask':
      return { ...base, question: 'Hoe gaat het nu?' };
    case 'answer':
      return { ...base, answer: 'Beter.' };
    case 'handover':
      return { ...base, to: `consultant:${bramId}`, note: 'Graag overnemen' };
    case 'close':
      return { ...base, outcome: 'advies' };
    case 'report':
      return { ...base, duo: 'true', ot: 'true' };
    case 'identify':
      return { ...base, pupilInitials: 'J.D.', pupilGroup: 'groep 5' };
    default:
      return base;
  }
}

const cases = Object.entries(ALLOWED).flatMap(([action, rule]) =>
  STATES.flatMap((state) =>
    (Object.keys(ROLES) as Role[]).map((role) => ({
      action,
      rule,
      state,
      role,
      allowed: rule.states.includes(state) && rule.roles.includes(role),
    })),
  ),
);

describe('roles × actions × states over HTTP (spreekuur)', () => {
  it.each(cases.map((c) => [`${c.role} ${c.allowed ? 'may' : 'may not'} ${c.action} in ${c.state}`, c] as const))(
    '%s',
    async (_name, c) => {
      await setState(c.state);
      const before = await h.db.prisma.requestEvent.count({
        where: { requestId, action: c.action === 'withdraw' ? 'withdrawn' : c.action },
      });
      const res = await h.client(PEOPLE[ROLES[c.role]]).execute(c.rule.verb, dataFor(c.action));
      expect(res.status).toBe(200);
      expect(res.card).toBeDefined();
      const after = await h.db.prisma.requestEvent.count({
        where: { requestId, action: c.action === 'withdraw' ? 'withdrawn' : c.action },
      });
      expect(after - before).toBe(c.allowed ? 1 : 0);
      if (!c.allowed) expect((await h.db.prisma.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(c.state);
    },
  );
});
