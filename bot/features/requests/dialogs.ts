// The coordinator's dialogs: choose school (when several) → form → review → confirm.
import { type FormKind, FORM_ENTRIES, REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { chooseSchoolCard, requestReviewCard } from '../../../cards/requestCards.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { isCoordinator, type Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { resolveActor } from '../../teams/turn.ts';
import { homeCard } from '../onboarding/welcome.ts';
import { formCard, formValues, parseForm, type ParsedRequest } from './forms.ts';
import { requestFacts } from './facts.ts';
import { holidaysFor } from '../../store/holidays.ts';
import { type Holiday, holidayRegionOf } from '../../domain/schoolCalendar.ts';
import { loadSchoolFor, type SchoolContext } from './schoolContext.ts';
import { activeSchoolsOf } from '../../store/directory.ts';
import { formLink, type JesOrigin, originFromCard, originText, refusalCard } from './jesLink.ts';
import { destinationNames, newRequestDestinations } from './channelPosts.ts';
import { nl } from '../../domain/wording/register.ts';

/** Only coordinators may file; anyone else gets their home card (registration, or the menu). */
export async function coordinatorOrHome(context: TurnContext, services: Services): Promise<{ actor: Actor } | { card: AdaptiveCardJson }> {
  const actor = await resolveActor(context, services);
  if (actor && isCoordinator(actor)) return { actor };
  if (actor) {
    const card = await homeCard(services, actor);
    return {
      card: {
        ...card,
        body: [
          { type: 'TextBlock', text: "Aanvragen doen kan alleen als coördinator of IB'er van een school.", wrap: true, color: 'Attention' },
          ...((card.body as object[]) ?? []),
        ],
      },
    };
  }
  return { card: await homeCard(services, null, context.activity.from?.aadObjectId) };
}

/**
 * Who may file, and for which schools: a coordinator for their own schools; a consultant or the SOT
 * office for any active school of the SWV, on the school's behalf (a request that came by phone or mail).
 */
export async function filerOrHome(
  context: TurnContext,
  services: Services,
): Promise<{ actor: Actor; schools: { id: string; name: string }[] } | { card: AdaptiveCardJson }> {
  const actor = await resolveActor(context, services);
  if (actor && (actor.isConsultant || actor.isAdmin)) {
    const own = new Set(actor.schools.map((s) => s.id));
    const others = (await activeSchoolsOf(services.db, actor.swvId)).filter((s) => !own.has(s.id));
    return { actor, schools: [...actor.schools, ...others] };
  }
  const who = await coordinatorOrHome(context, services);
  return 'card' in who ? who : { actor: who.actor, schools: who.actor.schools };
}

/** Filed by SOT staff for a school they do not coordinate themselves. */
export const onBehalf = (actor: Actor, schoolId: string) => !actor.schools.some((s) => s.id === schoolId);

/** First card of a dialog: the school choice for coordinators of several schools (and the SOT), else the form. */
export async function startDialog(
  context: TurnContext,
  services: Services,
  form: FormKind,
  data: Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const who = await filerOrHome(context, services);
  if ('card' in who) return who.card;
  const { schools } = who;
  const chosen = typeof data.schoolId === 'string' ? data.schoolId : schools.length === 1 ? schools[0]!.id : undefined;
  const school = await loadSchoolFor(services.db, schools, chosen);
  if (!school) {
    return chooseSchoolCard({
      title: FORM_ENTRIES[form].menuTitle,
      verb: `${form}.start`,
      schools,
      error: data.schoolId !== undefined ? nl`Kies een van uw scholen.` : undefined,
    });
  }
  return formCard(form, school);
}

/** Who files, and the school named in the card data (checked again): or the card to show instead. */
async function filerAndSchool(context: TurnContext, services: Services, form: FormKind, schoolId: unknown) {
  const who = await filerOrHome(context, services);
  if ('card' in who) return who;
  const school = await loadSchoolFor(services.db, who.schools, typeof schoolId === 'string' ? schoolId : undefined);
  if (school) return { actor: who.actor, school };
  return {
    card: chooseSchoolCard({
      title: FORM_ENTRIES[form].menuTitle,
      verb: `${form}.start`,
      schools: who.schools,
      error: nl`Deze school hoort niet (meer) bij u. Kies een van uw scholen.`,
    }),
  };
}

/** "Controleren": the server checks everything; errors re-show the form with what was typed. */
export async function reviewDialog(
  context: TurnContext,
  services: Services,
  form: FormKind,
  data: Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const found = await filerAndSchool(context, services, form, data.schoolId);
  if ('card' in found) return found.card;
  const { actor, school } = found;
  // A JES-overleg filed from a case ("Aanmelden voor JES"): the case is checked again at every step.
  const linked = await originFromCard(services.db, actor, form, data, school.id);
  if ('refusal' in linked) return refusalCard(linked.refusal);
  const values = formValues(data);
  const parsed = parseForm(form, school, values, services.now());
  if (!parsed.ok) return formCard(form, school, values, parsed.errors, formLink(linked.origin));
  const enteredBy = onBehalf(actor, school.id) ? actor.name : undefined;
  const holidays = parsed.value.type === 'thuiszitter' ? await holidaysFor(services.db, school.swvId, holidayRegionOf(school.sector)) : [];
  return reviewCard(form, school, values, parsed.value, services.now(), crypto.randomUUID(), enteredBy, linked.origin, holidays);
}

export function reviewCard(
  form: FormKind,
  school: SchoolContext,
  values: Record<string, string>,
  parsed: ParsedRequest,
  now: Date,
  submissionId: string,
  /** SOT staff entering it on the school's behalf: their name. */
  enteredBy?: string,
  /** The case a JES-overleg is filed from ("Aanmelden voor JES"). */
  origin?: JesOrigin,
  /** The school's holidays, for a thuiszitter's school weeks. */
  holidays: readonly Holiday[] = [],
): AdaptiveCardJson {
  const { type } = parsed;
  const behalf = enteredBy
    ? [{ label: 'Ingevoerd door', value: `${enteredBy} namens ${school.name}; de coördinatoren van de school krijgen bericht` }]
    : [];
  const link = origin ? { linkedRequestId: origin.requestId } : {};
  return requestReviewCard({
    typeLabel: REQUEST_KINDS[type].label,
    sendsTo: sendsTo(type, school),
    facts: [
      { label: 'School', value: school.name },
      ...behalf,
      ...(origin ? [{ label: 'Komt voort uit', value: originText(origin) }] : []),
      ...requestFacts(parsed, parsed.pupil, 'coordinator', now, holidays),
    ],
    warnings: [],
    submitData: { type: form, schoolId: school.id, submissionId, values, ...link },
    edit: { verb: `${form}.edit`, data: { schoolId: school.id, values, ...link } },
  });
}

/** "Wijzigen" on the review card: back to the form with everything filled in. */
export async function editDialog(
  context: TurnContext,
  services: Services,
  form: FormKind,
  data: Record<string, unknown>,
): Promise<AdaptiveCardJson> {
  const found = await filerAndSchool(context, services, form, data.schoolId);
  if ('card' in found) return found.card;
  const linked = await originFromCard(services.db, found.actor, form, data, found.school.id);
  if ('refusal' in linked) return refusalCard(linked.refusal);
  const values = data.values && typeof data.values === 'object' ? formValues(data.values as Record<string, unknown>) : {};
  return formCard(form, found.school, values, {}, formLink(linked.origin));
}

/** Every place the request goes, from the same rule that posts it (channelPosts.ts). */
function sendsTo(type: string, school: SchoolContext): string {
  const [consultant, ...others] = destinationNames(
    newRequestDestinations(type, school.consultant, school.swv),
    school.consultant.person.name,
  );
  return [`${consultant}, de SOT-consulent van ${school.name}`, ...others.map((o) => `en naar ${o}`)].join(', ');
}
