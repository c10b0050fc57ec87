// A request must not stay open forever without anyone working on it: after a set period without any
// activity it is closed as expired (and later anonymised like any closed request). Anonymous sparring
// (a thuiszitter signal without the pupil's name) that never went further expires sooner. The coordinator is told once; the channel card shows it.
import type { Db } from '../../store/database.ts';
import { OPEN_STATUSES } from '../../domain/requests/types.ts';
import { EXPIRED_OUTCOME } from '../../domain/requests/lifecycle.ts';
import { lockFor } from '../../store/locks.ts';
import { loadRequest, recordEvent } from '../../store/requests.ts';
import { refreshRequestCards } from '../requests/channelPosts.ts';
import { notifyCoordinator } from '../casework/notify.ts';

export async function expireInactiveRequests(
  db: Db,
  now: Date,
  policy: { inactiveRequestDays: number; sparringDays: number },
): Promise<number> {
  const cutoff = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const quiet = (days: number) => ({
    status: { in: OPEN_STATUSES },
    createdAt: { lt: cutoff(days) },
    events: { none: { at: { gte: cutoff(days) } } },
  });
  const candidates = await db.request.findMany({
    where: {
      OR: [
        quiet(policy.inactiveRequestDays),
        { ...quiet(policy.sparringDays), type: 'thuiszitter', pupil: { path: ['kind'], equals: 'anonymous' } },
      ],
    },
    select: { id: true },
    take: 200,
  });
  let expired = 0;
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      await lockFor(tx, `request:${id}`);
      const request = await loadRequest(tx, id);
      if (!request || !OPEN_STATUSES.includes(request.status)) return false;
      await tx.request.update({ where: { id }, data: { status: 'closed', closedAt: now, outcome: EXPIRED_OUTCOME } });
      const event = await recordEvent(tx, {
        requestId: id,
        actorId: null,
        action: 'expire',
        fromStatus: request.status,
        toStatus: 'closed',
        at: now,
      });
      await refreshRequestCards(tx, id, String(event.id));
      await notifyCoordinator(tx, request, String(event.id), {
        title: 'afgesloten (geen activiteit)',
        lines: [
          'Er is lange tijd niets meer met deze aanvraag gebeurd; daarom is hij automatisch afgesloten. Speelt de vraag nog? Doe dan een nieuwe aanvraag.',
        ],
      });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}
