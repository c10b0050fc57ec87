// "Aanmelden voor JES" on a case: the JES form for the case's school, filled in from the case (pupil by
// initials, the question), carrying only the case's id. Review and Versturen are the normal JES dialog
// (features/requests: dialogs.ts, confirm.ts, jesLink.ts), which check the case again at every step.
// In the personal chat the form is the answer; on a channel card it goes to the clicker's own chat with the
// bot, where SOT staff file requests on a school's behalf (and where the dialog's steps may answer).
import crypto from 'node:crypto';
import { jesPrefill } from '../../domain/requests/jesFromCase.ts';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { placeOf } from '../../teams/routes.ts';
import { formCard } from '../requests/forms.ts';
import { formLink, refusalCard } from '../requests/jesLink.ts';
import { loadSchoolFor } from '../requests/schoolContext.ts';
import { checkAllowed, loadCase, rolesOf } from './act.ts';
import { caseCardFor } from './caseCard.ts';
import { answerWith, type Handler } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

export const IN_YOUR_CHAT = nl`Het aanmeldformulier voor het JES-overleg staat klaar in uw chat met de SOT-bot, ingevuld vanuit deze aanvraag. Vul het daar aan en verstuur het; daarna staat hier "Aangemeld voor JES".`;

export const fileJesForm: Handler = async (context, services, data) => {
  const ctx = await loadCase(context, services, data);
  if ('refusal' in ctx) return ctx.refusal;
  const refused = await checkAllowed(services, ctx, 'jes');
  if (refused) return answerWith(services, ctx, { ok: false, request: ctx.request, message: refused }, '');
  const { request, actor } = ctx;
  const school = await loadSchoolFor(services.db, [{ id: request.schoolId }], request.schoolId);
  if (!school) return refusalCard('De school van deze aanvraag is niet (meer) gevonden.');
  const origin = { requestId: request.id, reference: request.reference, typeLabel: REQUEST_KINDS[request.type].label };
  const form = formCard('jes', school, jesPrefill(request), {}, formLink(origin));
  if (placeOf(context) === 'personal') return form;

  await enqueue(services.db, {
    // Under the case's key: retention replaces it in Teams with the case's other messages.
    key: `request:${request.id}:jesForm:${actor.personId}:${crypto.randomUUID()}`,
    target: { type: 'person', personId: actor.personId },
    payload: { card: form, summary: `Aanmelden voor JES: ${request.reference}` },
  });
  services.nudgeDelivery();
  return caseCardFor(services, request, rolesOf(actor, request), IN_YOUR_CHAT);
};
