import type { RequestType } from '../../bot/domain/requests/types.ts';
import type { Harness } from './harness.ts';
import type { TeamsClient } from './teamsClient.ts';
import { isoDay } from './dates.ts';
import { textOf } from './cards.ts';

/** A valid form per request type, by input label (a new type needs its test values here). */
export const FORMS: Record<RequestType, Record<string, string>> = {
  spreekuur: {
    'Uw vraag (kort)': 'Hoe ondersteunen we een leerling met faalangst?',
    'Met wie wilt u het bespreken?': 'Ouders',
    'Gaat het over een leerling?': 'Ja, anoniem',
    'Voorkeursmoment 1: datum': isoDay(7),
    'Voorkeursmoment 1: dagdeel': 'Ochtend',
    'Vorm van het gesprek': 'Op school',
    Urgentie: 'Normaal',
  },
  thuiszitter: {
    'Soort melding': 'Thuiszitter',
    'Naam leerling': 'Jan de Boer',
    'Geboortedatum (dd-mm-jjjj)': '14-03-2014',
    'Eerste verzuimdag': isoDay(-35),
    'Belangrijkste reden': 'Schoolweigering of schoolangst',
    'Naam leerplichtambtenaar (optioneel)': 'P. de Leeuw',
    'Wat heeft de school al geprobeerd?': 'Gesprekken en een aangepast rooster.',
    'Uw vraag aan het SOT': 'Meedenken over een passend aanbod.',
  },
  jes: {
    'Leerling (initialen) of onderwerp': 'K.L., groep 7',
    'De vraag voor het overleg': 'Afstemmen van hulp thuis en op school.',
    'Moment 1: datum': isoDay(10),
    'Moment 1: begintijd': '14:00',
    'Moment 2: datum': isoDay(200),
    'Moment 2: begintijd': '09:30',
    Locatie: 'Op school',
  },
  advies: {
    'Advies over': 'TLV so/vso cluster 3',
    'Naam leerling': 'Noor Jansen',
    'Geboortedatum (dd-mm-jjjj)': '02-05-2015',
    'Groep of klas': 'groep 6',
    'Uw vraag aan de consulent': 'Is een TLV cluster 3 passend voor deze leerling?',
    'Waarom overweegt de school dit?': 'De ontwikkeling stagneert ondanks een arrangement.',
    'Wat heeft de school al gedaan?': 'Een jaar arrangement met extra begeleiding.',
    'Weten de ouders van deze vraag?': 'Ja',
    'Zijn de ouders het ermee eens?': 'Ja',
  },
  kijkOpSchool: {
    'Wat wilt u dat de consulent bekijkt, en waarom?': 'Hoe de groep reageert op de nieuwe aanpak bij rekenen.',
    'Groep of klas': 'groep 5',
    'Voorkeursmoment 1: datum': isoDay(9),
    'Voorkeursmoment 1: dagdeel': 'Ochtend',
  },
};

/** Files a request through the real dialog (form → Controleren → Versturen); returns its id and reference. */
export async function fileRequest(h: Harness, client: TeamsClient, type: keyof typeof FORMS, extra: Record<string, unknown> = {}) {
  const command = {
    spreekuur: 'spreekuur',
    thuiszitter: 'thuiszitter melden',
    jes: 'jes plannen',
    advies: 'advies vragen',
    kijkOpSchool: 'kijk op school',
  }[type];
  await client.say(command);
  // The last card with a "Controleren" button (a notice may have arrived in between).
  const form = h.connector
    .cardsIn(client.conversationId)
    .filter((c) => JSON.stringify(c.actions ?? []).includes('Controleren'))
    .at(-1)!;
  const review = await client.press(form, 'Controleren', { ...FORMS[type], ...extra });
  const sent = await client.press(review.card!, 'Versturen');
  const reference = /SOT-\d{4}-\d{4}/.exec(textOf(sent.card!))?.[0];
  if (!reference) throw new Error(`not sent: ${textOf(sent.card!)}`);
  const request = await h.db.prisma.request.findUniqueOrThrow({ where: { reference } });
  await h.deliver();
  return { id: request.id, reference };
}
