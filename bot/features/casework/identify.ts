// Leerling alsnog noemen: a case that began as anonymous sparring continues with the pupil named.
// Only the school's coordinator does this; the channel card then shows initials, as for any pupil.
import crypto from 'node:crypto';
import type { Prisma } from '../../store/generated/client.ts';
import { actionFormCard, type FormInput } from '../../../cards/actionForm.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { parseBirthDate } from '../../domain/requests/thuiszitter.ts';
import { initialsOf, type Pupil } from '../../domain/requests/types.ts';
import { coordinatorSummary } from '../requests/views.ts';
import { act, checkAllowed, type CaseContext } from './act.ts';
import { formIdOf, onCase } from './handler.ts';

function inputs(ctx: CaseContext): FormInput[] {
  return ctx.request.type === 'thuiszitter'
    ? [
        { kind: 'text', id: 'pupilName', label: 'Naam leerling', maxLength: 100 },
        { kind: 'text', id: 'pupilBirthDate', label: 'Geboortedatum (dd-mm-jjjj)', maxLength: 10, placeholder: 'dd-mm-jjjj' },
      ]
    : [
        { kind: 'text', id: 'pupilInitials', label: 'Initialen leerling', maxLength: 10 },
        { kind: 'text', id: 'pupilGroup', label: 'Groep of leerjaar', maxLength: 30 },
      ];
}

function identifyForm(ctx: CaseContext, values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  return actionFormCard({
    title: `Leerling alsnog noemen: ${ctx.request.reference}`,
    subtitle: ctx.request.school.name,
    intro: 'Deze aanvraag noemt de leerling nog niet (volledig). Vul hier de gegevens van de leerling in; de consulent ziet ze daarna ook.',
    inputs: inputs(ctx),
    values,
    errors,
    submit: { title: 'Opslaan', verb: 'request.identify', data: { requestId: ctx.request.id, formId: crypto.randomUUID() } },
    cancel: { verb: 'request.view', data: { requestId: ctx.request.id } },
  });
}

export const identifyPupilForm = onCase(async (ctx, services) => {
  const refused = await checkAllowed(services, ctx, 'identify');
  if (refused) return coordinatorSummary(services.db, ctx.request, services.now(), { message: refused });
  return identifyForm(ctx);
});

export const identifyPupil = onCase(async (ctx, services, data) => {
  const now = services.now();
  const f = new FormReader(data, now);
  let pupil: Pupil | undefined;
  if (ctx.request.type === 'thuiszitter') {
    const name = f.text('pupilName', { required: 'Vul de naam van de leerling in.', max: 100, label: 'Naam' });
    const birthText = f.raw('pupilBirthDate');
    const birthDate = birthText ? parseBirthDate(birthText, now) : undefined;
    if (!birthText) f.fail('pupilBirthDate', 'Vul de geboortedatum in (dd-mm-jjjj).');
    else if (!birthDate) f.fail('pupilBirthDate', 'Vul een bestaande geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-2014.');
    if (/^x{2,}$/i.test(name)) f.fail('pupilName', 'Vul de echte naam in; "xxx" betekent anoniem.');
    const group = ctx.request.pupil?.kind === 'identified' ? ctx.request.pupil.group : undefined;
    pupil = { kind: 'identified', name, birthDate, initials: initialsOf(name), ...(group ? { group } : {}) };
  } else {
    const initials = f.text('pupilInitials', { required: 'Vul de initialen van de leerling in.', max: 10, label: 'Initialen' });
    const group = f.text('pupilGroup', { required: 'Vul de groep of het leerjaar in.', max: 30, label: 'Groep' });
    pupil = { kind: 'identified', name: initials, initials, group };
  }
  if (!f.ok) {
    const values = Object.fromEntries(inputs(ctx).map((i) => [i.id, String(data[i.id] ?? '')]));
    return identifyForm(ctx, values, f.errors);
  }
  const outcome = await act(
    services,
    ctx,
    'identify',
    async (tx, request) => {
      await tx.request.update({ where: { id: request.id }, data: { pupil: pupil as Prisma.InputJsonValue } });
      return {}; // no note: the history must not repeat pupil data
    },
    formIdOf(data),
  );
  return coordinatorSummary(
    services.db,
    outcome.request,
    now,
    outcome.ok ? { banner: 'De gegevens van de leerling zijn opgeslagen.' } : { message: outcome.message },
  );
});
