// Kijk op School voorstellen: from a case they work on, the consultant plans an observation visit at the
// school. The visit becomes a request of its own (type kijkOpSchool, entered by the SOT, already planned),
// with its own card in the channel; this case records that it was proposed and the school is told.
import crypto from 'node:crypto';
import { appointmentSentence } from '../../domain/requests/appointments.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { routeNewRequest } from '../requests/channelPosts.ts';
import { assignReference, insertRequest, recordEvent } from '../../store/requests.ts';
import { act, type CaseContext } from './act.ts';
import { type FormSpec, showForm, showFormAgain } from './actionForms.ts';
import { appointmentText, readAppointment, appointmentInputs } from './appointment.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

const visitSpec = (ctx: CaseContext): FormSpec => ({
  action: 'visit',
  title: 'Kijk op School voorstellen',
  intro: `Een observatiebezoek bij ${ctx.request.school.name}. Het bezoek wordt een eigen aanvraag, meteen ingepland; de school krijgt bericht.`,
  inputs: [
    { kind: 'text', id: 'question', label: nl`Wat wilt u bekijken, en waarom?`, multiline: true, maxLength: 1000, required: true },
    { kind: 'text', id: 'group', label: 'Groep of klas', maxLength: 30, required: true },
    ...appointmentInputs(ctx, false),
  ],
  submitTitle: 'Voorstellen en inplannen',
});

export const visitForm = onCase((ctx, services) => showForm(services, ctx, 'visit', () => visitSpec(ctx)));

export const visit = onCase(async (ctx, services, data) => {
  const now = services.now();
  const f = new FormReader(data, now);
  const question = f.text('question', { required: nl`Beschrijf wat u wilt bekijken, en waarom.`, max: 1000, label: 'Vraag' });
  const group = f.text('group', { required: 'Vul de groep of klas in.', max: 30, label: 'Groep of klas' });
  const appointment = readAppointment(ctx, now, f, false);
  if (!f.ok || !appointment) return showFormAgain(ctx, visitSpec(ctx), data, f.errors);
  const when = appointmentText(appointment);
  const visitId = crypto.randomUUID();
  let visitReference = '';
  const outcome = await act(
    services,
    ctx,
    'visit',
    async (tx, request) => {
      const school = { id: request.schoolId, swvId: request.swvId, consultantId: request.consultantId };
      const threadKey = await routeNewRequest(tx, {
        id: visitId,
        type: 'kijkOpSchool',
        swvId: school.swvId,
        consultantId: school.consultantId,
      });
      await insertRequest(
        tx,
        {
          id: visitId,
          threadKey,
          type: 'kijkOpSchool',
          details: { question, group, moments: [] },
          submissionKey: `visit:${formIdOf(data) ?? visitId}`,
          swvId: school.swvId,
          schoolId: school.id,
          requesterId: ctx.actor.personId,
          enteredBySot: true,
          consultantId: school.consultantId,
        },
        now,
      );
      visitReference = await assignReference(tx, visitId, now);
      await tx.request.update({
        where: { id: visitId },
        data: { status: 'planned', handlerId: ctx.actor.personId, appointment: { ...appointment } },
      });
      await recordEvent(tx, {
        requestId: visitId,
        actorId: ctx.actor.personId,
        action: 'plan',
        fromStatus: 'new',
        toStatus: 'planned',
        at: now,
        note: when,
      });
      return {
        note: `Kijk op School voorgesteld: ${visitReference}, ${when}`,
        coordinatorMessage: {
          title: 'Kijk op School voorgesteld',
          lines: [
            `${ctx.actor.name} komt kijken in ${group}.`,
            appointmentSentence('kijkOpSchool', appointment, ctx.actor.name),
            `Wat de consulent wil bekijken: ${question}`,
            `Het bezoek staat als ${visitReference} onder "Mijn aanvragen".`,
          ],
          icsUrl: services.icsUrl(visitId),
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, outcome.ok ? `Kijk op School voorgesteld en ingepland: ${when} (${visitReference}).` : '');
});
