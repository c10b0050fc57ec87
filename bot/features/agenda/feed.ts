// The year agenda as an iCalendar feed to subscribe to (Outlook, Google Calendar, Apple Calendar).
// Built with ical-generator. Each item keeps one UID (from its identity in the agenda file and the SWV's
// code), so an import that changes an item changes the event in place: SEQUENCE is the item's revision,
// LAST-MODIFIED and DTSTAMP its last change (no METHOD: a published feed, RFC 5545 §3.8.7.2).
// Days without a time and school holidays are all-day events (DTEND is the day after the last day);
// timed items are in Europe/Amsterdam, with the VTIMEZONE Outlook needs.
import crypto from 'node:crypto';
import ical, { ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import type { AgendaItemRow } from '../../store/agendaItems.ts';
import { viewLabel, type AgendaView } from './audience.ts';

/** Agenda items have a start time only; a timed item is shown as an hour. */
const TIMED_MINUTES = 60;
/** How often calendar apps should fetch the feed again (Outlook honours X-PUBLISHED-TTL, others REFRESH-INTERVAL). */
const REFRESH_SECONDS = 6 * 3600;

/**
 * Europe/Amsterdam (CET/CEST, EU rules since 1996), as published in the IANA time zone database. The
 * rules are fixed in EU law; the feed's events are all after 1996.
 */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A stable UID per agenda item: its identity in the file (date, time, title; see entryKey) and the SWV. */
export function agendaItemUid(itemKey: string, swvCode: string): string {
  const hash = crypto.createHash('sha256').update(itemKey).digest('hex').slice(0, 32);
  return `${hash}@${swvCode.toLowerCase().replace(/[^a-z0-9.-]/g, '')}.sot-bot`;
}

export interface FeedData {
  swv: { name: string; code: string };
  items: AgendaItemRow[];
  view: AgendaView;
}

export function agendaFeed({ swv, items, view }: FeedData): string {
  const calendar = ical({
    name: `Jaaragenda ${swv.name}`,
    description: `Jaaragenda van ${swv.name}, uit de SOT-bot. ${viewLabel(view)}.`,
    prodId: { company: 'SOT', product: 'SOT-bot jaaragenda', language: 'NL' },
    timezone: { name: null, generator: (tz) => (tz === ZONE ? AMSTERDAM_VTIMEZONE : null) },
    ttl: REFRESH_SECONDS,
  });
  calendar.x('X-WR-TIMEZONE', ZONE);
  for (const item of items) {
    const holiday = item.kind === 'vakantie';
    const day = DateTime.fromISO(item.date, { zone: ZONE });
    const common = {
      id: agendaItemUid(item.itemKey, swv.code),
      sequence: item.revision,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      created: item.createdAt,
      summary: item.title,
      description: item.description || undefined,
      categories: [{ name: holiday ? 'Schoolvakantie' : 'Jaaragenda' }, ...(item.audience !== 'alle' ? [{ name: item.audience }] : [])],
      transparency: item.time && !holiday ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    };
    if (item.time && !holiday) {
      const start = DateTime.fromISO(`${item.date}T${item.time}`, { zone: ZONE });
      calendar.createEvent({ ...common, timezone: ZONE, start, end: start.plus({ minutes: TIMED_MINUTES }) });
    } else {
      const last = DateTime.fromISO(item.endDate ?? item.date, { zone: ZONE });
      calendar.createEvent({ ...common, allDay: true, start: day, end: last.plus({ days: 1 }) });
    }
  }
  return calendar.toString();
}
