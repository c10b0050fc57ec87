// Herinneringen instellen: each person turns off the reminder kinds that are no legal duty or escalation
// (year agenda, the reminder before an appointment). The others are shown as fixed "altijd aan" lines.
// The card carries no person: a submit changes the settings of whoever clicked, nobody else's.
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { type FixedReminder, type ReminderToggle, reminderSettingsCard } from '../../../cards/reminderSettings.ts';
import type { Incoming } from '../../../cards/verbs.ts';
import { ADVICE_DUE_WORKING_DAYS, TLV_END_WARNING_WEEKS } from '../../domain/requests/advies.ts';
import { type Actor, isCoordinator } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import {
  OPTIONAL_REMINDERS,
  type ReminderSettings,
  reminderSettingsOf,
  saveReminderSettings as store,
} from '../../store/reminderPreferences.ts';
import { resolveActor } from '../../teams/turn.ts';
import { UNPICKED_AFTER_DAYS, UNPICKED_ESCALATE_DAYS } from './scheduler.ts';
import { nl } from '../../domain/wording/register.ts';

const LABELS: Record<keyof ReminderSettings, string> = {
  agenda: 'herinneringen uit de jaaragenda',
  appointments: 'herinnering vóór een afspraak',
};

function toggles(actor: Actor, settings: ReminderSettings): ReminderToggle[] {
  const agendaFor = [
    isCoordinator(actor) && nl`belangrijke data voor uw school, zoals deadlines voor aanvragen en bijeenkomsten`,
    actor.isConsultant && 'de data die het SOT-bureau in de jaaragenda voor het SOT-team zet',
  ].filter(Boolean);
  return [
    {
      id: 'agenda',
      label: 'Jaaragenda',
      title: 'Herinneringen uit de jaaragenda',
      description: agendaFor.length
        ? `Over ${agendaFor.join(', en over ')}, op de dagen die in de jaaragenda staan.`
        : nl`Over de data in de jaaragenda die voor u bedoeld zijn, op de dagen die in de jaaragenda staan.`,
      on: settings.agenda,
    },
    {
      id: 'appointments',
      label: 'Afspraken',
      title: 'Herinnering vóór een afspraak',
      description: 'Op de laatste werkdag vóór een ingeplande afspraak (spreekuur, JES-overleg, Kijk op School of een gesprek).',
      on: settings.appointments,
    },
  ];
}

/** What stays on for this person, and why. */
function fixed(actor: Actor): FixedReminder[] {
  const lines: FixedReminder[] = [];
  if (isCoordinator(actor)) {
    lines.push(
      {
        title: 'Meldplicht thuiszitter',
        description:
          'Wekelijks, zolang een leerling 4 weken of langer verzuimt en nog niet is vastgelegd dat het verzuim bij DUO en in Onderwijs Transparant is gemeld. Dit is een wettelijke plicht.',
      },
      {
        title: 'TLV loopt af',
        description: nl`Eén bericht als een toelaatbaarheidsverklaring binnen ${TLV_END_WARNING_WEEKS} weken afloopt, zodat u op tijd een nieuw advies en een nieuwe TLV kunt aanvragen.`,
      },
    );
  }
  if (actor.isConsultant) {
    lines.push(
      {
        title: 'Aanvraag nog niet opgepakt',
        description: nl`Dagelijks in uw kanaal, zodra een nieuwe aanvraag ${UNPICKED_AFTER_DAYS} dagen wacht. Een aanvraag mag nooit blijven liggen omdat iemand er niet was.`,
      },
      {
        title: 'Advies gevraagd',
        description: nl`Wekelijks, als een gevraagd advies (OPDC of TLV) na ${ADVICE_DUE_WORKING_DAYS} werkdagen nog niet is gegeven: de school kan pas verder als u advies geeft.`,
      },
    );
  }
  if (actor.isAdmin) {
    lines.push(
      {
        title: 'Aanvraag niet opgepakt (SOT-bureau)',
        description: nl`Wekelijks, als een aanvraag ${UNPICKED_ESCALATE_DAYS} dagen of langer door niemand is opgepakt, zodat u die kunt overdragen.`,
      },
      {
        title: 'Niet afgeleverde berichten',
        description: 'Eén overzicht per werkdag, als er berichten zijn die Teams niet kon afleveren.',
      },
    );
  }
  return lines;
}

function intro(actor: Actor, reminderTime: string): string[] {
  if (isCoordinator(actor)) {
    return [
      nl`Herinneringen uit de jaaragenda en over afspraken krijgt u op werkdagen vanaf ${reminderTime} uur: niet in het weekend en niet in de schoolvakanties van uw school. Valt de dag van zo'n herinnering in het weekend of in een vakantie, dan krijgt u die op de laatste werkdag ervoor.`,
    ];
  }
  return [
    nl`Herinneringen uit de jaaragenda en over afspraken krijgt u op werkdagen (maandag tot en met vrijdag) vanaf ${reminderTime} uur; de schoolvakanties tellen voor het SOT niet mee. Valt de dag van zo'n herinnering in het weekend, dan krijgt u die op de vrijdag ervoor.`,
  ];
}

function settingsCard(actor: Actor, settings: ReminderSettings, reminderTime: string, banner?: string): AdaptiveCardJson {
  return reminderSettingsCard({ intro: intro(actor, reminderTime), banner, toggles: toggles(actor, settings), fixed: fixed(actor) });
}

function unknownCard(): AdaptiveCardJson {
  return noticeCard({
    title: 'Herinneringen instellen',
    tone: 'attention',
    paragraphs: [nl`U bent nog niet bekend bij de SOT-bot, dus u krijgt nog geen herinneringen. Meld u eerst aan via het menu.`],
    actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
  }) as AdaptiveCardJson;
}

/** The card with the clicker's own settings. */
export async function showReminderSettings(context: TurnContext, services: Services): Promise<AdaptiveCardJson> {
  const actor = await resolveActor(context, services);
  if (!actor) return unknownCard();
  return settingsCard(actor, await reminderSettingsOf(services.db, actor.personId), services.reminderTime);
}

/** "true"/"false" from a toggle; anything else (left out, forged) leaves the setting as it was. */
const toggleValue = (value: unknown): boolean | undefined =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : undefined;

/**
 * Saves the clicker's settings. Whatever else the submit carries (another person's id, say) is ignored:
 * the person is always the one Teams says clicked.
 */
export async function saveReminderSettings(
  context: TurnContext,
  services: Services,
  data: Incoming<'reminders.save'>,
): Promise<AdaptiveCardJson> {
  const actor = await resolveActor(context, services);
  if (!actor) return unknownCard();
  const current = await reminderSettingsOf(services.db, actor.personId);
  const wanted = { ...current };
  for (const kind of OPTIONAL_REMINDERS) wanted[kind] = toggleValue(data[kind]) ?? current[kind];
  const changed = await store(services.db, actor.personId, wanted);
  const state = OPTIONAL_REMINDERS.map((kind) => `${LABELS[kind]}: ${wanted[kind] ? 'aan' : 'uit'}`).join('; ');
  const banner = changed ? `Opgeslagen. ${capitalise(state)}.` : `Er is niets veranderd. ${capitalise(state)}.`;
  return settingsCard(actor, wanted, services.reminderTime, banner);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
