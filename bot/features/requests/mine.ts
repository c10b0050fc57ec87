// "Mijn aanvragen": a coordinator's open and recent requests, one request's history, withdrawing.
import { aboutLine } from '../../domain/requests/aboutLine.ts';
import { formatDateTime } from '../../domain/time.ts';
import type { TurnContext } from 'botbuilder';
import { myRequestsCard } from '../../../cards/requestCards.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { STATUS_LABEL } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { auditRead, loadRequest, recordEvent } from '../../store/requests.ts';
import { lockFor } from '../../store/locks.ts';
import { currentRequest, requestsOfSchools } from '../../store/requestQueries.ts';
import { decide, rolesFor } from '../../domain/requests/lifecycle.ts';
import { coordinatorOrHome } from './dialogs.ts';
import { refreshRequestCards } from './channelPosts.ts';
import { coordinatorSummary, nextStep } from './views.ts';
import { nl } from '../../domain/wording/register.ts';

const RECENT_DAYS = 60;

export async function listMine(context: TurnContext, services: Services): Promise<AdaptiveCardJson> {
  const who = await coordinatorOrHome(context, services);
  if ('card' in who) return who.card;
  const since = new Date(services.now().getTime() - RECENT_DAYS * 86_400_000);
  const requests = await requestsOfSchools(
    services.db,
    who.actor.schools.map((s) => s.id),
    since,
    20,
  );
  const handlerIds = [...new Set(requests.map((r) => r.handlerId).filter((id): id is string => !!id))];
  const handlers = new Map(
    (await services.db.person.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  const severalSchools = who.actor.schools.length > 1;
  return myRequestsCard({
    recentDays: RECENT_DAYS,
    asOf: formatDateTime(services.now()),
    items: requests.map((r) => ({
      id: r.id,
      reference: r.reference,
      about: aboutLine(r, { school: severalSchools ? r.school.name : undefined }),
      status: STATUS_LABEL[r.status],
      consultant: r.consultant.name,
      nextStep: nextStep(r, r.consultant.name, r.handlerId ? handlers.get(r.handlerId) : undefined, services.now()),
    })),
  });
}

/** Coordinators see the requests of their own schools, nothing else. */
async function visibleRequest(services: Services, actor: Actor, requestId: unknown) {
  if (typeof requestId !== 'string') return null;
  const request = await loadRequest(services.db, requestId);
  if (!request || !actor.schools.some((s) => s.id === request.schoolId)) return null;
  return request;
}

const notFound = () =>
  noticeCard({
    title: 'Aanvraag niet gevonden',
    tone: 'attention',
    paragraphs: [nl`Deze aanvraag bestaat niet of hoort niet bij uw school.`],
    actions: [{ title: 'Mijn aanvragen', verb: 'mine.list' }],
  }) as AdaptiveCardJson;

export async function viewRequest(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const who = await coordinatorOrHome(context, services);
  if ('card' in who) return who.card;
  const request = await visibleRequest(services, who.actor, data.requestId);
  if (!request) return notFound();
  await auditRead(services.db, who.actor.personId, request.id, 'request.view', services.now());
  return coordinatorSummary(services.db, request, services.now());
}

/** Withdraw a request nobody picked up yet; the channel card shows it. */
export async function withdrawRequest(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const who = await coordinatorOrHome(context, services);
  if ('card' in who) return who.card;
  const { actor } = who;
  const request = await visibleRequest(services, actor, data.requestId);
  if (!request) return notFound();
  const outcome = await services.db.$transaction(async (tx) => {
    await lockFor(tx, `request:${request.id}`);
    const current = await currentRequest(tx, request.id);
    if (current.status === 'withdrawn') return 'already' as const;
    const roles = rolesFor(
      {
        personId: actor.personId,
        isAdmin: actor.isAdmin,
        isThuiszittersteam: actor.isThuiszittersteam,
        schoolIds: actor.schools.map((s) => s.id),
      },
      current,
    );
    if (!decide('withdraw', { type: current.type, status: current.status }, roles).allowed) return 'picked' as const;
    await tx.request.update({ where: { id: request.id }, data: { status: 'withdrawn', closedAt: services.now() } });
    const event = await recordEvent(tx, {
      requestId: request.id,
      actorId: actor.personId,
      action: 'withdrawn',
      fromStatus: 'new',
      toStatus: 'withdrawn',
      at: services.now(),
    });
    await refreshRequestCards(tx, request.id, String(event.id));
    return 'done' as const;
  });
  if (outcome === 'done') services.nudgeDelivery();
  const fresh = (await loadRequest(services.db, request.id))!;
  const message =
    outcome === 'picked'
      ? `Intrekken kan niet meer: ${fresh.consultant.name} heeft de aanvraag al opgepakt. Neem contact op met de consulent als de vraag vervalt.`
      : undefined;
  return coordinatorSummary(services.db, fresh, services.now(), {
    banner: outcome === 'done' ? 'De aanvraag is ingetrokken.' : undefined,
    message,
  });
}
