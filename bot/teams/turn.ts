import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../domain/roles.ts';
import type { Services } from '../services.ts';
import { actorByAadObjectId, linkByEmail } from '../store/directory.ts';
import { rememberPersonalChat, rememberTeamsUserId, rememberTenantService } from '../store/conversations.ts';
import { tenantOf } from './trust.ts';

const ROUTE_KEY = Symbol('sot.route');
const ACTOR_KEY = Symbol('sot.actor');

/** Names the route that handles this turn (for the one log line per turn). */
export function setRoute(context: TurnContext, route: string): void {
  context.turnState.set(ROUTE_KEY, route);
}
export function getRoute(context: TurnContext): string | undefined {
  return context.turnState.get(ROUTE_KEY);
}

export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === 'personal' || (!type && !context.activity.conversation?.isGroup);
}

/**
 * Who is acting: a person from the directory, or null. Recognised by Teams user id; on first
 * contact by e-mail through the Teams member API, after which the id is stored.
 */
export async function resolveActor(context: TurnContext, services: Services): Promise<Actor | null> {
  if (context.turnState.has(ACTOR_KEY)) return context.turnState.get(ACTOR_KEY);
  const aadObjectId = context.activity.from?.aadObjectId;
  let actor: Actor | null = null;
  // The tenant gate (trust.ts) has already refused activities from tenants that are not served.
  const tenantId = tenantOf(context.activity) ?? undefined;
  if (aadObjectId) {
    actor = await actorByAadObjectId(services.db, aadObjectId, tenantId);
    if (!actor) {
      const email = await memberEmail(context, services);
      if (email) actor = await linkByEmail(services.db, email, aadObjectId, tenantId);
    }
  }
  context.turnState.set(ACTOR_KEY, actor);
  return actor;
}

/** The e-mail Teams reports for the sender, or undefined when the member API cannot tell. */
export async function memberEmail(context: TurnContext, services: Services): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return (member.email || member.userPrincipalName || undefined)?.toLowerCase();
  } catch (err) {
    services.logger.warn({ err: (err as Error).message }, 'member lookup failed');
    return undefined;
  }
}

/**
 * Remembers how to reach this user and tenant later (proactive messages need the
 * conversation id and service URL from an earlier activity).
 */
export async function rememberConversation(context: TurnContext, services: Services, actor: Actor | null): Promise<void> {
  const a = context.activity;
  // As Teams spells it: the sender looks the service URL up by the organisation file's tenant id.
  const tenantId: string | undefined = a.conversation?.tenantId ?? a.channelData?.tenant?.id;
  const { db } = services;
  if (tenantId && a.serviceUrl) await rememberTenantService(db, tenantId, a.serviceUrl);
  if (actor && a.from?.id && actor.teamsUserId !== a.from.id) {
    await rememberTeamsUserId(db, actor.personId, a.from.id);
    actor.teamsUserId = a.from.id;
  }
  if (!isPersonalChat(context) || !a.conversation?.id || !a.serviceUrl) return;
  const chat = { conversationId: a.conversation.id, serviceUrl: a.serviceUrl, tenantId, userId: a.from.id };
  if (actor) await rememberPersonalChat(db, { personId: actor.personId }, chat, services.now());
  else if (a.from?.aadObjectId) await rememberPersonalChat(db, { aadObjectId: a.from.aadObjectId }, chat, services.now());
}
