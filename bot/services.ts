import type { Db } from './store/database.ts';
import type { Logger } from './log.ts';

/** What feature handlers may use. Built once in the composition root (bot/index.ts). */
export interface Services {
  db: Db;
  logger: Logger;
  /** Tells the delivery worker that new messages were committed. */
  nudgeDelivery(): void;
  now(): Date;
  /** False while the database does not answer (to tell people to try again instead of "something went wrong"). */
  databaseAvailable(): Promise<boolean>;
  /** From this Dutch local time ("08:00") on, agenda and appointment reminders go out (REMINDER_TIME). */
  reminderTime: string;
  /** Signed web address of a planned JES-overleg's calendar file (for external participants). */
  icsUrl(requestId: string): string;
  /**
   * The year agenda's personal links (bot/features/agenda/links.ts): the address people reach this server
   * at, and a person's link token, derived with LINK_SECRET (bot/features/agenda/tokens.ts).
   */
  agendaLinks: { baseUrl: string; tokenFor(personId: string, tokenId: string): string };
  /** Signed web address of the anonymised thuiszitter report of a school year, for one admin, until `expiresAt`. */
  reportUrl(schoolYear: string, personId: string, expiresAt: Date): string;
}
