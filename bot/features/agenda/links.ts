// Personal links to the year agenda: the printable month (web page and PDF) and the calendar feed.
// Each person has their own revocable token (the SOT office can revoke it); without one, no links.
import type { Services } from '../../services.ts';

export interface AgendaLinks {
  /** The printable month, e.g. month "2026-12". */
  printUrl(month: string): string;
  pdfUrl(month: string): string;
  /** The iCalendar feed to subscribe to in Outlook or Google Calendar. */
  feedUrl: string;
}

/** The person's agenda links (made on first use). Stub until the printable month and the feed exist. */
export async function agendaLinksFor(services: Services, personId: string): Promise<AgendaLinks | null> {
  void services;
  void personId;
  return null;
}
