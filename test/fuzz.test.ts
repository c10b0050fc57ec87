// Property-based fuzzing of the real endpoint: thousands of generated activities and card payloads, odd
// types, values, verbs, places and people. The bot must never crash, never answer 5xx to a client's
// fault, always answer a person in Dutch (no stack traces, "undefined" or "[object Object]"), and store
// nothing half-done.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { textOf } from './support/cards.ts';

const VERBS = [
  'menu.open',
  'menu.help',
  'mine.list',
  'request.view',
  'request.withdraw',
  'request.confirm',
  'registration.submit',
  'registration.approve',
  'registration.reject',
  'spreekuur.start',
  'spreekuur.review',
  'spreekuur.edit',
  'thuiszitter.start',
  'thuiszitter.review',
  'dreigend.start',
  'dreigend.review',
  'dreigend.edit',
  'jes.start',
  'jes.review',
  'jes.edit',
  'request.jes.form',
  'request.refresh',
  'request.claim',
  'request.plan.form',
  'request.plan',
  'request.move',
  'request.ask',
  'request.answer',
  'request.handover',
  'request.close',
  'request.report',
  'request.back',
  'request.back.form',
  'request.identify',
  'overview.cases',
  'overview.thuiszitters',
  'overview.office',
  'agenda.show',
  'report.open',
  'agenda.item.form',
  'agenda.item.save',
  'agenda.item.remove.form',
  'agenda.item.remove',
  'reminders.settings',
  'reminders.save',
  'contact.show',
  'no.such.verb',
  '',
  '__proto__',
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);

let h: Harness;
let requestId = '';
beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.carla, PEOPLE.anna, PEOPLE.eva]) await h.client(p).say('hallo');
  const school = await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Obs Het Kompas' } });
  requestId = school.id; // a real id of another kind: a forged requestId must not confuse anything
});
afterAll(() => h?.close());

const oddString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '<at>x</at>',
    '${x}',
    '\'; DROP TABLE "Request";--',
    'null',
    '2026-02-30',
    '25:99',
    'x'.repeat(3000),
  ),
);
const oddValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const data = fc.dictionary(
  fc.constantFrom(
    'requestId',
    'schoolId',
    'submissionId',
    'type',
    'values',
    'formId',
    'answer',
    'date',
    'time',
    'place',
    'to',
    'duo',
    'ot',
    'registrationId',
    'role',
    'linkedRequestId',
    'page',
    'filter',
    'filterSchool',
    'filterType',
    'filterStatus',
    'month',
    'manage',
    'itemId',
    'datum',
    'titel',
    'doelgroep',
    'soort',
    'tot',
    'x',
  ),
  oddValue,
  { maxKeys: 6 },
);
const who = fc.constantFrom(PEOPLE.carla, PEOPLE.anna, PEOPLE.eva, PEOPLE.stranger);
const where = fc.constantFrom('personal', 'channel', 'groupChat') as fc.Arbitrary<'personal' | 'channel' | 'groupChat'>;
const activity = fc.oneof(
  fc.record({
    type: fc.constant('invoke'),
    name: fc.constant('adaptiveCard/action'),
    value: fc.record({
      action: fc.record({ type: fc.constant('Action.Execute'), verb: fc.constantFrom(...VERBS), data }),
      trigger: fc.constant('manual'),
    }),
  }),
  fc.record({
    type: fc.constant('invoke'),
    name: fc.oneof(oddString, fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'signin/verifyState')),
    value: oddValue,
  }),
  fc.record({ type: fc.constant('message'), text: oddString, value: fc.option(oddValue) }),
  fc.record({
    type: fc.constantFrom('conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'event'),
    membersAdded: fc.option(fc.array(fc.record({ id: oddString }), { maxLength: 2 })),
  }),
  fc.record({ type: oddString, text: fc.option(oddString) }),
);

describe('fuzzing the endpoint', () => {
  it(`${RUNS} generated activities: no crash, no 5xx, Dutch answers, nothing stored half-done`, async () => {
    const requestsBefore = await h.db.prisma.request.count();
    await fc.assert(
      fc.asyncProperty(activity, who, where, fc.boolean(), async (act, user, place, useRealId) => {
        const conversation =
          place === 'personal'
            ? undefined
            : place === 'channel'
              ? ({ id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL } as const)
              : ({ id: '19:groep@unq.gbl.spaces', type: 'groupChat' } as const);
        const a = JSON.parse(JSON.stringify(act)) as Record<string, any>;
        if (useRealId && a.value?.action?.data) a.value.action.data.requestId = requestId;
        const res = await h
          .client(user, conversation)
          .post(a)
          .catch((err: Error) => ({ status: 0, body: String(err) }));
        expect(res.status, JSON.stringify(a).slice(0, 300)).toBeGreaterThan(0);
        expect(res.status, JSON.stringify(a).slice(0, 300)).toBeLessThan(500);
        if (res.body?.type === 'application/vnd.microsoft.card.adaptive') {
          const text = textOf(res.body.value);
          expect(text).not.toMatch(/undefined|\[object Object\]|Error:| {4}at |TypeError|NaN/);
          expect(text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 90_000 },
    );
    expect(await h.db.prisma.request.count()).toBe(requestsBefore);
    // Still serving.
    expect((await fetch(h.botUrl.replace('/api/messages', '/healthz'))).status).toBe(200);
    const help = await h.client(PEOPLE.carla).execute('menu.help');
    expect(textOf(help.card!)).toContain('SOT');
  }, 180_000);
});
