// The calendar file for a planned appointment, any type: a JES-overleg's invitation for participants outside
// Teams, and for the others the coordinator's own calendar. One UID per request, so a moved appointment
// replaces the old one (SEQUENCE counts the moves); a withdrawn appointment, or a request closed before it,
// gives a cancellation. Times in Europe/Amsterdam with the VTIMEZONE Outlook needs. Never the pupil's name:
// the file is forwarded and lands in calendars outside the bot.
import crypto from 'node:crypto';
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { PLACES } from '../../domain/requests/appointments.ts';
import { ZONE } from '../../domain/time.ts';
import type { Db } from '../../store/database.ts';
import { loadRequest, type RequestWithContext } from '../../store/requests.ts';
import { AMSTERDAM_VTIMEZONE } from '../agenda/feed.ts';

const MEETING_MINUTES = 60;

export function signRequestLink(secret: string, requestId: string): string {
  return crypto.createHmac('sha256', secret).update(`ics:${requestId}`).digest('base64url').slice(0, 32);
}

export function verifyRequestLink(secret: string, requestId: string, token: string): boolean {
  const expected = Buffer.from(signRequestLink(secret, requestId));
  const given = Buffer.from(token);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Withdrawn, or closed before the appointment began: the appointment does not take place. */
function cancelled(request: RequestWithContext, start: DateTime): boolean {
  if (request.status === 'withdrawn') return true;
  if (request.status !== 'closed') return false;
  const closing = [...request.events].reverse().find((e) => e.toStatus === 'closed');
  return !!closing && DateTime.fromJSDate(closing.at) < start;
}

/** LOCATION: the school's name for "Op school", the address typed, or how (online, by phone). */
function locationOf(request: RequestWithContext): string {
  const place = request.appointment!.place;
  return place === PLACES.school ? `${request.school.name} (op school)` : place;
}

/** The file's name in the download. */
export const icsFileName = (request: { type: RequestWithContext['type'] }) =>
  `${REQUEST_KINDS[request.type].label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.ics`;

/**
 * The .ics text and file name, or null when there is no appointment (never planned, or closed after it
 * took place).
 */
export async function appointmentInvitation(db: Db, requestId: string): Promise<{ ics: string; fileName: string } | null> {
  const request = await loadRequest(db, requestId);
  if (!request?.appointment) return null;
  const { appointment } = request;
  const start = DateTime.fromISO(`${appointment.date}T${appointment.time}`, { zone: ZONE });
  const cancel = cancelled(request, start);
  if (!cancel && (request.status === 'closed' || request.status === 'withdrawn')) return null;
  const label = REQUEST_KINDS[request.type].label;
  const handler = request.handlerId
    ? ((await db.person.findUnique({ where: { id: request.handlerId }, select: { name: true } }))?.name ?? request.consultant.name)
    : request.consultant.name;
  const calendar = ical({
    name: label,
    prodId: { company: 'SOT', product: 'SOT-bot', language: 'NL' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => (tz === ZONE ? AMSTERDAM_VTIMEZONE : null) },
  });
  // Every new time (planned again after a question or a handover, or moved) raises the SEQUENCE.
  const times = request.events.filter((e) => e.action === 'plan' || e.action === 'move').length;
  const moves = Math.max(0, times - 1);
  const common = {
    id: `${request.id}@sot-bot`,
    sequence: moves + (cancel ? 1 : 0),
    // The last change, not the clock: the same state gives the same file.
    stamp: request.events.at(-1)?.at ?? request.createdAt,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    timezone: ZONE,
    start,
    end: start.plus({ minutes: MEETING_MINUTES }),
    summary: `${cancel ? 'Afgelast: ' : ''}${label} ${request.school.name} (${request.reference})`,
    location: locationOf(request),
    organizer: { name: request.consultant.name, email: request.consultant.email },
  };
  if (request.type === 'jes') {
    // Only what participants need to attend: the subject (often a pupil), the question and pupil
    // details stay in the bot, because this file travels by mail.
    calendar.createEvent({
      ...common,
      description: `JES-overleg van ${request.school.name}, aangevraagd door ${request.requester.name}.\nReferentie: ${request.reference}`,
      attendees: request.details.participants
        .filter((p) => p.email)
        .map((p) => ({ name: p.name ?? undefined, email: p.email!, role: ICalAttendeeRole.REQ })),
    });
  } else {
    // For the coordinator's own calendar: what, with whom, where and the reference; the question and
    // the pupil stay in the bot.
    calendar.createEvent({
      ...common,
      description: `${label} van ${request.school.name} met ${handler} (SOT).\nPlaats: ${appointment.place}\nReferentie: ${request.reference}\nDe details staan in Teams, bij de SOT-bot.`,
    });
  }
  return { ics: calendar.toString(), fileName: icsFileName(request) };
}
