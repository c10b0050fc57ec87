// The year agenda in Teams: this month and the next as one card, for the viewer's audience. Coordinators
// see the items for their schools' region (PO or VO, as for holidays) and those for all schools; SOT staff
// see everything.
import type { TurnContext } from 'botbuilder';
import { agendaCard, type AgendaLine } from '../../../cards/agenda.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import { isCoordinator, isSotStaff, type Actor } from '../../domain/roles.ts';
import { holidayRegionOf } from '../../domain/schoolCalendar.ts';
import { safeError } from '../../log.ts';
import type { Services } from '../../services.ts';
import { resolveActor } from '../../teams/turn.ts';
import { homeCard } from '../onboarding/welcome.ts';
import { agendaLinksFor, SUBSCRIBE_HELP } from './links.ts';
import {
  addMonths,
  checkMonth,
  currentMonth,
  itemsInMonth,
  type Month,
  monthDays,
  monthLabel,
  pagingRange,
  whenLabel,
  type AgendaItemRow,
} from './months.ts';
import { nl } from '../../domain/wording/register.ts';

const AUDIENCE_LABEL: Record<string, string> = { PO: 'PO-scholen', VO: 'VO-scholen', alle: 'alle scholen', SOT: 'het SOT (intern)' };
/** How the card names an audience (doelgroep). */
export const audienceLabel = (audience: string) => AUDIENCE_LABEL[audience] ?? audience;

/** Which audiences a person sees: null is everything (SOT staff). */
export async function audiencesOf(services: Services, actor: Actor): Promise<string[] | null> {
  if (isSotStaff(actor)) return null;
  if (!isCoordinator(actor)) return ['alle'];
  const schools = await services.db.school.findMany({ where: { id: { in: actor.schools.map((s) => s.id) } }, select: { sector: true } });
  const regions = [...new Set(schools.map((s) => holidayRegionOf(s.sector)))].sort();
  return [...regions, 'alle'];
}

function scopeLine(audiences: string[] | null): string {
  if (!audiences) return nl`Alle afspraken, voor elke doelgroep (u werkt bij het SOT).`;
  const regions = audiences.filter((a) => a !== 'alle');
  if (!regions.length) return 'Afspraken voor alle scholen.';
  return nl`Afspraken voor uw ${regions.length > 1 ? 'scholen' : 'school'} (${regions.join(' en ')}) en voor alle scholen.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function lineOf(item: AgendaItemRow): AgendaLine {
  const holiday = item.kind === 'vakantie';
  return {
    id: item.id,
    heading: holiday ? `${item.title}: ${whenLabel(item)}` : capitalise(whenLabel(item)),
    title: holiday ? '' : item.title,
    description: item.description,
    tag: holiday ? `Schoolvakantie · doelgroep: ${audienceLabel(item.audience)}` : `Doelgroep: ${audienceLabel(item.audience)}`,
  };
}

/** The items of the two months from `month` that this person sees. */
async function itemsFor(services: Services, actor: Actor, audiences: string[] | null, month: Month) {
  const from = monthDays(month).from;
  const to = monthDays(addMonths(month, 1)).to;
  return services.db.agendaItem.findMany({
    where: {
      swvId: actor.swvId,
      ...(audiences ? { audience: { in: audiences } } : {}),
      date: { lte: to },
      OR: [{ endDate: { gte: from } }, { endDate: null, date: { gte: from } }],
    },
    select: { id: true, kind: true, date: true, endDate: true, time: true, title: true, description: true, audience: true },
  });
}

/** The person's links to the printable month and the calendar feed; none when they have none (or they fail). */
async function linksFor(services: Services, actor: Actor, month: Month) {
  try {
    const links = await agendaLinksFor(services, actor.personId);
    return links ? { printUrl: links.printUrl(month), feedUrl: links.feedUrl, subscribeHelp: SUBSCRIBE_HELP } : undefined;
  } catch (err) {
    services.logger.warn({ err: safeError(err) }, 'agenda links unavailable');
    return undefined;
  }
}

export interface AgendaCardOptions {
  manage?: boolean;
  banner?: { text: string; tone: 'good' | 'attention' };
}

/** The agenda card of two months from `month`, as this person sees it. */
export async function agendaCardFor(services: Services, actor: Actor, month: Month, options: AgendaCardOptions = {}) {
  const now = services.now();
  const audiences = await audiencesOf(services, actor);
  const items = await itemsFor(services, actor, audiences, month);
  const range = pagingRange(now);
  const months = [month, addMonths(month, 1)];
  return agendaCard({
    month,
    subtitle: scopeLine(audiences),
    banner: options.banner,
    months: months.map((m) => ({
      label: capitalise(monthLabel(m)),
      empty: `In ${monthLabel(m)} staat er niets in de jaaragenda${audiences ? nl` voor u` : ''}.`,
      items: itemsInMonth(items, m).map(lineOf),
    })),
    previousMonth: month > range.first ? addMonths(month, -1) : undefined,
    nextMonth: month < range.last ? addMonths(month, 1) : undefined,
    links: await linksFor(services, actor, month),
    admin: actor.isAdmin,
    manage: actor.isAdmin && !!options.manage,
  });
}

/** A month the card cannot show (a forged or very old card): which months it can show, and a way back. */
export function monthRefusal(now: Date): AdaptiveCardJson {
  const { first, last } = pagingRange(now);
  return noticeCard({
    title: 'Deze maand kan ik niet laten zien',
    tone: 'attention',
    paragraphs: [`De jaaragenda loopt van ${monthLabel(first)} tot en met ${monthLabel(addMonths(last, 1))}. Kies een maand daartussen.`],
    actions: [button('Naar deze maand', 'agenda.show', {}), button('Naar het menu', 'menu.open')],
  }) as AdaptiveCardJson;
}

/** "agenda" (menu, typed word, button on the card): two months from the month on the card, or from this month. */
export async function showAgenda(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await resolveActor(context, services);
  if (!actor) return homeCard(services, null, context.activity.from?.aadObjectId);
  const now = services.now();
  let month = currentMonth(now);
  if (data.month !== undefined) {
    const checked = checkMonth(data.month, now);
    if (!checked) return monthRefusal(now);
    month = checked;
  }
  return agendaCardFor(services, actor, month, { manage: data.manage === true });
}
