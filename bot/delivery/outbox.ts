import type { Prisma } from '../store/generated/client.ts';
import type { Db, Tx } from '../store/database.ts';

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
export async function enqueue(tx: Tx | Db, message: OutboundMessage): Promise<boolean> {
  return (await enqueueMany(tx, [message])) > 0; // false: a message with this key was already written
}

/** Rows per statement when many messages are written at once (a year-agenda reminder to every coordinator). */
export const ENQUEUE_CHUNK = 500;

/**
 * Records many messages in one statement per chunk of ENQUEUE_CHUNK. Keys already written are skipped, so a
 * run that stopped halfway can simply run again. Returns how many were new.
 */
export async function enqueueMany(db: Tx | Db, messages: OutboundMessage[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
    const { count } = await db.delivery.createMany({
      data: messages.slice(i, i + ENQUEUE_CHUNK).map((message) => ({
        dedupeKey: message.key,
        kind: message.target.type,
        targetKey: message.orderKey ?? defaultOrderKey(message),
        target: message.target as Prisma.InputJsonValue,
        payload: message.payload as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });
    written += count;
  }
  return written;
}
