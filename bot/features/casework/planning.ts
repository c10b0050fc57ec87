// Inplannen and Verzetten. An appointment always moves to a concrete new date, with what happens in between.
import type { FormInput } from '../../../cards/actionForm.ts';
import { appointmentSentence } from '../../domain/requests/appointments.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { act, type ActOutcome } from './act.ts';
import { choices, type FormSpec, keys, showForm, showFormAgain } from './actionForms.ts';
import { appointmentInputs, appointmentText, PLACES, planDefaults, preferredMomentFacts, readAppointment } from './appointment.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import type { CaseContext } from './act.ts';
import type { Appointment } from '../../domain/requests/record.ts';
import type { Services } from '../../services.ts';

const planSpec = (ctx: CaseContext): FormSpec => ({
  action: 'plan',
  title: 'Inplannen',
  facts: preferredMomentFacts(ctx),
  inputs: appointmentInputs(ctx, true),
  submitTitle: 'Afspraak opslaan',
});

const MOVE_INPUTS: FormInput[] = [
  { kind: 'date', id: 'date', label: 'Nieuwe datum', required: true },
  { kind: 'time', id: 'time', label: 'Nieuwe tijd', required: true },
  { kind: 'choice', id: 'place', label: 'Plaats', expanded: true, required: true, choices: choices(PLACES) },
  { kind: 'text', id: 'address', label: 'Adres (bij een ander adres)', maxLength: 200 },
  { kind: 'text', id: 'reason', label: 'Reden van verzetten', maxLength: 500, required: true },
  { kind: 'text', id: 'interim', label: 'Wat kan er tussentijds gebeuren, en door wie?', multiline: true, maxLength: 1000, required: true },
];

const moveSpec: FormSpec = {
  action: 'move',
  title: 'Verzetten',
  intro: 'Een afspraak wordt altijd verzet naar een concrete nieuwe datum. Spreek ook af wat er tussentijds gebeurt, en door wie.',
  inputs: MOVE_INPUTS,
  submitTitle: 'Verzetten',
};

export const planForm = onCase((ctx, services) => showForm(services, ctx, 'plan', () => planSpec(ctx), planDefaults(ctx, services.now())));

export const plan = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const appointment = readAppointment(ctx, services.now(), f, true);
  if (!f.ok || !appointment) return showFormAgain(ctx, planSpec(ctx), data, f.errors);
  const when = appointmentText(appointment);
  const outcome = await act(
    services,
    ctx,
    'plan',
    async (tx, request) => {
      // Planning settles an open question too: the appointment is where it gets answered.
      await tx.request.update({
        where: { id: request.id },
        data: { appointment: { ...appointment }, openQuestion: null, resumeStatus: null },
      });
      return {
        note: when,
        coordinatorMessage: {
          title: 'ingepland',
          lines: [`${ctx.actor.name} heeft een afspraak gepland.`, appointmentSentence(request.type, appointment, ctx.actor.name)],
          icsUrl: services.icsUrl(request.id),
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Ingepland: ${when}.`);
});

export const moveForm = onCase((ctx, services) => {
  const current = ctx.request.appointment;
  const placeKey = keys(PLACES).find((k) => PLACES[k] === current?.place) ?? (current ? 'anders' : '');
  return showForm(services, ctx, 'move', () => moveSpec, {
    place: placeKey,
    address: placeKey === 'anders' ? (current?.place ?? '') : '',
    time: current?.time ?? '',
    interim: ctx.request.interimAgreement ?? '',
  });
});

export const move = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const appointment = readAppointment(ctx, services.now(), f, false);
  const reason = f.text('reason', { required: 'Vul de reden in.', max: 500, label: 'Reden' });
  const interim = f.text('interim', {
    required: 'Spreek af wat er tussentijds gebeurt, en door wie.',
    max: 1000,
    label: 'Tussentijdse afspraak',
  });
  if (!f.ok || !appointment) return showFormAgain(ctx, moveSpec, data, f.errors);
  const when = appointmentText(appointment);
  const outcome = await moveAppointment(services, ctx, appointment, reason, interim, formIdOf(data));
  return answerWith(services, ctx, outcome, `Verzet naar ${when}.`);
});

/** Moves one appointment to a concrete new moment, with the reason and the interim agreement (also used for a whole day). */
export function moveAppointment(
  services: Services,
  ctx: CaseContext,
  appointment: Appointment,
  reason: string,
  interim: string,
  formId: string | undefined,
): Promise<ActOutcome> {
  const when = appointmentText(appointment);
  return act(
    services,
    ctx,
    'move',
    async (tx, request) => {
      const current = request.appointment;
      if (current && appointment.date === current.date && appointment.time === current.time)
        return { refuse: 'De nieuwe datum en tijd zijn gelijk aan de huidige afspraak; kies een ander moment.' };
      await tx.request.update({ where: { id: request.id }, data: { appointment: { ...appointment }, interimAgreement: interim } });
      return {
        note: `Naar ${when}. Reden: ${reason}. Tussentijds: ${interim}`,
        coordinatorMessage: {
          title: 'afspraak verzet',
          lines: [
            `${ctx.actor.name} heeft de afspraak verzet.`,
            appointmentSentence(request.type, appointment, ctx.actor.name),
            `Reden: ${reason}`,
            `Tussentijds: ${interim}`,
          ],
          icsUrl: services.icsUrl(request.id),
        },
      };
    },
    formId,
  );
}
