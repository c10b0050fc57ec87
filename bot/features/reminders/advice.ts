// Reminders that follow advice requests (OPDC/TLV): an advice not given in time goes to the consultant
// (weekly), and a granted TLV that is about to end goes to the school once: a new request may be needed.
import { noticeCard } from '../../../cards/notice.ts';
import type { OutboundMessage } from '../../delivery/outbox.ts';
import { ADVICE_DUE_WORKING_DAYS, ADVIES_KIND, TLV_END_WARNING_WEEKS } from '../../domain/requests/advies.ts';
import { formatIsoDate } from '../../domain/time.ts';
import type { Db } from '../../store/database.ts';
import { grantedTlvRequests, openAdviceRequests, schoolContacts } from '../../store/requestQueries.ts';
import { daysUntil, isoWeek, isWeekday, workingDaysSince } from './due.ts';
import { nl } from '../../domain/wording/register.ts';

type Queue = (message: OutboundMessage) => Promise<void>;

export async function adviceReminders(db: Db, now: Date, queue: Queue): Promise<void> {
  if (!isWeekday(now)) return;
  for (const request of await openAdviceRequests(db)) {
    if (request.type !== 'advies' || request.gatekeeping?.advice) continue;
    const waited = workingDaysSince(request.createdAt, now);
    if (waited < ADVICE_DUE_WORKING_DAYS) continue;
    const kind = ADVIES_KIND[request.details.kind];
    const card = noticeCard({
      title: `Advies gevraagd: ${request.reference}`,
      tone: 'warning',
      paragraphs: [
        nl`${request.school.name} vroeg ${waited} werkdagen geleden uw advies over een ${kind}. De school kan pas verder als u advies geeft.`,
      ],
      actions: [{ title: 'Bekijk de aanvraag', verb: 'request.refresh', data: { requestId: request.id } }],
    });
    await queue({
      key: `request:${request.id}:advice-due:${isoWeek(now)}`,
      target: { type: 'person', personId: request.handlerId ?? request.consultantId },
      payload: { card, summary: 'Advies gevraagd' },
    });
  }
  for (const request of await grantedTlvRequests(db)) {
    const end = request.gatekeeping?.tlv?.decision?.end;
    if (!end) continue;
    const days = daysUntil(end, now);
    if (days < 0 || days > TLV_END_WARNING_WEEKS * 7) continue;
    const card = noticeCard({
      title: `TLV loopt af: ${request.reference}`,
      paragraphs: [
        `De toelaatbaarheidsverklaring van de leerling van aanvraag ${request.reference} (${request.school.name}) geldt tot ${formatIsoDate(end)}. Is daarna nog speciaal onderwijs nodig, vraag dan op tijd een nieuw advies en een nieuwe TLV aan.`,
      ],
      actions: [
        { title: `Bekijk ${request.reference}`, verb: 'request.view', data: { requestId: request.id } },
        { title: 'Advies vragen', verb: 'advies.start', data: { schoolId: request.schoolId } },
      ],
    });
    for (const personId of await schoolContacts(db, request)) {
      await queue({
        key: `request:${request.id}:tlv-ends:${end}${personId === request.requesterId ? '' : `:${personId}`}`,
        target: { type: 'person', personId },
        payload: { card, summary: 'TLV loopt af' },
      });
    }
  }
}
