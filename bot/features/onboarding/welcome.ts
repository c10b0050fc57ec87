import { button } from '../../../cards/verbs.ts';
import { FORM_KINDS, FORM_ENTRIES } from '../../domain/requests/kinds.ts';
import type { TurnContext } from 'botbuilder';
import { welcomeCard } from '../../../cards/welcome.ts';
import { noticeCard } from '../../../cards/notice.ts';
import { cardAttachment, type AdaptiveCardJson } from '../../../cards/render.ts';
import { isCoordinator, isSotStaff, type Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { activeSwv } from '../../store/directory.ts';
import { registrationPrompt } from './registration.ts';
import { mayView, overviewButtons } from '../overviews/access.ts';

/** The typed word for the report is no manifest command (that list is nearly full): the admins read it here. */
const REPORT_HELP =
  'Beheerders typen **rapportage** (of drukken op "Rapportage thuiszitters" op hun startkaart) voor de geanonimiseerde kwartaalrapportage over thuiszitters voor het samenwerkingsverband en de Inspectie, als CSV-bestand.';
import { contactParagraphs, type ContactCardData } from '../../../cards/contact.ts';
import { contactFor } from '../contact/contact.ts';
import { nl } from '../../domain/wording/register.ts';

/** The card someone gets when they open the chat or say something the bot does not route. */
export async function homeCard(services: Services, actor: Actor | null, aadObjectId?: string): Promise<AdaptiveCardJson> {
  if (!actor) return registrationPrompt(services, aadObjectId);
  if (!isCoordinator(actor)) {
    const consultant = actor.isConsultant
      ? await services.db.consultant.findUnique({ where: { personId: actor.personId }, select: { channelId: true } })
      : null;
    return staffHomeCard(actor, Boolean(consultant?.channelId));
  }
  const swv = await activeSwv(services.db);
  return welcomeCard({
    name: actor.name.split(' ')[0],
    swvName: swv?.name ?? 'het samenwerkingsverband',
    schools: actor.schools.map((s) => s.name),
  });
}

export async function sendHome(context: TurnContext, services: Services, actor: Actor | null): Promise<void> {
  const card = await homeCard(services, actor, context.activity.from?.aadObjectId);
  await context.sendActivity({ attachments: [cardAttachment(card)] });
  const conversationId = context.activity.conversation?.id;
  if (conversationId) welcomedAt(services).set(conversationId, services.now().getTime());
}

/** When each chat last got the full welcome (in memory: after a restart a greeting just gets it again). */
const WELCOMED = new WeakMap<Services, Map<string, number>>();
const RECENT_MS = 10 * 60_000;

function welcomedAt(services: Services): Map<string, number> {
  const known = WELCOMED.get(services);
  if (known) return known;
  const map = new Map<string, number>();
  WELCOMED.set(services, map);
  return map;
}

export function welcomedRecently(context: TurnContext, services: Services): boolean {
  const at = welcomedAt(services).get(context.activity.conversation?.id ?? '');
  return at !== undefined && services.now().getTime() - at < RECENT_MS;
}

/** SOT staff work in their channels; consultants and the office can also enter a request for a school. */
export function staffHomeCard(actor: Actor, channelLinked = false): AdaptiveCardJson {
  const roles = [
    actor.isConsultant && 'consulent',
    actor.isThuiszittersteam && 'lid van het Thuiszittersteam',
    actor.isAdmin && 'beheerder (SOT-bureau)',
  ].filter(Boolean);
  return noticeCard({
    title: `Welkom, ${actor.name.split(' ')[0]}!`,
    paragraphs: [
      nl`U bent bij de SOT-bot bekend als ${roles.join(', ') || 'medewerker van het SOT'}.`,
      nl`Aanvragen van scholen verschijnen als kaart in het kanaal van de consulent. Druk op "Mijn acties tonen" op een kaart om uw knoppen te zien (oppakken, inplannen, verzetten, vraag stellen, overdragen, afronden).`,
      ...(channelLinked ? [] : [nl`Uw kanaal koppelen: vermeld @SOT-bot in dat kanaal en typ **koppel**.`]),
      ...overviewLines(actor, true),
      `De jaaragenda van deze en de volgende maand: typ **agenda** of kies "Jaaragenda".${actor.isAdmin ? nl` Als beheerder voegt u daar items toe en kunt u ze wijzigen of verwijderen (knop "Beheren").` : ''}`,
      ...(actor.isConsultant
        ? [nl`Kunt u een dag niet komen? Typ **verzet dag** om al uw afspraken van die dag in één keer naar een nieuwe datum te verzetten.`]
        : []),
      ...(actor.isConsultant || actor.isAdmin
        ? [
            'Kwam een aanvraag per telefoon of e-mail binnen? Voer die hier in namens de school; de coördinatoren van de school krijgen bericht.',
          ]
        : []),
      ...(actor.isAdmin
        ? [
            'Cijfers over thuiszitters voor het samenwerkingsverband en de Inspectie: druk op "Rapportage thuiszitters" of typ **rapportage**.',
          ]
        : []),
    ],
    actions: [
      ...overviewButtons(actor),
      button('Jaaragenda', 'agenda.show', {}),
      ...(actor.isConsultant || actor.isAdmin ? FORM_KINDS.map((form) => button(FORM_ENTRIES[form].menuTitle, `${form}.start`, {})) : []),
      ...(actor.isConsultant ? [button('Afspraken van een dag verzetten', 'casework.moveDay.form', {})] : []),
      ...(actor.isAdmin ? [button('Rapportage thuiszitters', 'report.open')] : []),
      button('Herinneringen instellen', 'reminders.settings'),
      button('Contact met het SOT', 'contact.show'),
      button('Help', 'menu.help'),
    ],
  }) as AdaptiveCardJson;
}

/** The overviews this person may open, in words they can type. */
function overviewLines(actor: Actor, buttons: boolean): string[] {
  const words = [
    mayView(actor, 'cases') && nl`**mijn casussen** (uw open aanvragen)`,
    mayView(actor, 'thuiszitters') && '**thuiszitters** (alle open thuiszittermeldingen)',
    mayView(actor, 'office') && '**overzicht** (de aanvragen per consulent)',
  ].filter(Boolean);
  const how = buttons ? 'kies de knop hieronder of typ' : 'typ in deze chat';
  return words.length ? [`Overzichten: ${how} ${words.join(', ')}.`] : [];
}

/** The help card with how to reach the SOT (the office, and a coordinator's own consultant). */
export async function helpCardFor(services: Services, actor: Actor | null): Promise<AdaptiveCardJson> {
  return helpCard(actor, (await contactFor(services.db, actor)) ?? undefined);
}

export function helpCard(actor: Actor | null, contact?: ContactCardData): AdaptiveCardJson {
  const kinds = FORM_KINDS.map((form) => FORM_ENTRIES[form]);
  const paragraphs = [
    nl`Via deze chat vraagt u als coördinator passend onderwijs of IB'er ondersteuning aan bij het SOT: ${kinds
      .map((k) => `**${k.menuTitle.toLowerCase()}**${k.anonymousAllowed ? '' : ' (met naam van de leerling)'}`)
      .join(', ')}. Anoniem sparren kan bij een spreekuur en een thuiszittermelding.`,
    nl`Typ bijvoorbeeld ${kinds.map((k) => `"${k.command}"`).join(', ')}, "mijn aanvragen", "agenda" (de jaaragenda) of "menu". Uw aanvraag komt direct bij de vaste SOT-consulent van uw school; u krijgt hier bericht zodra er iets verandert.`,
    nl`Typ "herinneringen" om te kiezen welke herinneringen u krijgt, en "contact" om te zien hoe u het SOT bereikt.`,
  ];
  if (!actor) paragraphs.push(nl`U bent nog niet aangemeld. Typ "menu" om u aan te melden voor uw school.`);
  if (actor && isSotStaff(actor)) {
    paragraphs.push(
      'Voor het SOT: vermeld @SOT-bot in een kanaal en typ **koppel** om dat kanaal aan uzelf te koppelen. Beheerders typen **koppel** met de naam of het e-mailadres van een consulent, **koppel administratie** voor het kanaal van het SOT-bureau, of **koppel thuiszittersteam**.',
      ...overviewLines(actor, false),
    );
  }
  if (actor?.isAdmin) {
    paragraphs.push(
      'Heeft iemand anders de persoonlijke agendalinks van een collega in handen? Typ **agenda intrekken** met de naam of het e-mailadres: de oude links werken dan niet meer en de collega krijgt nieuwe.',
    );
  }
  if (actor?.isAdmin) paragraphs.push(REPORT_HELP);
  if (contact) paragraphs.push(...contactParagraphs(contact));
  return noticeCard({
    title: 'Hulp bij de SOT-bot',
    paragraphs,
    actions: [
      { title: 'Naar het menu', verb: 'menu.open' },
      ...(actor ? [{ title: 'Herinneringen instellen', verb: 'reminders.settings' as const }] : []),
    ],
  }) as AdaptiveCardJson;
}
