// School holidays from the year agenda (items of kind "vakantie"), as the school calendar needs them.
// Each query says what it is for.
import type { Holiday, HolidayRegion } from '../domain/schoolCalendar.ts';
import type { Db, Tx } from './database.ts';

/** The agenda kind of a school holiday (the other kind is "activiteit"). */
const HOLIDAY = 'vakantie';

const toHoliday = (item: { date: string; endDate: string | null }): Holiday => ({ start: item.date, end: item.endDate ?? item.date });

/** The holidays one school follows: its region's (PO or VO, see holidayRegionOf) and those for "alle". */
export async function holidaysFor(db: Db | Tx, swvId: string, region: HolidayRegion): Promise<Holiday[]> {
  const rows = await db.agendaItem.findMany({
    where: { swvId, kind: HOLIDAY, audience: { in: [region, 'alle'] } },
    select: { date: true, endDate: true },
    orderBy: [{ date: 'asc' }, { endDate: 'asc' }],
  });
  return rows.map(toHoliday);
}

/** The holidays of both regions in one query, for lists over many schools (pick by holidayRegionOf). */
export async function holidaysByRegion(db: Db | Tx, swvId: string): Promise<Record<HolidayRegion, Holiday[]>> {
  const rows = await db.agendaItem.findMany({
    where: { swvId, kind: HOLIDAY },
    select: { date: true, endDate: true, audience: true },
    orderBy: [{ date: 'asc' }, { endDate: 'asc' }],
  });
  const byRegion: Record<HolidayRegion, Holiday[]> = { PO: [], VO: [] };
  for (const row of rows) {
    if (row.audience === 'PO' || row.audience === 'alle') byRegion.PO.push(toHoliday(row));
    if (row.audience === 'VO' || row.audience === 'alle') byRegion.VO.push(toHoliday(row));
  }
  return byRegion;
}
