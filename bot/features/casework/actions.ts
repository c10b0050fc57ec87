// One small handler per consultant action. Each shows its form (if it needs input), checks it,
// and hands the change to act().
import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { actionFormCard, type FormInput } from '../../../cards/actionForm.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { REQUEST_TYPE_LABEL } from '../../domain/requests/types.ts';
import { formatLocalDateTime, ZONE } from '../../domain/time.ts';
import type { Services } from '../../services.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { act, checkAllowed, loadCase, rolesOf, type CaseContext } from './act.ts';
import type { RequestAction } from '../../domain/requests/lifecycle.ts';
import { caseCardFor } from './caseCard.ts';
import { routeNewRequest } from '../requests/routing.ts';
import { coordinatorSummary } from '../requests/views.ts';

type Handler = (context: TurnContext, services: Services, data: Record<string, unknown>) => Promise<AdaptiveCardJson>;

const PLACES = { school: 'Op school', online: 'Online (Teams)', telefoon: 'Telefonisch', anders: 'Ander adres' } as const;
const OUTCOMES = {
  advies: 'Advies gegeven',
  doorverwezen: 'Doorverwezen',
  opgelost: 'Vraag opgelost',
  niet_nodig: 'Geen ondersteuning van het SOT nodig',
  anders: 'Anders',
} as const;
const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
const choices = (o: Record<string, string>) => Object.entries(o).map(([value, title]) => ({ value, title }));

/** The refreshed card for the clicker: fresh state, their buttons, and what happened. */
async function answerWith(services: Services, ctx: CaseContext, outcome: Awaited<ReturnType<typeof act>>, success: string) {
  if (ctx.roles.includes('coordinator') && !ctx.roles.includes('assignee')) {
    return coordinatorSummary(
      services.db,
      outcome.request,
      services.now(),
      outcome.ok ? { banner: success } : { message: outcome.message },
    );
  }
  return caseCardFor(services, outcome.request, rolesOf(ctx.actor, outcome.request), outcome.ok ? success : outcome.message);
}

/** Shows an action's form only to someone who may take the action now; others get the fresh card and why. */
async function formFor(
  services: Services,
  ctx: CaseContext,
  action: RequestAction,
  build: () => AdaptiveCardJson | Promise<AdaptiveCardJson>,
) {
  const refused = await checkAllowed(services, ctx, action);
  if (refused) return answerWith(services, ctx, { ok: false, request: ctx.request, message: refused }, '');
  return build();
}

function form(
  ctx: CaseContext,
  spec: {
    title: string;
    intro?: string;
    inputs: FormInput[];
    submitTitle: string;
    verb: `request.${FormAction}`;
    values?: Record<string, string>;
    errors?: Record<string, string>;
  },
) {
  return actionFormCard({
    title: `${spec.title}: ${ctx.request.reference}`,
    subtitle: `${REQUEST_TYPE_LABEL[ctx.request.type]} · ${ctx.request.school.name}`,
    intro: spec.intro,
    inputs: spec.inputs,
    values: spec.values,
    errors: spec.errors,
    // formId: the same submit arriving twice (double click, Teams retry) has one effect.
    submit: { title: spec.submitTitle, verb: spec.verb, data: { requestId: ctx.request.id, formId: crypto.randomUUID() } },
    cancel: {
      verb: ctx.roles.includes('assignee') || !ctx.roles.includes('coordinator') ? 'request.refresh' : 'request.view',
      data: { requestId: ctx.request.id },
    },
  });
}

const formIdOf = (data: Record<string, unknown>) => (typeof data.formId === 'string' ? data.formId.slice(0, 100) : undefined);

const stringValues = (data: Record<string, unknown>, ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, data[id] === undefined || data[id] === null ? '' : String(data[id])]));

type FormAction = 'plan' | 'move' | 'ask' | 'handover' | 'close' | 'report';
interface FormSpec {
  title: string;
  intro?: string;
  inputs: FormInput[];
  submitTitle: string;
  verb: `request.${FormAction}`;
}

/** One description per action form, used both to show it and to show it again with errors. */
async function specFor(services: Services, ctx: CaseContext, action: FormAction): Promise<FormSpec> {
  switch (action) {
    case 'plan':
      return { title: 'Inplannen', inputs: appointmentInputs(ctx, true), submitTitle: 'Afspraak opslaan', verb: 'request.plan' };
    case 'move':
      return {
        title: 'Verzetten',
        intro: 'Een afspraak wordt altijd verzet naar een concrete nieuwe datum. Spreek ook af wat er tussentijds gebeurt, en door wie.',
        inputs: MOVE_INPUTS,
        submitTitle: 'Verzetten',
        verb: 'request.move',
      };
    case 'ask':
      return {
        title: 'Vraag stellen',
        intro: `De vraag gaat naar ${ctx.request.requester.name}, die de vraag in de chat met de SOT-bot kan beantwoorden.`,
        inputs: ASK_INPUTS,
        submitTitle: 'Vraag versturen',
        verb: 'request.ask',
      };
    case 'handover':
      return { title: 'Overdragen', inputs: await handoverInputs(services, ctx), submitTitle: 'Overdragen', verb: 'request.handover' };
    case 'close':
      return { title: 'Afronden', inputs: closeInputs(ctx), submitTitle: 'Afronden', verb: 'request.close' };
    case 'report':
      return {
        title: 'DUO/OT-melding vastleggen',
        intro: 'Thuiszitters van 4 weken of langer moeten gemeld zijn bij DUO én in Onderwijs Transparant. Vink aan wat gedaan is.',
        inputs: REPORT_INPUTS,
        submitTitle: 'Vastleggen',
        verb: 'request.report',
      };
  }
}

/** The action's form, to someone who may take the action now (others get the fresh card and why). */
function showForm(services: Services, ctx: CaseContext, action: FormAction, values?: Record<string, string>) {
  return formFor(services, ctx, action, async () => form(ctx, { ...(await specFor(services, ctx, action)), values }));
}

/** The same form again, with what was typed and a message per field. */
async function showFormAgain(
  services: Services,
  ctx: CaseContext,
  action: FormAction,
  data: Record<string, unknown>,
  errors: Record<string, string>,
) {
  const spec = await specFor(services, ctx, action);
  return form(ctx, {
    ...spec,
    values: stringValues(
      data,
      spec.inputs.map((i) => i.id),
    ),
    errors,
  });
}

/** Current DUO/OT reporting as toggle values. */
const reportingValues = (request: { duoReportedAt: Date | null; otReportedAt: Date | null }) => ({
  duo: request.duoReportedAt ? 'true' : 'false',
  ot: request.otReportedAt ? 'true' : 'false',
});

/** Recorded reporting keeps its first date; ticking again changes nothing. */
const recordReporting = (request: { duoReportedAt: Date | null; otReportedAt: Date | null }, duo: boolean, ot: boolean, now: Date) => ({
  duoReportedAt: duo ? (request.duoReportedAt ?? now) : request.duoReportedAt,
  otReportedAt: ot ? (request.otReportedAt ?? now) : request.otReportedAt,
});

// ---- refresh (Universal Actions) --------------------------------------------------------------

export const refresh: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return caseCardFor(services, ctx.request, ctx.roles);
};

// ---- Oppakken ---------------------------------------------------------------------------------

export const claim: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const outcome = await act(services, ctx, 'claim', async (tx, request) => {
    await tx.request.update({ where: { id: request.id }, data: { handlerId: ctx.actor.personId } });
    return {
      coordinatorMessage: {
        title: `opgepakt door ${ctx.actor.name}`,
        lines: [`${ctx.actor.name} heeft uw aanvraag opgepakt en neemt contact met u op.`],
      },
    };
  });
  return answerWith(services, ctx, outcome, 'U heeft deze aanvraag opgepakt.');
};

// ---- Inplannen / Verzetten --------------------------------------------------------------------

function appointmentInputs(ctx: CaseContext, withProposals: boolean): FormInput[] {
  const inputs: FormInput[] = [];
  const jes = ctx.request.type === 'jes' ? ctx.request.details : null;
  if (withProposals && jes?.moments.length) {
    inputs.push({
      kind: 'choice',
      id: 'proposal',
      label: 'Voorgesteld moment',
      expanded: true,
      choices: [...jes.moments.map((m) => ({ value: m, title: formatLocalDateTime(m) })), { value: 'anders', title: 'Een ander moment' }],
    });
  }
  inputs.push({ kind: 'date', id: 'date', label: withProposals && jes ? 'Ander moment: datum' : 'Datum' });
  inputs.push({ kind: 'time', id: 'time', label: withProposals && jes ? 'Ander moment: tijd' : 'Tijd' });
  inputs.push({ kind: 'choice', id: 'place', label: 'Plaats', expanded: true, choices: choices(PLACES) });
  inputs.push({ kind: 'text', id: 'address', label: 'Adres (bij een ander adres)', maxLength: 200 });
  return inputs;
}

function readAppointment(ctx: CaseContext, now: Date, f: FormReader, allowProposal: boolean) {
  let date: string | undefined;
  let time: string | undefined;
  const proposal = allowProposal ? f.raw('proposal') : '';
  const jes = ctx.request.type === 'jes' ? ctx.request.details : null;
  if (proposal && proposal !== 'anders') {
    if (!jes?.moments.includes(proposal)) f.fail('proposal', 'Kies een van de voorgestelde momenten.');
    else [date, time] = proposal.split('T');
  } else {
    date = f.date('date', { required: 'Vul de datum in.', notInPast: true, label: 'Datum' });
    time = f.time('time', { required: 'Vul de tijd in.', label: 'Tijd' });
  }
  if (date && time && DateTime.fromISO(`${date}T${time}`, { zone: ZONE }) <= DateTime.fromJSDate(now, { zone: ZONE }))
    f.fail(proposal ? 'proposal' : 'time', 'Dit moment ligt in het verleden.');
  const place = f.choice('place', keys(PLACES), { required: 'Kies waar de afspraak is.' });
  const address = f.text('address', { max: 200, label: 'Adres' });
  if (place === 'anders' && !address) f.fail('address', 'Vul het adres in.');
  return date && time && place ? { date, time, place: place === 'anders' ? address : PLACES[place] } : undefined;
}

export const planForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return showForm(services, ctx, 'plan');
};

export const plan: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const f = new FormReader(data, services.now());
  const appointment = readAppointment(ctx, services.now(), f, true);
  if (!f.ok || !appointment) {
    return showFormAgain(services, ctx, 'plan', data, f.errors);
  }
  const when = `${formatLocalDateTime(`${appointment.date}T${appointment.time}`)}, ${appointment.place}`;
  const outcome = await act(
    services,
    ctx,
    'plan',
    async (tx, request) => {
      // Planning settles an open question too: the appointment is where it gets answered.
      await tx.request.update({ where: { id: request.id }, data: { appointment, openQuestion: null, resumeStatus: null } });
      return {
        note: when,
        coordinatorMessage: {
          title: 'ingepland',
          lines: [`${ctx.actor.name} heeft een afspraak gepland: ${when}.`],
          icsUrl: request.type === 'jes' ? services.icsUrl(request.id) : undefined,
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Ingepland: ${when}.`);
};

const MOVE_INPUTS: FormInput[] = [
  { kind: 'date', id: 'date', label: 'Nieuwe datum' },
  { kind: 'time', id: 'time', label: 'Nieuwe tijd' },
  { kind: 'choice', id: 'place', label: 'Plaats', expanded: true, choices: choices(PLACES) },
  { kind: 'text', id: 'address', label: 'Adres (bij een ander adres)', maxLength: 200 },
  { kind: 'text', id: 'reason', label: 'Reden van verzetten', maxLength: 500 },
  { kind: 'text', id: 'interim', label: 'Wat kan er tussentijds gebeuren, en door wie?', multiline: true, maxLength: 1000 },
];

export const moveForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const current = ctx.request.appointment;
  const placeKey = keys(PLACES).find((k) => PLACES[k] === current?.place) ?? (current ? 'anders' : '');
  return showForm(services, ctx, 'move', {
    place: placeKey,
    address: placeKey === 'anders' ? (current?.place ?? '') : '',
    time: current?.time ?? '',
    interim: ctx.request.interimAgreement ?? '',
  });
};

export const move: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const f = new FormReader(data, services.now());
  const appointment = readAppointment(ctx, services.now(), f, false);
  const reason = f.text('reason', { required: 'Vul de reden in.', max: 500, label: 'Reden' });
  const interim = f.text('interim', {
    required: 'Spreek af wat er tussentijds gebeurt, en door wie.',
    max: 1000,
    label: 'Tussentijdse afspraak',
  });
  if (!f.ok || !appointment) {
    return showFormAgain(services, ctx, 'move', data, f.errors);
  }
  const when = `${formatLocalDateTime(`${appointment.date}T${appointment.time}`)}, ${appointment.place}`;
  const outcome = await act(
    services,
    ctx,
    'move',
    async (tx, request) => {
      const current = request.appointment;
      if (current && appointment.date === current.date && appointment.time === current.time)
        return { refuse: 'De nieuwe datum en tijd zijn gelijk aan de huidige afspraak; kies een ander moment.' };
      await tx.request.update({ where: { id: request.id }, data: { appointment, interimAgreement: interim } });
      return {
        note: `Naar ${when}. Reden: ${reason}. Tussentijds: ${interim}`,
        coordinatorMessage: {
          title: 'afspraak verzet',
          lines: [`${ctx.actor.name} heeft de afspraak verzet naar ${when}.`, `Reden: ${reason}`, `Tussentijds: ${interim}`],
          icsUrl: request.type === 'jes' ? services.icsUrl(request.id) : undefined,
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Verzet naar ${when}.`);
};

// ---- Vraag stellen ----------------------------------------------------------------------------

const ASK_INPUTS: FormInput[] = [{ kind: 'text', id: 'question', label: 'Uw vraag aan de school', multiline: true, maxLength: 1000 }];

export const askForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return showForm(services, ctx, 'ask');
};

export const ask: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const f = new FormReader(data, services.now());
  const question = f.text('question', { required: 'Vul uw vraag in.', max: 1000, label: 'Vraag' });
  if (!f.ok) return showFormAgain(services, ctx, 'ask', data, f.errors);
  const outcome = await act(
    services,
    ctx,
    'ask',
    async (tx, request) => {
      await tx.request.update({ where: { id: request.id }, data: { openQuestion: question, resumeStatus: request.status } });
      return { note: question, coordinatorMessage: { title: `vraag van ${ctx.actor.name}`, lines: [question], answer: true } };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Uw vraag is naar ${ctx.request.requester.name} gestuurd.`);
};

// ---- Overdragen -------------------------------------------------------------------------------

async function handoverChoices(services: Services, ctx: CaseContext) {
  const consultants = await services.db.consultant.findMany({
    where: { active: true, personId: { not: ctx.request.consultantId }, person: { active: true, swvId: ctx.request.swvId } },
    include: { person: true },
    orderBy: { person: { name: 'asc' } },
  });
  const list = consultants.map((c) => ({ value: `consultant:${c.personId}`, title: c.person.name }));
  const swv = await services.db.swv.findUnique({ where: { id: ctx.request.swvId } });
  if (ctx.request.type === 'thuiszitter' && swv?.tztChannelId) list.push({ value: 'thuiszittersteam', title: 'Het Thuiszittersteam' });
  return list;
}

async function handoverInputs(services: Services, ctx: CaseContext): Promise<FormInput[]> {
  return [
    { kind: 'choice', id: 'to', label: 'Overdragen aan', choices: await handoverChoices(services, ctx), placeholder: 'Kies aan wie' },
    { kind: 'text', id: 'note', label: 'Toelichting voor de nieuwe behandelaar', multiline: true, maxLength: 1000 },
  ];
}

export const handoverForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return showForm(services, ctx, 'handover');
};

export const handover: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const f = new FormReader(data, services.now());
  const options = await handoverChoices(services, ctx);
  const to = f.choice(
    'to',
    options.map((o) => o.value),
    { required: 'Kies aan wie u overdraagt.' },
  );
  const note = f.text('note', { required: 'Schrijf kort waarom, en wat er al is gedaan.', max: 1000, label: 'Toelichting' });
  if (!f.ok || !to) return showFormAgain(services, ctx, 'handover', data, f.errors);
  const targetName = options.find((o) => o.value === to)!.title;

  const outcome = await act(
    services,
    ctx,
    'handover',
    async (tx, request) => {
      const newConsultant = to.startsWith('consultant:') ? to.slice('consultant:'.length) : request.consultantId;
      await tx.request.update({
        where: { id: request.id },
        data: { consultantId: newConsultant, handlerId: null, openQuestion: null, resumeStatus: null },
      });
      // The old thread says where it went; the request starts a thread in its new channel.
      if (request.threadKey) {
        await enqueue(tx, {
          key: `request:${request.id}:handover-note:${Date.now()}`,
          target: { type: 'reply', toKey: request.threadKey },
          payload: { text: `Overgedragen aan ${targetName} door ${ctx.actor.name}. Toelichting: ${note}` },
          orderKey: `thread:${request.threadKey}`,
        });
      }
      const seq = await tx.requestEvent.count({ where: { requestId: request.id } });
      const newKey = await routeNewRequest(
        tx,
        { ...request, consultantId: newConsultant },
        {
          keySuffix: `h${seq}`,
          toThuiszittersteam: to === 'thuiszittersteam',
          handoverNote: `Overgedragen door ${ctx.actor.name}: ${note}`,
        },
      );
      if (newKey) await tx.request.update({ where: { id: request.id }, data: { threadKey: newKey } });
      return {
        note: `Aan ${targetName}: ${note}`,
        coordinatorMessage: {
          title: `overgedragen aan ${targetName}`,
          lines: [`${ctx.actor.name} heeft uw aanvraag overgedragen aan ${targetName}.`],
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Overgedragen aan ${targetName}.`);
};

// ---- Afronden ---------------------------------------------------------------------------------

function closeInputs(ctx: CaseContext): FormInput[] {
  const inputs: FormInput[] = [
    { kind: 'choice', id: 'outcome', label: 'Uitkomst', expanded: true, choices: choices(OUTCOMES) },
    { kind: 'text', id: 'outcomeOther', label: 'Andere uitkomst, namelijk', maxLength: 200 },
    { kind: 'text', id: 'advice', label: 'Advies of toelichting (optioneel)', multiline: true, maxLength: 2000 },
  ];
  if (ctx.request.type === 'thuiszitter') {
    inputs.push(...REPORT_INPUTS);
  }
  return inputs;
}

export const closeForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return showForm(services, ctx, 'close', reportingValues(ctx.request));
};

export const close: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const f = new FormReader(data, services.now());
  const outcomeKey = f.choice('outcome', keys(OUTCOMES), { required: 'Kies de uitkomst.' });
  const other = f.text('outcomeOther', { max: 200, label: 'Andere uitkomst' });
  if (outcomeKey === 'anders' && !other) f.fail('outcomeOther', 'U koos "Anders": beschrijf de uitkomst.');
  const advice = f.text('advice', { max: 2000, label: 'Advies' });
  if (!f.ok || !outcomeKey) return showFormAgain(services, ctx, 'close', data, f.errors);
  const outcomeText = outcomeKey === 'anders' ? other : OUTCOMES[outcomeKey];
  const now = services.now();
  const outcome = await act(
    services,
    ctx,
    'close',
    async (tx, request) => {
      await tx.request.update({
        where: { id: request.id },
        data: {
          outcome: outcomeText,
          advice: advice || null,
          openQuestion: null,
          ...(request.type === 'thuiszitter' ? recordReporting(request, f.raw('duo') === 'true', f.raw('ot') === 'true', now) : {}),
        },
      });
      return {
        note: outcomeText,
        coordinatorMessage: {
          title: 'afgerond',
          lines: [`${ctx.actor.name} heeft uw aanvraag afgerond.`],
          facts: [{ label: 'Uitkomst', value: outcomeText }, ...(advice ? [{ label: 'Advies', value: advice }] : [])],
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, 'De aanvraag is afgerond.');
};

// ---- Gemeld bij DUO / in OT -------------------------------------------------------------------

const REPORT_INPUTS: FormInput[] = [
  { kind: 'toggle', id: 'duo', label: 'Gemeld bij DUO', title: 'Het verzuim is gemeld bij DUO (verzuimregister)' },
  { kind: 'toggle', id: 'ot', label: 'Gemeld in Onderwijs Transparant', title: 'De leerling is gemeld in Onderwijs Transparant' },
];

export const reportForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  return showForm(services, ctx, 'report', reportingValues(ctx.request));
};

export const report: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const duo = String(data.duo) === 'true';
  const ot = String(data.ot) === 'true';
  if (!duo && !ot) {
    return showFormAgain(services, ctx, 'report', data, { ot: 'Vink aan wat gemeld is.' });
  }
  const now = services.now();
  const outcome = await act(
    services,
    ctx,
    'report',
    async (tx, request) => {
      await tx.request.update({
        where: { id: request.id },
        data: recordReporting(request, duo, ot, now),
      });
      return { note: [duo && 'DUO', ot && 'Onderwijs Transparant'].filter(Boolean).join(' en ') };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, 'Vastgelegd.');
};
