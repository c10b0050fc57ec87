// School holidays from the year agenda (items of kind "vakantie"), per region.
import type { Holiday, HolidayRegion } from '../domain/schoolCalendar.ts';
import type { Db, Tx } from './database.ts';

/** The holidays a school of this region follows. */
export async function holidaysFor(db: Db | Tx, swvId: string, region: HolidayRegion): Promise<Holiday[]> {
  void db;
  void swvId;
  void region;
  return [];
}
