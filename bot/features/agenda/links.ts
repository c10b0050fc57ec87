// Personal links to the year agenda: the printable month (web page and PDF) and the calendar feed.
// Each person has their own revocable token (the SOT office can revoke it); without one, no links.
import type { Services } from '../../services.ts';
import { currentTokenOf } from './tokens.ts';
import { nl } from '../../domain/wording/register.ts';

export interface AgendaLinks {
  /** The printable month, e.g. month "2026-12". */
  printUrl(month: string): string;
  pdfUrl(month: string): string;
  /** The iCalendar feed to subscribe to in Outlook or Google Calendar. */
  feedUrl: string;
}

/**
 * The person's agenda links, with their token made on first use (the same links every time until the
 * office revokes them). Null for an unknown or deactivated person.
 */
export async function agendaLinksFor(services: Services, personId: string): Promise<AgendaLinks | null> {
  const { baseUrl, tokenFor } = services.agendaLinks;
  const token = await currentTokenOf(services.db, tokenFor, personId, services.now());
  if (!token) return null;
  const query = `?token=${encodeURIComponent(token)}`;
  return {
    printUrl: (month) => `${baseUrl}/agenda/${encodeURIComponent(month)}${query}`,
    pdfUrl: (month) => `${baseUrl}/agenda/${encodeURIComponent(month)}.pdf${query}`,
    feedUrl: `${baseUrl}/agenda.ics${query}`,
  };
}

/** How to subscribe to the feed, for the agenda card (Teams Markdown: paragraphs and a numbered list). */
export const SUBSCRIBE_HELP = [
  nl`Zet de jaaragenda in uw eigen agenda; wijzigingen komen er dan vanzelf in.`,
  [
    nl`1. Kopieer uw persoonlijke abonnementslink.`,
    '2. Outlook: ga naar **Agenda** → **Agenda toevoegen** → **Abonneren vanaf internet**, plak de link, geef de agenda een naam en kies **Importeren**.',
    "3. Google Agenda: klik bij **Andere agenda's** op **+** → **Via URL**, plak de link en kies **Agenda toevoegen**.",
  ].join('\n'),
  'Outlook en Google halen wijzigingen een paar keer per dag op. De link is persoonlijk: deel hem niet.',
].join('\n\n');
