// How to reach people and tenants later: proactive messages need the conversation id and service URL
// of an earlier activity. Writes only when something changed (this process remembers what it stored).
import type { Db } from './database.ts';

const stored = new WeakMap<object, Map<string, string>>();
function needsWrite(db: object, key: string, value: string): boolean {
  const known = stored.get(db) ?? new Map<string, string>();
  stored.set(db, known);
  if (known.get(key) === value) return false;
  known.set(key, value);
  return true;
}

export async function rememberTenantService(db: Db, tenantId: string, serviceUrl: string): Promise<void> {
  if (!needsWrite(db, `tenant:${tenantId}`, serviceUrl)) return;
  await db.tenantService.upsert({ where: { tenantId }, create: { tenantId, serviceUrl }, update: { serviceUrl } });
}

export async function rememberTeamsUserId(db: Db, personId: string, teamsUserId: string): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { teamsUserId } });
}

export interface ChatReference {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  userId: string;
}

/** The 1:1 chat of a directory person, or of someone not (yet) in the directory, by AAD object id. */
/** `at`: the service clock, so retention (which forgets unknown people's chats) counts in the same time. */
export async function rememberPersonalChat(
  db: Db,
  who: { personId: string } | { aadObjectId: string },
  chat: ChatReference,
  at: Date,
): Promise<void> {
  const key = 'personId' in who ? who.personId : who.aadObjectId;
  if (!needsWrite(db, `chat:${key}`, `${chat.conversationId}|${chat.serviceUrl}|${chat.userId}`)) return;
  if ('personId' in who) {
    await db.personalConversation.upsert({ where: { personId: who.personId }, create: { personId: who.personId, ...chat }, update: chat });
  } else {
    await db.unknownUserConversation.upsert({
      where: { aadObjectId: who.aadObjectId },
      create: { aadObjectId: who.aadObjectId, ...chat, updatedAt: at },
      update: { ...chat, updatedAt: at },
    });
  }
}
