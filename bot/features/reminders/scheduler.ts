// Scheduled reminders from the year agenda and from the requests themselves. Every reminder has a
// fixed key, so a run that is repeated (or several instances running) sends it once.
import { appointmentText } from '../../domain/requests/appointments.ts';
import { aboutTail } from '../../domain/requests/aboutLine.ts';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { noticeCard } from '../../../cards/notice.ts';
import { enqueue, enqueueMany, type OutboundMessage } from '../../delivery/outbox.ts';
import type { Db, Tx } from '../../store/database.ts';
import { adviceReminders } from './advice.ts';
import { hasReportingDuty, reportingDone, weeksAbsent } from '../../domain/requests/thuiszitter.ts';
import { type Holiday, type HolidayRegion, holidayRegionOf } from '../../domain/schoolCalendar.ts';
import { holidaysFor } from '../../store/holidays.ts';
import { openThuiszitters, plannedRequests, schoolContacts, unpickedRequests } from '../../store/requestQueries.ts';
import { formatDate, formatIsoDate, formatLocalDateTime } from '../../domain/time.ts';
import { safeError } from '../../log.ts';
import { applyRetention, type RetentionPolicy } from '../retention/index.ts';
import { purgeSeenActivities } from '../../store/seenActivities.ts';
import { queueUndeliveredDigest } from '../../delivery/deadLetters.ts';
import type { Services } from '../../services.ts';
import { daysSince, daysUntil, dueAgendaReminder, inOfficeHours, isWeekday, isoWeek, sectorsFor, todayIso } from './due.ts';
import { turnedOff } from '../../store/reminderPreferences.ts';
import { appointmentReminderDay, DEFAULT_REMINDER_TIME, reminderTimeReached, schoolDays, WEEKDAYS, type WorkCalendar } from './timing.ts';

function inDays(days: number, when: string): string {
  return days <= 0 ? `Vandaag: ${when}.` : days === 1 ? `Morgen: ${when}.` : `Over ${days} dagen: ${when}.`;
}

/** A request nobody picked up gets a reminder in its thread after this many days, then daily. */
export const UNPICKED_AFTER_DAYS = 2;
/** …and the SOT office hears of it after this many days. */
export const UNPICKED_ESCALATE_DAYS = 5;

export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  /** From this Dutch local time on, a working day's agenda and appointment reminders go out (timing.ts). */
  private readonly reminderTime: string;

  constructor(
    private readonly services: Services,
    private readonly intervalMs: number,
    private readonly retention: RetentionPolicy,
    options: { reminderTime?: string } = {},
  ) {
    this.reminderTime = options.reminderTime ?? DEFAULT_REMINDER_TIME;
  }

  private stopped = false;

  start(): void {
    const tick = () => {
      this.running = this.runOnce(this.services.now())
        .catch((err) => this.services.logger.error({ err: safeError(err) }, 'reminder run failed'))
        .finally(() => {
          if (this.stopped) return;
          this.timer = setTimeout(tick, this.intervalMs);
          this.timer.unref?.();
        });
    };
    this.timer = setTimeout(tick, 5_000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Queues every reminder due at `now`; returns how many new ones were queued. Also applies retention. */
  async runOnce(now: Date): Promise<number> {
    try {
      const done = await applyRetention(this.services.db, now, this.retention);
      if (Object.values(done).some((n) => n > 0)) this.services.logger.info(done, 'retention applied');
    } catch (err) {
      this.services.logger.error({ err: safeError(err) }, 'retention run failed'); // reminders still go out
    }
    // Handled-activity ids are only needed while Teams may still retry (minutes); real time, like the ids.
    await purgeSeenActivities(this.services.db, new Date(Date.now() - 86_400_000)).catch((err) =>
      this.services.logger.error({ err: safeError(err) }, 'purging handled activity ids failed'),
    );
    if (!inOfficeHours(now)) return 0;
    this.queued = 0;
    if (isWeekday(now) && (await queueUndeliveredDigest(this.services.db, now))) this.queued++;
    await this.agenda(now);
    await this.unpicked(now);
    await this.reportingDuty(now);
    await this.appointments(now);
    await adviceReminders(this.services.db, now, (message) => this.queue(this.services.db, message));
    if (this.queued > 0) this.services.nudgeDelivery();
    return this.queued;
  }

  /** New reminders in this run; a key written before (an earlier run, another instance) does not count. */
  private queued = 0;
  private async queue(tx: Tx | Db, message: OutboundMessage): Promise<void> {
    if (await enqueue(tx, message)) this.queued++;
  }

  /**
   * Year-agenda items: coordinators of the matching schools, or for an SOT item the consultants. From the
   * reminder time on, on the recipient's working days (timing.ts); once per item, reminder day and person.
   */
  private async agenda(now: Date) {
    if (!isWeekday(now) || !reminderTimeReached(now, this.reminderTime)) return;
    const { db } = this.services;
    // By its (first) date: a holiday that has begun is not reminded of any more.
    const items = await db.agendaItem.findMany({ where: { date: { gte: todayIso(now) } } });
    if (items.length === 0) return;
    const calendars = new WorkCalendars(db);
    const off = await turnedOff(db, 'agenda');
    for (const item of items) {
      const remindDays = item.remindDays as number[];
      if (remindDays.length === 0) continue;
      // Who may get it, each with the calendar they follow; first without asking who, to skip what is not due.
      const groups = await calendars.candidates(item.swvId, item.audience);
      if (!groups.some((calendar) => dueAgendaReminder(item.date, remindDays, now, calendar) !== null)) continue;
      const recipients = (await this.agendaRecipients(item.swvId, item.audience, calendars)).filter((r) => !off.has(r.personId));
      // A holiday is one item however many days it lasts, so it is reminded of once per reminder day.
      const when =
        item.kind === 'vakantie' && item.endDate && item.endDate !== item.date
          ? `${formatIsoDate(item.date)} tot en met ${formatIsoDate(item.endDate)}`
          : item.time
            ? formatLocalDateTime(`${item.date}T${item.time}`)
            : formatIsoDate(item.date);
      const card = noticeCard({
        title: `Herinnering jaaragenda: ${item.title}`,
        paragraphs: [
          inDays(daysUntil(item.date, now), when),
          ...(item.description ? [item.description] : []),
          ...(item.audience === 'SOT' ? ['Dit staat in de jaaragenda voor het SOT-team.'] : []),
        ],
        actions: [{ title: 'Herinneringen instellen', verb: 'reminders.settings' }],
      });
      const messages: OutboundMessage[] = [];
      for (const { personId, calendar } of recipients) {
        const days = dueAgendaReminder(item.date, remindDays, now, calendar);
        if (days === null) continue;
        messages.push({
          key: `agenda:${item.id}:${days}:${personId}`,
          target: { type: 'person' as const, personId },
          payload: { card, summary: item.title },
        });
      }
      // One statement per chunk, no long transaction: the keys make a run that stopped halfway safe to repeat.
      this.queued += await enqueueMany(db, messages);
    }
  }

  /** SOT items: the active consultants (weekdays); others: the coordinators of active matching schools. */
  private async agendaRecipients(
    swvId: string,
    audience: string,
    calendars: WorkCalendars,
  ): Promise<{ personId: string; calendar: WorkCalendar }[]> {
    const { db } = this.services;
    if (audience === 'SOT') {
      const consultants = await db.person.findMany({
        where: { swvId, active: true, consultant: { is: { active: true } } },
        select: { id: true },
      });
      return consultants.map((p) => ({ personId: p.id, calendar: WEEKDAYS }));
    }
    const sectors = sectorsFor(audience);
    const schoolWhere = { active: true, ...(sectors ? { sector: { in: sectors } } : {}) };
    const coordinators = await db.person.findMany({
      where: { swvId, active: true, coordinates: { some: { school: schoolWhere } } },
      select: { id: true, coordinates: { where: { school: schoolWhere }, select: { school: { select: { sector: true } } } } },
    });
    const result: { personId: string; calendar: WorkCalendar }[] = [];
    for (const person of coordinators) {
      const regions = [...new Set(person.coordinates.map((c) => holidayRegionOf(c.school.sector)))];
      result.push({ personId: person.id, calendar: await calendars.of(swvId, regions) });
    }
    return result;
  }

  /** "A request must never vanish because someone was away: it waits, visibly, until someone picks it up." */
  private async unpicked(now: Date) {
    if (!isWeekday(now)) return;
    const { db } = this.services;
    const waiting = await unpickedRequests(db, new Date(now.getTime() - UNPICKED_AFTER_DAYS * 86_400_000));
    for (const request of waiting) {
      // Waiting since it became "new": filed, or handed over to its current consultant.
      const since = request.events[0]?.at ?? request.createdAt;
      const days = daysSince(since, now);
      if (days < UNPICKED_AFTER_DAYS) continue;
      const label = `${REQUEST_KINDS[request.type].label} ${request.reference} van ${request.school.name}`;
      await db.$transaction(async (tx) => {
        if (request.threadKey) {
          await this.queue(tx, {
            key: `request:${request.id}:unpicked:${todayIso(now)}`,
            target: { type: 'reply', toKey: request.threadKey },
            payload: {
              text: `Herinnering: deze aanvraag wacht al ${days} dagen (sinds ${formatDate(since)}) tot iemand die oppakt. ${request.consultant.name}: druk op "Mijn acties tonen" en dan "Oppakken", of draag de aanvraag over.`,
            },
            orderKey: `thread:${request.threadKey}`,
          });
        }
        if (days >= UNPICKED_ESCALATE_DAYS) {
          const admins = await tx.person.findMany({ where: { swvId: request.swvId, isAdmin: true, active: true }, select: { id: true } });
          const card = noticeCard({
            title: 'Aanvraag niet opgepakt',
            tone: 'warning',
            paragraphs: [`${label} wacht al ${days} dagen op ${request.consultant.name}. Overweeg de aanvraag over te dragen.`],
            actions: [{ title: 'Bekijk de aanvraag', verb: 'request.refresh', data: { requestId: request.id } }],
          });
          for (const admin of admins) {
            await this.queue(tx, {
              key: `request:${request.id}:unpicked-office:${isoWeek(now)}:${admin.id}`,
              target: { type: 'person', personId: admin.id },
              payload: { card, summary: 'Aanvraag niet opgepakt' },
            });
          }
        }
      });
    }
  }

  /** Thuiszitters absent 4 weeks or more: weekly reminder to the school until DUO and OT are recorded. */
  private async reportingDuty(now: Date) {
    if (!isWeekday(now)) return;
    const { db } = this.services;
    const holidays = new Map<string, Holiday[]>();
    for (const request of await openThuiszitters(db)) {
      if (request.type !== 'thuiszitter') continue;
      const { details } = request;
      const region = holidayRegionOf(request.school.sector);
      const key = `${request.swvId}:${region}`;
      if (!holidays.has(key)) holidays.set(key, await holidaysFor(db, request.swvId, region));
      const schoolHolidays = holidays.get(key)!;
      if (!hasReportingDuty(details, now, schoolHolidays)) continue;
      const done = reportingDone(details);
      if (done.duo && done.ot) continue;
      const todo = [!done.duo && 'het verzuim bij DUO (verzuimregister)', !done.ot && 'de leerling in Onderwijs Transparant']
        .filter(Boolean)
        .join(' en ');
      const card = noticeCard({
        title: `Meldplicht thuiszitter: ${request.reference} — ${aboutTail(request)}`,
        tone: 'attention',
        paragraphs: [
          `De leerling van melding ${request.reference} verzuimt ${weeksAbsent(details, now, schoolHolidays)} schoolweken. Meld ${todo}, en leg hier vast wanneer dat is gedaan.`,
        ],
        actions: [
          { title: 'Gegevens aanvullen', verb: 'request.report.form', data: { requestId: request.id } },
          { title: `Bekijk ${request.reference}`, verb: 'request.view', data: { requestId: request.id } },
        ],
      });
      const contacts = await schoolContacts(db, request);
      await db.$transaction(async (tx) => {
        for (const personId of contacts) {
          await this.queue(tx, {
            key: `request:${request.id}:duty:${isoWeek(now)}${personId === request.requesterId ? '' : `:${personId}`}`,
            target: { type: 'person', personId },
            payload: { card, summary: 'Meldplicht thuiszitter' },
          });
        }
      });
    }
  }

  /**
   * The day before a planned appointment: the coordinator and the consultant (or whoever picked it up)
   * are reminded — on the last working day before it, from the reminder time on. The school's people
   * follow the school's holidays; SOT staff only the weekend.
   */
  private async appointments(now: Date) {
    if (!isWeekday(now) || !reminderTimeReached(now, this.reminderTime)) return;
    const { db } = this.services;
    const today = todayIso(now);
    const calendars = new WorkCalendars(db);
    const off = await turnedOff(db, 'appointments');
    for (const request of await plannedRequests(db)) {
      const { appointment } = request;
      if (!appointment || appointment.date <= today) continue;
      const schoolCalendar = await calendars.of(request.swvId, [holidayRegionOf(request.school.sector)]);
      const staffDue = appointmentReminderDay(appointment.date, WEEKDAYS) === today;
      const schoolDue = appointmentReminderDay(appointment.date, schoolCalendar) === today;
      if (!staffDue && !schoolDue) continue;
      const days = daysUntil(appointment.date, now);
      const what = `${REQUEST_KINDS[request.type].inSentence} ${request.reference} (${request.school.name}), ${appointmentText(appointment)}.`;
      const text = days === 1 ? `Morgen: ${what}` : `Over ${days} dagen: ${what}`;
      // The coordinator opens their summary; the consultant the request card.
      const recipients = [
        ...(schoolDue ? await schoolContacts(db, request) : []).map((personId) => ({ personId, verb: 'request.view' as const })),
        ...(staffDue ? [{ personId: request.handlerId ?? request.consultantId, verb: 'request.refresh' as const }] : []),
      ].filter((r) => !off.has(r.personId));
      await db.$transaction(async (tx) => {
        for (const { personId, verb } of recipients) {
          const card = noticeCard({
            title: 'Herinnering afspraak',
            paragraphs: [text],
            actions: [
              { title: `Bekijk ${request.reference}`, verb, data: { requestId: request.id } },
              { title: 'Herinneringen instellen', verb: 'reminders.settings' },
            ],
          });
          await this.queue(tx, {
            key: `request:${request.id}:appointment:${appointment.date}:${appointment.time}:${personId}`,
            target: { type: 'person', personId },
            payload: { card, summary: 'Herinnering afspraak' },
          });
        }
      });
    }
  }
}

/** The work calendars of one run: holidays are read once per SWV and region. */
class WorkCalendars {
  private readonly holidays = new Map<string, Promise<Holiday[]>>();
  constructor(private readonly db: Db) {}

  private holidaysOf(swvId: string, region: HolidayRegion): Promise<Holiday[]> {
    const key = `${swvId}:${region}`;
    let found = this.holidays.get(key);
    if (!found) {
      found = holidaysFor(this.db, swvId, region);
      this.holidays.set(key, found);
    }
    return found;
  }

  /** A coordinator's calendar: working days outside the holidays of the regions their schools follow. */
  async of(swvId: string, regions: HolidayRegion[]): Promise<WorkCalendar> {
    return schoolDays(await Promise.all([...regions].sort().map((r) => this.holidaysOf(swvId, r))));
  }

  /** Every calendar a recipient of an item for this audience can follow. */
  async candidates(swvId: string, audience: string): Promise<WorkCalendar[]> {
    if (audience === 'SOT') return [WEEKDAYS];
    if (audience === 'PO' || audience === 'VO') return [await this.of(swvId, [audience])];
    return [await this.of(swvId, ['PO']), await this.of(swvId, ['VO']), await this.of(swvId, ['PO', 'VO'])];
  }
}
