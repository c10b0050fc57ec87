import type { Prisma } from '../store/generated/client.ts';
import type { Tx } from '../store/database.ts';

/** Where a message goes. */
export type DeliveryTarget =
  /** 1:1 chat with a person from the directory. */
  | { type: 'person'; personId: string }
  /** A conversation we already know (e.g. an applicant who is not in the directory yet). */
  | { type: 'conversation'; conversationId: string; serviceUrl: string }
  /** A new thread in a Teams channel. */
  | { type: 'channel'; teamId: string; channelId: string; tenantId?: string }
  /** A reply in the thread that the delivery with this key started. */
  | { type: 'reply'; toKey: string }
  /** Replace the message that the delivery with this key sent (card update). */
  | { type: 'update'; ofKey: string };

/** What to send: a fixed message, or a card rendered at send time from the current state. */
export type DeliveryPayload =
  | { text?: string; card?: Record<string, unknown>; summary?: string }
  | { render: string; args: Record<string, unknown> };

export interface OutboundMessage {
  /** Unique per message: writing the same key twice stores it once. */
  key: string;
  target: DeliveryTarget;
  payload: DeliveryPayload;
  /** Messages with the same order key go out in the order they were written. */
  orderKey?: string;
}

function defaultOrderKey(message: OutboundMessage): string {
  const target = message.target;
  switch (target.type) {
    case 'person':
      return `person:${target.personId}`;
    case 'conversation':
      return `conversation:${target.conversationId}`;
    case 'channel':
      // Later replies to and updates of this thread wait for it.
      return `thread:${message.key}`;
    case 'reply':
      return `thread:${target.toKey}`;
    case 'update':
      return `thread:${target.ofKey}`;
  }
}

/**
 * Records a message to send, inside the caller's transaction: the message exists exactly when
 * the change it reports was committed. The delivery worker sends it. Returns whether it is new.
 */
export async function enqueue(tx: Tx, message: OutboundMessage): Promise<boolean> {
  const { count } = await tx.delivery.createMany({
    data: [
      {
        dedupeKey: message.key,
        kind: message.target.type,
        targetKey: message.orderKey ?? defaultOrderKey(message),
        target: message.target as Prisma.InputJsonValue,
        payload: message.payload as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  return count > 0; // false: a message with this key was already written
}
