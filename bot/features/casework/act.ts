// The one path every consultant action takes: look the request up (card data is never trusted),
// ask the lifecycle whether this person may do this now, apply the change with its history entry,
// card updates and notifications in one transaction, and answer with a fresh card.
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { decide, mayReadDetails, rolesFor, type RequestAction, type RequestRole } from '../../domain/requests/lifecycle.ts';
import { STATUS_LABEL, type RequestStatus } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import type { Tx } from '../../store/database.ts';
import { lockFor } from '../../store/locks.ts';
import { auditRead, loadRequest, recordEvent, type RequestWithContext } from '../../store/requests.ts';
import { resolveActor } from '../../teams/turn.ts';
import { refreshRequestCards } from '../requests/channelPosts.ts';
import { notifyCoordinator } from './notify.ts';
import { nl } from '../../domain/wording/register.ts';
import { appointmentAhead } from '../../domain/requests/appointments.ts';

export interface CaseContext {
  actor: Actor;
  request: RequestWithContext;
  roles: RequestRole[];
}

/** Before showing an action's form: may this person do it now? Returns the reason when not. */
export async function checkAllowed(services: Services, ctx: CaseContext, action: RequestAction): Promise<string | null> {
  const decision = decide(action, { type: ctx.request.type, status: ctx.request.status }, ctx.roles);
  return decision.allowed ? null : explainRefusal(services.db, ctx.request, ctx.actor, action, decision.reason);
}

export function rolesOf(actor: Actor, request: { consultantId: string; handlerId: string | null; schoolId: string }) {
  return rolesFor(
    {
      personId: actor.personId,
      isAdmin: actor.isAdmin,
      isThuiszittersteam: actor.isThuiszittersteam,
      schoolIds: actor.schools.map((s) => s.id),
    },
    request,
  );
}

/** Looks up the request named in the card data, and who the actor is to it. Null when they have nothing to do with it. */
export async function loadCase(
  context: TurnContext,
  services: Services,
  data: Record<string, unknown>,
): Promise<CaseContext | { refusal: AdaptiveCardJson }> {
  const actor = await resolveActor(context, services);
  if (!actor)
    return refuse(
      nl`U staat niet in de organisatielijst`,
      'Alleen medewerkers van het SOT en coördinatoren van de school kunnen met deze aanvraag werken.',
    );
  const request = typeof data.requestId === 'string' ? await loadRequest(services.db, data.requestId) : null;
  if (!request || request.swvId !== actor.swvId) return refuse('Aanvraag niet gevonden', 'Deze aanvraag bestaat niet (meer).');
  const roles = rolesOf(actor, request);
  const sotStaff = actor.isAdmin || actor.isConsultant || actor.isThuiszittersteam;
  // SOT colleagues without a role on this request see the shared card only (caseCard.ts).
  if (roles.length === 0 && !sotStaff) return refuse('Geen toegang', nl`Deze aanvraag hoort niet bij uw school.`);
  if (mayReadDetails({ type: request.type }, roles)) {
    await auditRead(services.db, actor.personId, request.id, String(context.activity.value?.action?.verb ?? 'card'), services.now());
  }
  return { actor, request, roles };
}

function refuse(title: string, text: string) {
  return { refusal: noticeCard({ title, tone: 'attention', paragraphs: [text] }) as AdaptiveCardJson };
}

export type Applied = {
  refuse?: string;
  note?: string;
  to?: RequestStatus;
  coordinatorMessage?: { title: string; lines: string[]; facts?: { label: string; value: string }[]; icsUrl?: string; answer?: boolean };
};

export type ActOutcome = { ok: true; request: RequestWithContext } | { ok: false; request: RequestWithContext; message: string };

class Refused extends Error {}

/** Why an action is refused, in words the person understands. */
export async function explainRefusal(
  tx: Tx | Services['db'],
  request: RequestWithContext,
  actor: Actor,
  action: RequestAction,
  reason: 'role' | 'state' | 'type',
): Promise<string> {
  if (reason === 'type') return `Dit kan niet bij een ${REQUEST_KINDS[request.type].label.toLowerCase()}.`;
  if (reason === 'role') {
    const tzt = request.type === 'thuiszitter' ? ' of een lid van het Thuiszittersteam' : '';
    return `Alleen ${request.consultant.name} (de consulent van deze aanvraag)${tzt} kan dit doen.`;
  }
  if (action === 'claim' && request.handlerId) {
    if (request.handlerId === actor.personId) return nl`U heeft deze aanvraag al opgepakt.`;
    const handler = await tx.person.findUnique({ where: { id: request.handlerId }, select: { name: true } });
    return `Al opgepakt door ${handler?.name ?? 'een collega'}.`;
  }
  return `Dit kan niet meer: de aanvraag staat nu op "${STATUS_LABEL[request.status]}".`;
}

/**
 * Runs one action under a per-request lock. Two people at once: one wins, the other is told why not.
 * `apply` makes the change itself (fields on the request) and returns the history note.
 */
export async function act(
  services: Services,
  ctx: CaseContext,
  action: RequestAction,
  apply: (tx: Tx, request: RequestWithContext, decidedTo: RequestStatus | undefined) => Promise<Applied>,
  /** The id of the form that was submitted: a repeated submit of the same form changes nothing. */
  formId?: string,
): Promise<ActOutcome> {
  const { db } = services;
  const attempt = db.$transaction(async (tx) => {
    await lockFor(tx, `request:${ctx.request.id}`);
    if (formId && (await tx.requestEvent.findUnique({ where: { formId } }))) return { ok: true as const, repeated: true };
    const request = (await loadRequest(tx, ctx.request.id))!;
    const roles = rolesOf(ctx.actor, request);
    const decision = decide(action, { type: request.type, status: request.status }, roles);
    if (!decision.allowed) return { ok: false as const, message: await explainRefusal(tx, request, ctx.actor, action, decision.reason) };
    const from = request.status;
    const applied = await apply(tx, request, decision.to);
    if (applied.refuse) throw new Refused(applied.refuse); // rolls back anything apply wrote
    const to = applied.to ?? decision.to ?? from;
    if (to !== from) {
      await tx.request.update({ where: { id: request.id }, data: { status: to, closedAt: to === 'closed' ? services.now() : undefined } });
    }
    const event = await recordEvent(tx, {
      requestId: request.id,
      actorId: ctx.actor.personId,
      action,
      fromStatus: from,
      toStatus: to,
      note: applied.note?.slice(0, 500),
      formId,
      at: services.now(),
    });
    await refreshRequestCards(tx, request.id, String(event.id));
    const message = applied.coordinatorMessage;
    if (message) {
      // Whichever way a case is closed (Afronden, an advice, Terug naar school), an appointment still to come
      // does not take place: the school is told, and the same calendar link now gives a cancellation (ics.ts).
      const cancels = to === 'closed' && from !== 'closed' && appointmentAhead(request.appointment, services.now());
      await notifyCoordinator(
        tx,
        request,
        String(event.id),
        cancels
          ? {
              ...message,
              lines: [...message.lines, nl`De geplande afspraak gaat niet door; met de agenda-uitnodiging haalt u die uit uw agenda.`],
              icsUrl: services.icsUrl(request.id),
            }
          : message,
      );
    }
    return { ok: true as const };
  });
  const result = await attempt.catch((err) => {
    if (err instanceof Refused) return { ok: false as const, message: err.message };
    throw err;
  });
  if (result.ok && !('repeated' in result)) services.nudgeDelivery();
  const fresh = (await loadRequest(db, ctx.request.id))!;
  return result.ok ? { ok: true, request: fresh } : { ok: false, request: fresh, message: result.message };
}
