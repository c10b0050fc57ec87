// Afronden, and recording that a thuiszitter was reported to DUO and in Onderwijs Transparant.
import type { FormInput } from '../../../cards/actionForm.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import type { RecordedReporting } from '../../domain/requests/thuiszitter.ts';
import { act, type CaseContext } from './act.ts';
import { choices, type FormSpec, keys, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';

const OUTCOMES = {
  advies: 'Advies gegeven',
  doorverwezen: 'Doorverwezen',
  opgelost: 'Vraag opgelost',
  niet_nodig: 'Geen ondersteuning van het SOT nodig',
  anders: 'Anders',
} as const;

const REPORT_INPUTS: FormInput[] = [
  { kind: 'toggle', id: 'duo', label: 'Gemeld bij DUO', title: 'Het verzuim is gemeld bij DUO (verzuimregister)' },
  { kind: 'toggle', id: 'ot', label: 'Gemeld in Onderwijs Transparant', title: 'De leerling is gemeld in Onderwijs Transparant' },
];

/** Current DUO/OT reporting as toggle values. */
const reportingValues = (request: RecordedReporting) => ({
  duo: request.duoReportedAt ? 'true' : 'false',
  ot: request.otReportedAt ? 'true' : 'false',
});

/** Recorded reporting keeps its first date; ticking again changes nothing. */
const recordReporting = (request: RecordedReporting, duo: boolean, ot: boolean, now: Date) => ({
  duoReportedAt: duo ? (request.duoReportedAt ?? now) : (request.duoReportedAt ?? null),
  otReportedAt: ot ? (request.otReportedAt ?? now) : (request.otReportedAt ?? null),
});

const closeSpec = (ctx: CaseContext): FormSpec => ({
  action: 'close',
  title: 'Afronden',
  inputs: [
    { kind: 'choice', id: 'outcome', label: 'Uitkomst', expanded: true, choices: choices(OUTCOMES) },
    { kind: 'text', id: 'outcomeOther', label: 'Andere uitkomst, namelijk', maxLength: 200 },
    { kind: 'text', id: 'advice', label: 'Advies of toelichting (optioneel)', multiline: true, maxLength: 2000 },
    ...(ctx.request.type === 'thuiszitter' ? REPORT_INPUTS : []),
  ],
  submitTitle: 'Afronden',
});

const reportSpec: FormSpec = {
  action: 'report',
  title: 'DUO/OT-melding vastleggen',
  intro: 'Thuiszitters van 4 weken of langer moeten gemeld zijn bij DUO én in Onderwijs Transparant. Vink aan wat gedaan is.',
  inputs: REPORT_INPUTS,
  submitTitle: 'Vastleggen',
};

export const closeForm = onCase((ctx, services) => showForm(services, ctx, 'close', () => closeSpec(ctx), reportingValues(ctx.request)));

export const close = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const outcomeKey = f.choice('outcome', keys(OUTCOMES), { required: 'Kies de uitkomst.' });
  const other = f.text('outcomeOther', { max: 200, label: 'Andere uitkomst' });
  if (outcomeKey === 'anders' && !other) f.fail('outcomeOther', 'U koos "Anders": beschrijf de uitkomst.');
  const advice = f.text('advice', { max: 2000, label: 'Advies' });
  if (!f.ok || !outcomeKey) return showFormAgain(ctx, closeSpec(ctx), data, f.errors);
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
});

export const reportForm = onCase((ctx, services) => showForm(services, ctx, 'report', () => reportSpec, reportingValues(ctx.request)));

export const report = onCase(async (ctx, services, data) => {
  const duo = String(data.duo) === 'true';
  const ot = String(data.ot) === 'true';
  if (!duo && !ot) return showFormAgain(ctx, reportSpec, data, { ot: 'Vink aan wat gemeld is.' });
  const now = services.now();
  const outcome = await act(
    services,
    ctx,
    'report',
    async (tx, request) => {
      await tx.request.update({ where: { id: request.id }, data: recordReporting(request, duo, ot, now) });
      return { note: [duo && 'DUO', ot && 'Onderwijs Transparant'].filter(Boolean).join(' en ') };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, 'Vastgelegd.');
});
