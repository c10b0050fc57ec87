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
import { contactParagraphs, type ContactCardData } from '../../../cards/contact.ts';
import { contactFor } from '../contact/contact.ts';

/** The card someone gets when they open the chat or say something the bot does not route. */
export async function homeCard(services: Services, actor: Actor | null, aadObjectId?: string): Promise<AdaptiveCardJson> {
  if (!actor) return registrationPrompt(services, aadObjectId);
  if (!isCoordinator(actor)) return staffHomeCard(actor);
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
}

/** SOT staff work in their channels; consultants and the office can also enter a request for a school. */
function staffHomeCard(actor: Actor): AdaptiveCardJson {
  const roles = [
    actor.isConsultant && 'consulent',
    actor.isThuiszittersteam && 'lid van het Thuiszittersteam',
    actor.isAdmin && 'beheerder (SOT-bureau)',
  ].filter(Boolean);
  return noticeCard({
    title: `Welkom, ${actor.name.split(' ')[0]}!`,
    paragraphs: [
      `U bent bij de SOT-bot bekend als ${roles.join(', ') || 'medewerker van het SOT'}.`,
      'Aanvragen van scholen verschijnen als kaart in het kanaal van de consulent. Druk op "Bijwerken" op een kaart om uw knoppen te zien (oppakken, inplannen, verzetten, vraag stellen, overdragen, afronden).',
      'Uw kanaal koppelen: vermeld @SOT-bot in dat kanaal en typ **koppel**.',
      ...(actor.isConsultant
        ? ['Kunt u een dag niet komen? Typ **verzet dag** om al uw afspraken van die dag in één keer naar een nieuwe datum te verzetten.']
        : []),
      ...(actor.isConsultant || actor.isAdmin
        ? [
            'Kwam een aanvraag per telefoon of e-mail binnen? Voer die hier in namens de school; de coördinatoren van de school krijgen bericht.',
          ]
        : []),
    ],
    actions: [
      ...(actor.isConsultant || actor.isAdmin ? FORM_KINDS.map((form) => button(FORM_ENTRIES[form].menuTitle, `${form}.start`, {})) : []),
      ...(actor.isConsultant ? [button('Afspraken van een dag verzetten', 'casework.moveDay.form', {})] : []),
      button('Herinneringen instellen', 'reminders.settings'),
      button('Contact met het SOT', 'contact.show'),
      button('Help', 'menu.help'),
    ],
  }) as AdaptiveCardJson;
}

/** The help card with how to reach the SOT (the office, and a coordinator's own consultant). */
export async function helpCardFor(services: Services, actor: Actor | null): Promise<AdaptiveCardJson> {
  return helpCard(actor, (await contactFor(services.db, actor)) ?? undefined);
}

export function helpCard(actor: Actor | null, contact?: ContactCardData): AdaptiveCardJson {
  const kinds = FORM_KINDS.map((form) => FORM_ENTRIES[form]);
  const paragraphs = [
    `Via deze chat vraagt u als coördinator passend onderwijs of IB'er ondersteuning aan bij het SOT: ${kinds
      .map((k) => `**${k.menuTitle.toLowerCase()}**${k.anonymousAllowed ? '' : ' (met naam van de leerling)'}`)
      .join(', ')}. Anoniem sparren kan bij een spreekuur en een thuiszittermelding.`,
    `Typ bijvoorbeeld ${kinds.map((k) => `"${k.command}"`).join(', ')}, "mijn aanvragen" of "menu". Uw aanvraag komt direct bij de vaste SOT-consulent van uw school; u krijgt hier bericht zodra er iets verandert.`,
    'Typ "herinneringen" om te kiezen welke herinneringen u krijgt, en "contact" om te zien hoe u het SOT bereikt.',
  ];
  if (!actor) paragraphs.push('U bent nog niet aangemeld. Typ "menu" om u aan te melden voor uw school.');
  if (actor && isSotStaff(actor)) {
    paragraphs.push(
      'Voor het SOT: vermeld @SOT-bot in een kanaal en typ **koppel** om dat kanaal aan uzelf te koppelen. Beheerders typen **koppel** met de naam of het e-mailadres van een consulent, **koppel administratie** voor het kanaal van het SOT-bureau, of **koppel thuiszittersteam**.',
    );
  }
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
