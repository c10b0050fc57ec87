// Reading the year agenda for the printable month and the calendar feed.
import type { Db } from './database.ts';

export interface AgendaItemRow {
  itemKey: string;
  kind: string;
  date: string;
  endDate: string | null;
  time: string | null;
  title: string;
  description: string;
  audience: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const select = {
  itemKey: true,
  kind: true,
  date: true,
  endDate: true,
  time: true,
  title: true,
  description: true,
  audience: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** `audiences` null: every item (SOT staff); otherwise only items for one of these audiences. */
const audienceWhere = (audiences: readonly string[] | null) => (audiences ? { audience: { in: [...audiences] } } : {});

/**
 * Items that touch the days `first`..`last` ("YYYY-MM-DD", both included): activities on one of them and
 * holidays that overlap them. Ordered by date and time.
 */
export async function agendaItemsBetween(
  db: Db,
  swvId: string,
  audiences: readonly string[] | null,
  first: string,
  last: string,
): Promise<AgendaItemRow[]> {
  return db.agendaItem.findMany({
    where: {
      swvId,
      ...audienceWhere(audiences),
      OR: [{ date: { gte: first, lte: last } }, { date: { lt: first }, endDate: { gte: first } }],
    },
    select,
    orderBy: [{ date: 'asc' }, { time: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }],
  });
}

/** Every item of the SWV for these audiences (the calendar feed). */
export async function agendaItemsFor(db: Db, swvId: string, audiences: readonly string[] | null): Promise<AgendaItemRow[]> {
  return db.agendaItem.findMany({
    where: { swvId, ...audienceWhere(audiences) },
    select,
    orderBy: [{ date: 'asc' }, { time: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }],
  });
}

export async function swvById(db: Db, swvId: string): Promise<{ name: string; code: string } | null> {
  return db.swv.findUnique({ where: { id: swvId }, select: { name: true, code: true } });
}
