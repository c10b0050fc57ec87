import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { registrationCard } from '../../../cards/registration.ts';
import { registrationReviewCard } from '../../../cards/registrationReview.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { enqueue } from '../../delivery/outbox.ts';
import type { Services } from '../../services.ts';
import type { Db, Tx } from '../../store/database.ts';
import { activeSwv } from '../../store/directory.ts';
import { lockFor } from '../../store/locks.ts';
import { cleanText } from '../../domain/text.ts';
import { memberEmail, resolveActor } from '../../teams/turn.ts';
import { nl } from '../../domain/wording/register.ts';

const SubmitSchema = z.object({
  schoolId: z.string({ required_error: nl`Kies uw school.` }).trim().min(1, nl`Kies uw school.`),
  role: z.string().trim().max(100, nl`Houd uw functie korter dan 100 tekens.`).optional().default(''),
});

async function activeSchools(db: Db) {
  const swv = await activeSwv(db);
  if (!swv) return [];
  return db.school.findMany({
    where: { swvId: swv.id, active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, brin: true },
  });
}

/** The card for someone unknown: the registration form, or the status of their registration. */
export async function registrationPrompt(services: Services, aadObjectId?: string): Promise<AdaptiveCardJson> {
  const latest = aadObjectId
    ? await services.db.registration.findFirst({ where: { aadObjectId }, orderBy: { createdAt: 'desc' }, include: { school: true } })
    : null;
  if (latest?.status === 'pending') return pendingCard(latest.school.name);
  const schools = await activeSchools(services.db);
  const note =
    latest?.status === 'rejected'
      ? nl`Uw eerdere aanmelding voor ${latest.school.name} is niet goedgekeurd. Neem bij vragen contact op met het SOT-bureau, of meld u opnieuw aan.`
      : undefined;
  return registrationCard({ schools, note });
}

function pendingCard(school: string): AdaptiveCardJson {
  return noticeCard({
    title: nl`Uw aanmelding wacht op goedkeuring`,
    paragraphs: [
      nl`U heeft zich aangemeld voor ${school}. Het SOT-bureau beoordeelt uw aanmelding; u krijgt hier bericht zodra dat gebeurd is.`,
      nl`Tot dan kunt u nog geen aanvragen doen.`,
    ],
  }) as AdaptiveCardJson;
}

export async function submitRegistration(
  context: TurnContext,
  services: Services,
  data: Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const { db } = services;
  const aadObjectId = context.activity.from?.aadObjectId;
  if (!aadObjectId) {
    return noticeCard({
      title: 'Aanmelden lukt hier niet',
      tone: 'attention',
      paragraphs: [nl`Teams gaf geen gebruikers-id mee. Open de SOT-bot in uw eigen chat in Teams.`],
    }) as AdaptiveCardJson;
  }
  if (await resolveActor(context, services)) {
    return noticeCard({
      title: nl`U bent al aangemeld`,
      paragraphs: ['Typ "menu" om een aanvraag te doen.'],
      actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
    }) as AdaptiveCardJson;
  }
  const schools = await activeSchools(db);
  const values = { schoolId: String(data.schoolId ?? ''), role: String(data.role ?? '') };
  const parsed = SubmitSchema.safeParse({ ...data, role: typeof data.role === 'string' ? cleanText(data.role) : data.role });
  const school = parsed.success ? schools.find((s) => s.id === parsed.data.schoolId) : undefined;
  if (!parsed.success || !school) {
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    else errors.schoolId = nl`Deze school staat niet (meer) in de lijst. Kies uw school opnieuw.`;
    return registrationCard({ schools, values, errors });
  }

  const email = await memberEmail(context, services);
  const name = context.activity.from.name?.trim() || 'Onbekende gebruiker';
  const swv = await activeSwv(db);
  const result = await db.$transaction(async (tx) => {
    await lockFor(tx, `registration:${aadObjectId}`);
    const pending = await tx.registration.findFirst({ where: { aadObjectId, status: 'pending' }, include: { school: true } });
    if (pending) return { registrationId: pending.id, school: pending.school.name, created: false };
    const registration = await tx.registration.create({
      data: { aadObjectId, name, email, schoolId: school.id, role: parsed.data.role, createdAt: services.now() },
    });
    await tx.auditEntry.create({
      data: { action: 'registration.submit', subjectType: 'registration', subjectId: registration.id, details: { schoolId: school.id } },
    });
    await notifyReviewers(tx, swv, registration.id);
    return { registrationId: registration.id, school: school.name, created: true };
  });
  if (result.created) services.nudgeDelivery();
  return pendingCard(result.school);
}

/** Sends the approval card to the SOT office channel, or else to every admin 1:1. */
async function notifyReviewers(tx: Tx, swv: Awaited<ReturnType<typeof activeSwv>>, registrationId: string) {
  const payload = { render: 'registrationReview', args: { registrationId } };
  if (swv?.adminTeamId && swv.adminChannelId) {
    await enqueue(tx, {
      key: `registration:${registrationId}:review:channel`,
      target: { type: 'channel', teamId: swv.adminTeamId, channelId: swv.adminChannelId, tenantId: swv.tenantId ?? undefined },
      payload,
    });
    return;
  }
  const admins = await tx.person.findMany({ where: { isAdmin: true, active: true, ...(swv ? { swvId: swv.id } : {}) } });
  for (const admin of admins) {
    await enqueue(tx, {
      key: `registration:${registrationId}:review:${admin.id}`,
      target: { type: 'person', personId: admin.id },
      payload,
      orderKey: `registration:${registrationId}:review:${admin.id}`,
    });
  }
}

const DecisionSchema = z.object({ registrationId: z.string().min(1) });

export async function decideRegistration(
  context: TurnContext,
  services: Services,
  data: Record<string, unknown>,
  decision: 'approved' | 'rejected',
): Promise<AdaptiveCardJson> {
  const { db } = services;
  const actor = await resolveActor(context, services);
  const parsed = DecisionSchema.safeParse(data);
  if (!parsed.success)
    return noticeCard({
      title: 'Deze kaart is niet meer geldig',
      tone: 'attention',
      paragraphs: ['Vraag het SOT-bureau om de aanmelding opnieuw te bekijken.'],
    }) as AdaptiveCardJson;
  const { registrationId } = parsed.data;
  // Name, e-mail and school of the applicant are for the office only.
  if (!actor?.isAdmin) {
    return noticeCard({
      title: 'Alleen voor het SOT-bureau',
      tone: 'attention',
      paragraphs: ['Alleen beheerders van het SOT-bureau kunnen aanmeldingen bekijken en beoordelen.'],
    }) as AdaptiveCardJson;
  }

  const outcome = await db.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, include: { school: true } });
    if (!registration || registration.school.swvId !== actor.swvId) return 'missing' as const;
    await lockFor(tx, `registration:${registration.aadObjectId}`);
    if (decision === 'approved' && registration.status === 'pending' && (await directoryConflict(tx, registration)))
      return 'conflict' as const;
    const claimed = await tx.registration.updateMany({
      where: { id: registrationId, status: 'pending' },
      data: { status: decision, decidedById: actor.personId, decidedAt: services.now() },
    });
    if (claimed.count === 0) return 'already' as const;
    if (decision === 'approved') await addApplicant(tx, registration);
    await tx.auditEntry.create({
      data: {
        actorId: actor.personId,
        action: `registration.${decision === 'approved' ? 'approve' : 'reject'}`,
        subjectType: 'registration',
        subjectId: registrationId,
      },
    });
    await notifyApplicant(tx, registration, decision);
    const reviews = await tx.delivery.findMany({
      where: { dedupeKey: { startsWith: `registration:${registrationId}:review:` } },
      select: { dedupeKey: true },
    });
    for (const review of reviews) {
      await enqueue(tx, {
        key: `${review.dedupeKey}:decided`,
        target: { type: 'update', ofKey: review.dedupeKey },
        payload: { render: 'registrationReview', args: { registrationId } },
      });
    }
    return 'done' as const;
  });
  if (outcome === 'done') services.nudgeDelivery();
  if (outcome === 'missing')
    return noticeCard({
      title: 'Aanmelding niet gevonden',
      tone: 'attention',
      paragraphs: ['Deze aanmelding bestaat niet (meer).'],
    }) as AdaptiveCardJson;
  const card = await renderRegistrationReview(db, {
    registrationId,
    message: outcome === 'already' ? await alreadyDecidedMessage(db, registrationId, actor.personId) : undefined,
  });
  if (outcome === 'done') services.logger.info({ registration: registrationId, decision }, 'registration decided');
  return card!;
}

async function alreadyDecidedMessage(db: Db, registrationId: string, personId: string) {
  const registration = await db.registration.findUnique({ where: { id: registrationId } });
  return registration?.decidedById === personId
    ? nl`U heeft deze aanmelding al beoordeeld.`
    : nl`Iemand anders heeft deze aanmelding al beoordeeld; uw klik is niet verwerkt.`;
}

/**
 * Someone already in the directory with the applicant's Teams account or e-mail address. Approving must
 * never hand that person (and their rights) to the applicant: the admin fixes the organisation file instead.
 */
async function directoryConflict(
  db: Db | Tx,
  registration: { aadObjectId: string; email: string | null; school: { swvId: string } },
): Promise<string | null> {
  const sameAccount = await db.person.findFirst({ where: { aadObjectId: registration.aadObjectId }, select: { name: true } });
  if (sameAccount) return `Dit Teams-account hoort al bij ${sameAccount.name} in de organisatielijst.`;
  if (!registration.email) return null;
  const sameEmail = await db.person.findFirst({
    where: { swvId: registration.school.swvId, email: registration.email.toLowerCase() },
    select: { name: true },
  });
  return sameEmail ? `Het e-mailadres ${registration.email} hoort al bij ${sameEmail.name} in de organisatielijst.` : null;
}

const CONFLICT_ADVICE =
  'Goedkeuren kan daarom niet. Staat deze persoon terecht in de lijst? Voeg de school dan toe in het organisatiebestand. Anders: wijs de aanmelding af.';

/** Makes the applicant a new coordinator of the chosen school; the caller checked directoryConflict. */
async function addApplicant(
  tx: Tx,
  registration: { aadObjectId: string; name: string; email: string | null; schoolId: string; school: { swvId: string } },
) {
  const swvId = registration.school.swvId;
  const email = registration.email?.toLowerCase() ?? `${registration.aadObjectId}@onbekend.invalid`;
  const person = await tx.person.create({ data: { swvId, name: registration.name, email, aadObjectId: registration.aadObjectId } });
  await tx.schoolCoordinator.create({ data: { schoolId: registration.schoolId, personId: person.id, source: 'approval' } });
  // Their chat with the bot, kept while they were unknown, now belongs to the person.
  const chat = await tx.unknownUserConversation.findUnique({ where: { aadObjectId: registration.aadObjectId } });
  if (chat) {
    const data = { conversationId: chat.conversationId, serviceUrl: chat.serviceUrl, tenantId: chat.tenantId, userId: chat.userId };
    await tx.personalConversation.create({ data: { personId: person.id, ...data } });
  }
}

async function notifyApplicant(
  tx: Tx,
  registration: { id: string; aadObjectId: string; school: { name: string } },
  decision: 'approved' | 'rejected',
) {
  const chat = await tx.unknownUserConversation.findUnique({ where: { aadObjectId: registration.aadObjectId } });
  if (!chat) return;
  const card =
    decision === 'approved'
      ? noticeCard({
          title: nl`Uw aanmelding is goedgekeurd`,
          tone: 'good',
          paragraphs: [nl`U bent nu bekend als coördinator van ${registration.school.name}. U kunt aanvragen doen bij het SOT.`],
          actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
        })
      : noticeCard({
          title: nl`Uw aanmelding is niet goedgekeurd`,
          tone: 'attention',
          paragraphs: [
            nl`Het SOT-bureau heeft uw aanmelding voor ${registration.school.name} niet goedgekeurd. Heeft u vragen? Neem contact op met het SOT-bureau.`,
          ],
        });
  await enqueue(tx, {
    key: `registration:${registration.id}:applicant`,
    target: { type: 'conversation', conversationId: chat.conversationId, serviceUrl: chat.serviceUrl },
    payload: { card, summary: card.body ? nl`Uw aanmelding bij de SOT-bot` : undefined },
  });
}

/** Renders the review card from the current state (used by the delivery worker and by the handler). */
export async function renderRegistrationReview(db: Db, args: Record<string, unknown>): Promise<AdaptiveCardJson | null> {
  const registration = await db.registration.findUnique({ where: { id: String(args.registrationId) }, include: { school: true } });
  if (!registration) return null;
  const decidedBy = registration.decidedById ? await db.person.findUnique({ where: { id: registration.decidedById } }) : null;
  const conflict = registration.status === 'pending' ? await directoryConflict(db, registration) : null;
  return registrationReviewCard({
    warning: conflict ? `${conflict} ${CONFLICT_ADVICE}` : undefined,
    id: registration.id,
    name: registration.name,
    email: registration.email,
    school: `${registration.school.name} (${registration.school.brin})`,
    role: registration.role,
    createdAt: registration.createdAt,
    status: registration.status as 'pending' | 'approved' | 'rejected',
    decidedBy: decidedBy?.name,
    decidedAt: registration.decidedAt,
    message: typeof args.message === 'string' ? args.message : undefined,
  });
}
