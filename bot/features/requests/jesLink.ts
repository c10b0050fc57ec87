// Aanmelden voor JES: a JES-overleg filed from a case the school discusses with the SOT (spreekuur, thuiszitter
// signal, advice request, Kijk op School). Form, review and Versturen are the normal JES dialog; only the case's
// id travels on the cards, and every step looks the case up again and asks the lifecycle (action 'jes') whether
// this person may still file from it. Versturen links the two and records it on the case in one transaction.
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { type FormKind, REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { decide, rolesFor } from '../../domain/requests/lifecycle.ts';
import { isRequestType, STATUS_LABEL } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Db, Tx } from '../../store/database.ts';
import { currentRequest } from '../../store/requestQueries.ts';
import { toRecord } from '../../store/requestRecords.ts';
import { recordEvent } from '../../store/requests.ts';
import { refreshRequestCards } from './channelPosts.ts';
import { nl } from '../../domain/wording/register.ts';

/** The case a JES-overleg comes from, as the cards name it. */
export interface JesOrigin {
  requestId: string;
  reference: string;
  typeLabel: string;
}

/** The case's id from the card data: only for a JES-overleg, and nothing else from the card is used. */
export function linkedIdOf(type: FormKind, data: Record<string, unknown>): string | undefined {
  const id = data.linkedRequestId;
  return type === 'jes' && typeof id === 'string' && id ? id.slice(0, 100) : undefined;
}

/**
 * May this person file a JES-overleg for this school from this case, now? The case is read from the
 * database: it must exist in their SWV, be open, be of a type that goes to the JES, be theirs (its
 * consultant or handler, or a coordinator of its school) and belong to the school the JES-overleg is for.
 */
export async function checkOrigin(
  db: Db | Tx,
  actor: Actor,
  requestId: string,
  schoolId: string,
): Promise<{ origin: JesOrigin } | { refusal: string }> {
  const row = await db.request.findUnique({ where: { id: requestId } });
  if (!row || row.swvId !== actor.swvId) return { refusal: nl`De aanvraag waaruit u wilt aanmelden, bestaat niet (meer).` };
  const origin = toRecord(row);
  const roles = rolesFor(
    {
      personId: actor.personId,
      isAdmin: actor.isAdmin,
      isThuiszittersteam: actor.isThuiszittersteam,
      schoolIds: actor.schools.map((s) => s.id),
    },
    origin,
  );
  const decision = decide('jes', { type: origin.type, status: origin.status }, roles);
  if (!decision.allowed) {
    switch (decision.reason) {
      case 'type':
        return {
          refusal:
            origin.type === 'jes'
              ? `${origin.reference} is zelf al een JES-overleg.`
              : nl`Vanuit een ${REQUEST_KINDS[origin.type].inSentence} kunt u niet aanmelden voor JES.`,
        };
      case 'role':
        return {
          refusal: nl`U kunt ${origin.reference} niet aanmelden voor JES: dat kan alleen de consulent van die aanvraag, of een coördinator van de school.`,
        };
      case 'state':
        return {
          refusal: `${origin.reference} is ${STATUS_LABEL[origin.status].toLowerCase()}. Aanmelden voor JES kan alleen vanuit een aanvraag die nog loopt.`,
        };
    }
  }
  if (origin.schoolId !== schoolId) {
    return {
      refusal: `Het JES-overleg hoort bij dezelfde school als ${origin.reference}. Begin opnieuw met "Aanmelden voor JES" op die aanvraag.`,
    };
  }
  return { origin: { requestId: origin.id, reference: origin.reference, typeLabel: REQUEST_KINDS[origin.type].label } };
}

/** The case named on a JES card, checked (see checkOrigin); nothing when the card names none. */
export async function originFromCard(
  db: Db | Tx,
  actor: Actor,
  type: FormKind,
  data: Record<string, unknown>,
  schoolId: string,
): Promise<{ origin?: JesOrigin } | { refusal: string }> {
  const id = linkedIdOf(type, data);
  return id ? checkOrigin(db, actor, id, schoolId) : {};
}

/** What the JES form carries of the case: its id, and the line that says where it comes from. */
export const formLink = (origin: JesOrigin | undefined) => origin && { requestId: origin.requestId, line: originLine(origin) };

/** The line on the JES form that says where it comes from. */
export const originLine = (origin: JesOrigin) =>
  nl`Aanmelding vanuit ${origin.reference} (${origin.typeLabel}). Leerling en vraag zijn overgenomen uit die aanvraag; u kunt alles nog aanpassen.`;

/** "Komt voort uit: SOT-2026-0001 (Spreekuur)" */
export const originText = (origin: { reference: string; typeLabel: string }) => `${origin.reference} (${origin.typeLabel})`;

export function refusalCard(reason: string): AdaptiveCardJson {
  return noticeCard({
    title: 'Aanmelden voor JES kan niet',
    tone: 'attention',
    paragraphs: [reason, 'Er is niets verstuurd.'],
    actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
  }) as AdaptiveCardJson;
}

/**
 * On the case, inside the Versturen transaction that stored the JES-overleg: a history entry (its state
 * stays) and its cards refreshed, so they show "Aangemeld voor JES". The caller holds the case's lock.
 */
export async function recordJesLink(
  tx: Tx,
  e: { originId: string; actorId: string; jesReference: string; submissionId: string; at: Date },
): Promise<void> {
  const status = (await currentRequest(tx, e.originId)).status;
  const event = await recordEvent(tx, {
    requestId: e.originId,
    actorId: e.actorId,
    action: 'jes',
    fromStatus: status,
    toStatus: status,
    note: `JES-overleg ${e.jesReference}`,
    formId: `jes-link:${e.submissionId}`,
    at: e.at,
  });
  await refreshRequestCards(tx, e.originId, String(event.id));
}

/** The links a request card shows: where a JES-overleg came from, and the JES-overleggen filed from a case. */
export function linkFacts(request: {
  linkedRequest: { reference: string; type: string } | null;
  linkedFrom: { reference: string }[];
}): { label: string; value: string }[] {
  const facts: { label: string; value: string }[] = [];
  const from = request.linkedRequest;
  if (from && isRequestType(from.type)) {
    facts.push({ label: 'Komt voort uit', value: originText({ reference: from.reference, typeLabel: REQUEST_KINDS[from.type].label }) });
  }
  if (request.linkedFrom.length) facts.push({ label: 'Aangemeld voor JES', value: request.linkedFrom.map((r) => r.reference).join(', ') });
  return facts;
}
