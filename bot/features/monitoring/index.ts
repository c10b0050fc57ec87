// Monitoring: the anonymised quarterly report on thuiszitters for the SWV and the Inspectie. Admins get a
// card with signed, expiring download links (typed "rapportage", or the button on their home card); the
// file itself is served by reportRoute.ts and made by thuiszitterReport.ts (also: npm run report:thuiszitters).
import { DateTime } from 'luxon';
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import { cardAttachment, type AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import { ZONE } from '../../domain/time.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { resolveActor } from '../../teams/turn.ts';
import { REPORT_LINK_MINUTES } from './reportLink.ts';
import { currentSchoolYear, FIRST_SCHOOL_YEAR, schoolYearStarting } from './schoolYear.ts';
import { nl } from '../../domain/wording/register.ts';

/** The typed word (personal chat only); it is no manifest command, the admins' help text names it. */
export const REPORT_COMMAND = /^\s*rapportages?\s*[.!?]*\s*$/i;

export function registerMonitoring(app: App, services: Services): void {
  onCommand(app, 'report.typed', REPORT_COMMAND, 'personal', async (context) => {
    await context.sendActivity({ attachments: [cardAttachment(await reportCard(context, services))] });
  });
  onCardAction(app, services, 'report.open', 'personal', (context) => reportCard(context, services));
}

/** For an admin: download links of the current and the previous school year. Anyone else: a refusal. */
export async function reportCard(context: TurnContext, services: Services): Promise<AdaptiveCardJson> {
  const actor = await resolveActor(context, services);
  if (!actor?.isAdmin) return reportRefusalCard();
  const now = services.now();
  const expiresAt = new Date(now.getTime() + REPORT_LINK_MINUTES * 60_000);
  const current = currentSchoolYear(now);
  const years = [current, schoolYearStarting(current.startYear - 1)].filter((y) => y.startYear >= FIRST_SCHOOL_YEAR);
  const links = years.map((year) => ({
    title: year === current ? `Schooljaar ${year.label} (tot nu)` : `Schooljaar ${year.label}`,
    url: services.reportUrl(year.label, actor.personId, expiresAt),
  }));
  await services.db.auditEntry.createMany({
    data: years.map((year) => ({
      at: now,
      actorId: actor.personId,
      action: 'report.link',
      subjectType: 'report',
      subjectId: `thuiszitters:${year.label}`,
      details: { schoolYear: year.label, expiresAt: expiresAt.toISOString() },
    })),
  });
  return reportLinksCard(links, DateTime.fromJSDate(expiresAt, { zone: ZONE }).toFormat('HH:mm'));
}

export function reportLinksCard(links: { title: string; url: string }[], until: string): AdaptiveCardJson {
  return noticeCard({
    title: 'Rapportage thuiszitters',
    paragraphs: [
      nl`De geanonimiseerde rapportage over thuiszitters, voor het samenwerkingsverband en de Inspectie: per kwartaal en cumulatief vanaf 1 augustus, per school en voor alle scholen samen. Het is een CSV-bestand dat u in Excel opent.`,
      'Er staan geen namen, initialen, geboortedata, referenties of vrije tekst in. Aantallen van 1 tot en met 4 staan er als "<5". Een "x" is een afgeschermd aantal, zodat zo\'n klein aantal niet uit de totalen is terug te rekenen.',
      nl`De links zijn alleen voor u en werken een uur, tot ${until}. Daarna typt u opnieuw **rapportage**.`,
    ],
    links,
  }) as AdaptiveCardJson;
}

export function reportRefusalCard(): AdaptiveCardJson {
  return noticeCard({
    title: 'Alleen voor het SOT-bureau',
    tone: 'attention',
    paragraphs: [
      nl`De rapportage over thuiszitters is er alleen voor beheerders van het SOT-bureau. Heeft u deze cijfers nodig? Vraag ze dan aan het SOT-bureau.`,
    ],
    actions: [button('Naar het menu', 'menu.open')],
  }) as AdaptiveCardJson;
}
