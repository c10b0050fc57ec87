import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { isFormKind, REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { aboutTail } from '../../domain/requests/aboutLine.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { schoolContacts } from '../../store/requestQueries.ts';
import type { Services } from '../../services.ts';
import { assignReference, insertRequest, loadRequest } from '../../store/requests.ts';
import { filerOrHome, onBehalf } from './dialogs.ts';
import { formCard, formValues, parseForm } from './forms.ts';
import { destinationNames, newRequestDestinations, routeNewRequest } from './channelPosts.ts';
import { loadSchoolFor } from './schoolContext.ts';
import { coordinatorSummary } from './views.ts';
import { lockFor } from '../../store/locks.ts';
import { checkOrigin, formLink, originFromCard, originText, recordJesLink, refusalCard } from './jesLink.ts';
import { nl } from '../../domain/wording/register.ts';

/** The case a JES-overleg is filed from no longer allows it (checked again under its lock): nothing is stored. */
class LinkRefused extends Error {}

/**
 * "Versturen": stores the request and its channel post in one transaction. The same click arriving
 * twice (double click, Teams retry) finds the request the first one made.
 */
export async function confirmRequest(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const { db } = services;
  const who = await filerOrHome(context, services);
  if ('card' in who) return who.card;
  const { actor } = who;
  const form = typeof data.type === 'string' && isFormKind(data.type) ? data.type : undefined;
  const submissionId = typeof data.submissionId === 'string' ? data.submissionId.slice(0, 100) : '';
  if (!form || !submissionId) return staleCard();

  const school = await loadSchoolFor(db, who.schools, typeof data.schoolId === 'string' ? data.schoolId : undefined);
  if (!school) return staleCard();
  const values = data.values && typeof data.values === 'object' ? formValues(data.values as Record<string, unknown>) : {};
  const now = services.now();
  // "Aanmelden voor JES": the case named on the card is looked up and checked here, and again under its lock.
  const linked = await originFromCard(db, actor, form, data, school.id);
  // A repeated click after the case was closed finds the JES-overleg the first click made.
  const refused = async (reason: string) => {
    const existing = await db.request.findUnique({ where: { submissionKey: submissionId } });
    return existing ? alreadySent(services, existing.id, actor.personId) : refusalCard(reason);
  };
  if ('refusal' in linked) return refused(linked.refusal);
  const origin = linked.origin;
  const parsed = parseForm(form, school, values, now);
  if (!parsed.ok) return formCard(form, school, values, parsed.errors, formLink(origin));
  const { type } = parsed.value;

  // One short transaction: the channel post, the request with its history, and its number last. A repeated
  // click (double click, Teams retry) is caught by the unique submission key and finds the first request.
  const requestId = crypto.randomUUID();
  const routing = { id: requestId, type, swvId: school.swvId, consultantId: school.consultantId };
  try {
    await db.$transaction(async (tx) => {
      if (origin) {
        await lockFor(tx, `request:${origin.requestId}`);
        const again = await checkOrigin(tx, actor, origin.requestId, school.id);
        if ('refusal' in again) throw new LinkRefused(again.refusal);
      }
      const threadKey = await routeNewRequest(tx, routing, undefined, { consultant: school.consultant, swv: school.swv });
      const enteredBySot = onBehalf(actor, school.id);
      const fields = { submissionKey: submissionId, swvId: school.swvId, schoolId: school.id, requesterId: actor.personId, enteredBySot };
      const linkedRequestId = origin?.requestId;
      await insertRequest(
        tx,
        { ...parsed.value, ...fields, id: requestId, threadKey, consultantId: school.consultantId, linkedRequestId },
        now,
      );
      const reference = await assignReference(tx, requestId, now);
      // The case it came from records it (history, refreshed cards) in this same transaction: a repeated click
      // fails on the submission key above and leaves neither a second JES-overleg nor a second entry.
      if (origin)
        await recordJesLink(tx, { originId: origin.requestId, actorId: actor.personId, jesReference: reference, submissionId, at: now });
      if (enteredBySot) {
        const kind = REQUEST_KINDS[type];
        const card = noticeCard({
          title: `${kind.label} ${reference}: ingevoerd door het SOT — ${aboutTail(parsed.value)}`,
          paragraphs: [
            origin
              ? nl`${actor.name} (SOT) heeft namens ${school.name} ${originText(origin)} aangemeld voor het JES-overleg: elke leerling die de school met het SOT bespreekt, komt ook in het JES-overleg. U krijgt hier bericht over elke stap; u vindt de aanvraag ook onder "Mijn aanvragen".`
              : nl`${actor.name} (SOT) heeft namens ${school.name} een ${kind.inSentence} ingevoerd, bijvoorbeeld na een telefoontje of e-mail. U krijgt hier bericht over elke stap; u vindt de aanvraag ook onder "Mijn aanvragen".`,
          ],
          actions: [{ title: `Bekijk ${reference}`, verb: 'request.view', data: { requestId } }],
        });
        for (const personId of await schoolContacts(tx, { ...fields, enteredBySot })) {
          await enqueue(tx, {
            key: `request:${requestId}:entered:${personId}`,
            target: { type: 'person', personId },
            payload: { card, summary: 'Aanvraag ingevoerd door het SOT' },
          });
        }
      }
    });
  } catch (err) {
    if (err instanceof LinkRefused) return refused(err.message);
    if ((err as { code?: string }).code === 'P2002') {
      const existing = await db.request.findUnique({ where: { submissionKey: submissionId } });
      if (existing) return alreadySent(services, existing.id, actor.personId);
    }
    throw err;
  }
  services.nudgeDelivery();
  const request = (await loadRequest(db, requestId))!;
  return coordinatorSummary(db, request, now, {
    banner: nl`Verstuurd naar ${joinNames(destinationNames(newRequestDestinations(type, school.consultant, school.swv), request.consultant.name))}. Uw referentie: ${request.reference}.`,
  });
}

async function alreadySent(services: Services, requestId: string, personId: string): Promise<AdaptiveCardJson> {
  const request = (await loadRequest(services.db, requestId))!;
  if (request.requesterId !== personId) return staleCard();
  return coordinatorSummary(services.db, request, services.now(), {
    banner: nl`Deze aanvraag is al verstuurd. Uw referentie: ${request.reference}.`,
  });
}

function staleCard(): AdaptiveCardJson {
  return noticeCard({
    title: 'Deze kaart is verlopen',
    tone: 'attention',
    paragraphs: ['Er is niets verstuurd. Begin opnieuw vanuit het menu.'],
    actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
  }) as AdaptiveCardJson;
}

/** "A", "A en B", "A, B en C". */
const joinNames = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}` : (names[0] ?? '');
