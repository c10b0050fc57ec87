import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { aboutTail } from '../../domain/requests/aboutLine.ts';
import { noticeCard } from '../../../cards/notice.ts';
import { enqueue } from '../../delivery/outbox.ts';

import type { Tx } from '../../store/database.ts';
import { schoolContacts } from '../../store/requestQueries.ts';
import type { RequestWithContext } from '../../store/requests.ts';
import { answerCard } from '../../../cards/answer.ts';

/** Tells the school what happened, in their 1:1 chat: the coordinator who filed it, or all of them (requestQueries.ts). */
export async function notifyCoordinator(
  tx: Tx,
  request: RequestWithContext,
  changeId: string,
  message: { title: string; lines: string[]; facts?: { label: string; value: string }[]; icsUrl?: string; answer?: boolean },
): Promise<void> {
  const headline = `${REQUEST_KINDS[request.type].label} ${request.reference}: ${message.title}`;
  const base = `${headline} — ${aboutTail(request)}`;
  const cardFor = (title: string) =>
    message.answer
      ? answerCard({ requestId: request.id, title, lines: message.lines })
      : noticeCard({
          title,
          paragraphs: message.lines,
          facts: message.facts,
          actions: [{ title: `Bekijk ${request.reference}`, verb: 'request.view', data: { requestId: request.id } }],
          links: message.icsUrl ? [{ title: 'Agenda-uitnodiging (.ics)', url: message.icsUrl }] : [],
        });
  const contacts = await schoolContacts(tx, request);
  // Only someone who coordinates several schools needs the school's name to tell requests apart.
  const several = await coordinatorsOfSeveralSchools(tx, contacts);
  for (const personId of contacts) {
    const title = several.has(personId) ? `${base} · ${request.school.name}` : base;
    const card = cardFor(title);
    await enqueue(tx, {
      // The first contact keeps the key the requester always had.
      key:
        personId === request.requesterId
          ? `request:${request.id}:notify:${changeId}`
          : `request:${request.id}:notify:${changeId}:${personId}`,
      target: { type: 'person', personId },
      // The summary is what Teams shows in pop-ups and on a locked phone: no initials or question there.
      payload: { card, summary: headline },
    });
  }
}

async function coordinatorsOfSeveralSchools(tx: Tx, personIds: string[]): Promise<Set<string>> {
  const rows = await tx.schoolCoordinator.groupBy({ by: ['personId'], where: { personId: { in: personIds } }, _count: { _all: true } });
  return new Set(rows.filter((r) => r._count._all > 1).map((r) => r.personId));
}
