// The school year and its quarters, as the monitoring report counts them. A school year runs from
// 1 August up to and including 31 July; its quarters end on 31 October, 31 January, 30 April and 31 July.
// Dates are Dutch calendar dates (Europe/Amsterdam).
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';

/** Passend onderwijs started on 1 August 2014: there is nothing to report before that school year. */
export const FIRST_SCHOOL_YEAR = 2014;

export interface SchoolYear {
  /** "2026-2027" */
  label: string;
  startYear: number;
  /** "2026-08-01" */
  firstDay: string;
  /** "2027-07-31" */
  lastDay: string;
}

export interface Quarter {
  /** 1 to 4. */
  number: number;
  firstDay: string;
  lastDay: string;
  /** The date the figures are counted up to: the quarter's last day, or today while it runs. */
  peildatum: string;
  /** The moment counted up to (end of the last day, or now while the quarter runs). */
  until: Date;
  /** False while the quarter runs: the figures are up to today. */
  complete: boolean;
}

export type SchoolYearCheck = { ok: true; year: SchoolYear } | { ok: false; message: string };

const today = (now: Date) => DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;

export function schoolYearStarting(startYear: number): SchoolYear {
  return {
    label: `${startYear}-${startYear + 1}`,
    startYear,
    firstDay: `${startYear}-08-01`,
    lastDay: `${startYear + 1}-07-31`,
  };
}

/** The school year `now` falls in (from 1 August). */
export function currentSchoolYear(now: Date): SchoolYear {
  const d = DateTime.fromJSDate(now, { zone: ZONE });
  return schoolYearStarting(d.month >= 8 ? d.year : d.year - 1);
}

/**
 * "2026-2027" → the school year, or a Dutch explanation of what is wrong: the form JJJJ-JJJJ, two years
 * that follow each other, not before passend onderwijs began, and not a school year that has not begun.
 */
export function parseSchoolYear(text: string, now: Date): SchoolYearCheck {
  const given = text.trim();
  const match = /^(\d{4})-(\d{4})$/.exec(given);
  if (!match) return { ok: false, message: `Het schooljaar "${given}" klopt niet: schrijf het als JJJJ-JJJJ, bijvoorbeeld 2026-2027.` };
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end !== start + 1)
    return {
      ok: false,
      message: `Het schooljaar "${given}" klopt niet: de twee jaren moeten op elkaar volgen, bijvoorbeeld ${start}-${start + 1}.`,
    };
  if (start < FIRST_SCHOOL_YEAR)
    return {
      ok: false,
      message: `Het schooljaar ${given} ligt te ver terug: de rapportage begint bij schooljaar ${FIRST_SCHOOL_YEAR}-${FIRST_SCHOOL_YEAR + 1}, het begin van passend onderwijs.`,
    };
  const year = schoolYearStarting(start);
  if (today(now) < year.firstDay)
    return {
      ok: false,
      message: `Schooljaar ${given} is nog niet begonnen (het begint op 1 augustus ${start}). Kies het huidige schooljaar (${currentSchoolYear(now).label}) of een eerder jaar.`,
    };
  return { ok: true, year };
}

/**
 * The quarters of the school year that have begun by `now`: an ended quarter up to its last day, the
 * running one up to now (not complete). A quarter that has not begun is left out.
 */
export function quartersOf(year: SchoolYear, now: Date): Quarter[] {
  const start = DateTime.fromISO(year.firstDay, { zone: ZONE });
  const day = today(now);
  const quarters: Quarter[] = [];
  for (let n = 0; n < 4; n++) {
    const first = start.plus({ months: 3 * n });
    const last = first.plus({ months: 3 }).minus({ days: 1 });
    const firstDay = first.toISODate()!;
    const lastDay = last.toISODate()!;
    if (day < firstDay) break;
    const complete = day > lastDay;
    quarters.push({
      number: n + 1,
      firstDay,
      lastDay,
      peildatum: complete ? lastDay : day,
      until: complete ? last.endOf('day').toJSDate() : now,
      complete,
    });
  }
  return quarters;
}

/** The first moment of the school year (1 August, 00:00 Dutch time). */
export const schoolYearBegins = (year: SchoolYear): Date => DateTime.fromISO(year.firstDay, { zone: ZONE }).toJSDate();
