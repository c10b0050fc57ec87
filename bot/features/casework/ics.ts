// The calendar invitation for a planned JES-overleg, for participants outside Teams.
// Times are written in UTC (…Z), which every calendar converts back to the right Dutch time.
import crypto from 'node:crypto';
import ical, { ICalAttendeeRole, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from '../../domain/time.ts';
import type { Db } from '../../store/database.ts';
import { loadRequest } from '../../store/requests.ts';

const MEETING_MINUTES = 60;

export function signRequestLink(secret: string, requestId: string): string {
  return crypto.createHmac('sha256', secret).update(`ics:${requestId}`).digest('base64url').slice(0, 32);
}

export function verifyRequestLink(secret: string, requestId: string, token: string): boolean {
  const expected = Buffer.from(signRequestLink(secret, requestId));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** The .ics text, or null when the request is not a planned JES-overleg. */
export async function jesInvitation(db: Db, requestId: string): Promise<string | null> {
  const request = await loadRequest(db, requestId);
  if (request?.type !== 'jes' || !request.appointment || request.status === 'closed' || request.status === 'withdrawn') return null;
  const { appointment, details } = request;
  const start = DateTime.fromISO(`${appointment.date}T${appointment.time}`, { zone: ZONE });
  const calendar = ical({
    name: 'JES-overleg',
    prodId: { company: 'SOT', product: 'SOT-bot', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `${request.id}@sot-bot`,
    sequence: request.events.filter((e) => e.action === 'move').length,
    start: start.toJSDate(),
    end: start.plus({ minutes: MEETING_MINUTES }).toJSDate(),
    summary: `JES-overleg ${request.school.name} (${request.reference})`,
    location: appointment.place,
    // Only what participants need to attend: the subject (often a pupil), the question and pupil
    // details stay in the bot, because this file travels by mail.
    description: `JES-overleg van ${request.school.name}, aangevraagd door ${request.requester.name}.\nReferentie: ${request.reference}`,
    organizer: { name: request.consultant.name, email: request.consultant.email },
    attendees: details.participants
      .filter((p) => p.email)
      .map((p) => ({ name: p.name ?? undefined, email: p.email!, role: ICalAttendeeRole.REQ })),
  });
  return calendar.toString();
}
