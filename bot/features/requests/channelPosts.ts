import { enqueue } from '../../delivery/outbox.ts';
import type { Tx } from '../../store/database.ts';
import type { Consultant, Swv } from '../../store/generated/client.ts';

/** Where a new request goes; see routeNewRequest. */
export type Destination = 'consultantChannel' | 'sotOffice' | 'admins' | 'thuiszittersteam';

/**
 * The places a new request is posted to. routeNewRequest posts exactly these, and the review and the
 * summary after sending name them (destinationSentence), so what the school is told cannot drift.
 */
export function newRequestDestinations(
  type: string,
  consultant: Pick<Consultant, 'active' | 'teamId' | 'channelId'> | null,
  swv: Pick<Swv, 'adminTeamId' | 'adminChannelId' | 'tztTeamId' | 'tztChannelId'>,
): Destination[] {
  const first: Destination =
    consultant?.active && consultant.teamId && consultant.channelId
      ? 'consultantChannel'
      : swv.adminTeamId && swv.adminChannelId
        ? 'sotOffice'
        : 'admins';
  return [first, ...(type === 'thuiszitter' && swv.tztTeamId && swv.tztChannelId ? ['thuiszittersteam' as const] : [])];
}

/**
 * "Anna de Vries en het Thuiszittersteam": who gets it, for the school. Without a linked channel the
 * SOT office passes it on to the consultant, so the school still reads the consultant's name.
 */
export function destinationNames(destinations: readonly Destination[], consultantName: string): string[] {
  return [consultantName, ...(destinations.includes('thuiszittersteam') ? ['het Thuiszittersteam'] : [])];
}

/**
 * Where a new request is posted: its consultant's channel; if the consultant has no linked channel,
 * the SOT office channel, or else every admin 1:1, with a notice. Never nowhere.
 * Thuiszitter signals are also mirrored to the Thuiszittersteam channel when there is one.
 * Returns the key of the channel thread (for later card updates), if one was started.
 */
export async function routeNewRequest(
  tx: Tx,
  request: { id: string; type: string; swvId: string; consultantId: string },
  /** For a hand-over: a fresh thread key, the Thuiszittersteam channel as target, and a notice on the card. */
  handover?: { keySuffix: string; toThuiszittersteam: boolean; handoverNote: string },
  /** The consultant and SWV when the caller has them already (Versturen): two lookups fewer. */
  known?: { consultant: Consultant | null; swv: Swv },
): Promise<string | null> {
  const consultant = known ? known.consultant : await tx.consultant.findUnique({ where: { personId: request.consultantId } });
  const swv = known?.swv ?? (await tx.swv.findUniqueOrThrow({ where: { id: request.swvId } }));
  const tenantId = swv.tenantId ?? undefined;
  const threadKey = `request:${request.id}:thread${handover ? `:${handover.keySuffix}` : ''}`;
  let startedThread: string | null = null;

  if (handover?.toThuiszittersteam && swv.tztTeamId && swv.tztChannelId) {
    await enqueue(tx, {
      key: threadKey,
      target: { type: 'channel', teamId: swv.tztTeamId, channelId: swv.tztChannelId, tenantId },
      payload: { render: 'requestChannel', args: { requestId: request.id, notice: 'handover', note: handover.handoverNote } },
    });
    return threadKey;
  }
  const destinations = newRequestDestinations(request.type, consultant, swv);
  if (destinations[0] === 'consultantChannel' && consultant?.teamId && consultant.channelId) {
    await enqueue(tx, {
      key: threadKey,
      target: { type: 'channel', teamId: consultant.teamId, channelId: consultant.channelId, tenantId },
      payload: {
        render: 'requestChannel',
        args: { requestId: request.id, ...(handover ? { notice: 'handover', note: handover.handoverNote } : {}) },
      },
    });
    startedThread = threadKey;
  } else if (destinations[0] === 'sotOffice' && swv.adminTeamId && swv.adminChannelId) {
    await enqueue(tx, {
      key: threadKey,
      target: { type: 'channel', teamId: swv.adminTeamId, channelId: swv.adminChannelId, tenantId },
      payload: { render: 'requestChannel', args: { requestId: request.id, notice: 'unlinked' } },
    });
    startedThread = threadKey;
  } else {
    const admins = await tx.person.findMany({ where: { swvId: request.swvId, isAdmin: true, active: true } });
    for (const admin of admins) {
      const key = `request:${request.id}:admin:${admin.id}`;
      await enqueue(tx, {
        key,
        target: { type: 'person', personId: admin.id },
        payload: { render: 'requestChannel', args: { requestId: request.id, notice: 'unlinked' } },
        orderKey: `thread:${key}`, // later updates of this card wait for it
      });
    }
  }

  if (!handover && destinations.includes('thuiszittersteam') && swv.tztTeamId && swv.tztChannelId) {
    await enqueue(tx, {
      key: `request:${request.id}:tzt`,
      target: { type: 'channel', teamId: swv.tztTeamId, channelId: swv.tztChannelId, tenantId },
      payload: { render: 'requestChannel', args: { requestId: request.id, notice: 'thuiszittersteam' } },
    });
  }
  return startedThread;
}

/** After a change: refresh every card that shows this request (thread, mirrors, admin copies). */
export async function refreshRequestCards(tx: Tx, requestId: string, changeId: string): Promise<void> {
  const posts = await tx.delivery.findMany({
    where: { dedupeKey: { startsWith: `request:${requestId}:` }, kind: { in: ['channel', 'person'] } },
    select: { dedupeKey: true, payload: true },
  });
  // Only the request's own cards (threads, mirrors, admin copies), never the notices to the coordinator.
  const cards = posts.filter((p) => (p.payload as { render?: string }).render === 'requestChannel');
  for (const post of cards) {
    const args = (post.payload as { args?: Record<string, unknown> }).args ?? { requestId };
    await enqueue(tx, {
      key: `${post.dedupeKey}:update:${changeId}`,
      target: { type: 'update', ofKey: post.dedupeKey },
      payload: { render: 'requestChannel', args },
      orderKey: `thread:${post.dedupeKey}`,
    });
  }
}
