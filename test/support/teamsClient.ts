import crypto from 'node:crypto';
import { findAction, fillInputs, type Card } from './cards.ts';
import { clock } from './clock.ts';

export interface TeamsUser {
  id: string;
  aadObjectId?: string;
  name: string;
}

export interface ClientOptions {
  botUrl: string;
  serviceUrl: string;
  tenantId: string;
  user: TeamsUser;
  /** Personal chat by default; a channel when teamId/channelId are given. */
  conversation?: { id: string; type: 'personal' | 'groupChat' } | { id: string; type: 'channel'; teamId: string; channelId: string };
}

export interface InvokeResult {
  status: number;
  body: any;
  /** The card the invoke answered with (it replaces the card that was clicked). */
  card?: Card;
}

/** Sends activities to the bot's real HTTP endpoint the way Teams does. */
export class TeamsClient {
  constructor(private readonly options: ClientOptions) {}

  get conversationId(): string {
    return this.options.conversation?.id ?? `a:personal-${this.options.user.id}`;
  }

  private base(): Record<string, any> {
    const conv = this.options.conversation;
    const channelData: Record<string, any> = { tenant: { id: this.options.tenantId } };
    if (conv?.type === 'channel') {
      channelData.team = { id: conv.teamId };
      channelData.channel = { id: conv.channelId };
    }
    return {
      id: crypto.randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.options.serviceUrl,
      timestamp: clock.now().toISOString(),
      from: { id: this.options.user.id, aadObjectId: this.options.user.aadObjectId, name: this.options.user.name },
      recipient: { id: '28:sot-bot', name: 'SOT-bot' },
      conversation: {
        id: this.conversationId,
        conversationType: conv?.type ?? 'personal',
        tenantId: this.options.tenantId,
        isGroup: conv?.type === 'channel' || conv?.type === 'groupChat' ? true : undefined,
      },
      channelData,
      locale: 'nl-NL',
    };
  }

  async post(activity: Record<string, any>): Promise<{ status: number; body: any }> {
    const body = JSON.stringify({ ...this.base(), ...activity });
    const send = () => fetch(this.options.botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    // A kept-alive connection the server closed while idle (a test that ran the scheduler for a while, on a
    // busy machine) is reset before the request is read: the same activity once more, as Teams would retry it.
    const res = await send().catch((err) => {
      if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
      return send();
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A chat message; in a channel it @mentions the bot, as Teams requires. */
  async say(text: string): Promise<{ status: number }> {
    if (this.options.conversation?.type === 'channel') {
      return this.post({
        type: 'message',
        text: `<at>SOT-bot</at> ${text}`,
        entities: [{ type: 'mention', text: '<at>SOT-bot</at>', mentioned: { id: '28:sot-bot', name: 'SOT-bot' } }],
      });
    }
    return this.post({ type: 'message', text });
  }

  async installed(): Promise<{ status: number }> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: '28:sot-bot' }] });
  }

  /** An Action.Execute press: Teams sends the action's data merged with the card's input values. */
  async execute(verb: string, data: Record<string, unknown> = {}): Promise<InvokeResult> {
    const res = await this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    const card = res.body?.type === 'application/vnd.microsoft.card.adaptive' ? res.body.value : undefined;
    return { ...res, card };
  }

  /** Presses the button with this title on a card, after filling inputs by their labels. */
  async press(card: Card, title: string, fill: Record<string, unknown> = {}): Promise<InvokeResult> {
    const action = findAction(card, title);
    if (action.type !== 'Action.Execute') throw new Error(`"${title}" is a ${action.type}, not Action.Execute`);
    const values = fillInputs(card, fill);
    return this.execute(action.verb!, { ...values, ...(action.data ?? {}) });
  }
}
