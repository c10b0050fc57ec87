import { ActivityTypes, type Activity, type ConversationParameters } from 'botbuilder';
import { rememberPersonalChat } from '../store/conversations.ts';
import type { Db } from '../store/database.ts';
import type { ConnectorClients } from '../teams/adapter.ts';
import type { MessageSender, ResolvedTarget, SentMessage } from './worker.ts';
import { UndeliverableError } from './retryPolicy.ts';

/** Sends outbox messages through the Bot Connector (Teams, or the local stand-in in tests). */
export class TeamsSender implements MessageSender {
  /** Every call to Teams gives up after this long (a connector that never answers must not stall the worker). */
  private readonly options: { timeout: number };

  /** Each call to the Bot Connector waits for its turn in the tenant-wide budget (pacer.ts). */
  readonly pacesItself: boolean;
  private readonly pace: () => Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly clients: ConnectorClients,
    timeoutMs = 15_000,
    pace?: () => Promise<void>,
  ) {
    this.options = { timeout: timeoutMs };
    this.pacesItself = !!pace;
    this.pace = pace ?? (async () => {});
  }

  async send(target: ResolvedTarget, message: { text?: string; card?: Record<string, unknown>; summary?: string }): Promise<SentMessage> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: message.text,
      summary: message.summary,
      attachments: message.card ? [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }] : undefined,
    };
    await this.pace();
    switch (target.type) {
      case 'conversation': {
        const client = await this.clients.forServiceUrl(target.serviceUrl);
        const res = await client.conversations.sendToConversation(target.conversationId, activity as Activity, this.options);
        return { serviceUrl: target.serviceUrl, conversationId: target.conversationId, activityId: res.id };
      }
      case 'person':
        return this.sendToPerson(target.personId, activity);
      case 'channel':
        return this.startChannelThread(target, activity);
      case 'reply':
      case 'update': {
        const client = await this.clients.forServiceUrl(target.serviceUrl);
        if (target.type === 'update') {
          await client.conversations.updateActivity(
            target.conversationId,
            target.activityId,
            { ...activity, id: target.activityId } as Activity,
            this.options,
          );
          return { serviceUrl: target.serviceUrl, conversationId: target.conversationId, activityId: target.activityId };
        }
        const res = await client.conversations.replyToActivity(
          target.conversationId,
          target.activityId,
          activity as Activity,
          this.options,
        );
        return { serviceUrl: target.serviceUrl, conversationId: target.conversationId, activityId: res.id };
      }
    }
  }

  private async sendToPerson(personId: string, activity: Partial<Activity>): Promise<SentMessage> {
    const conversation = await this.db.personalConversation.findUnique({ where: { personId } });
    if (conversation) {
      const client = await this.clients.forServiceUrl(conversation.serviceUrl);
      const res = await client.conversations.sendToConversation(conversation.conversationId, activity as Activity, this.options);
      return { serviceUrl: conversation.serviceUrl, conversationId: conversation.conversationId, activityId: res.id };
    }
    // No chat yet: Teams can open one when the app is installed for the person.
    const person = await this.db.person.findUnique({ where: { id: personId }, include: { swv: true } });
    if (!person?.aadObjectId) throw new UndeliverableError('person has no Teams account linked and no chat with the bot');
    const serviceUrl = await this.serviceUrlFor(person.swv.tenantId ?? undefined);
    const client = await this.clients.forServiceUrl(serviceUrl);
    const params: ConversationParameters = {
      isGroup: false,
      bot: { id: this.clients.appId, name: 'SOT-bot' },
      members: [{ id: person.teamsUserId ?? person.aadObjectId, name: '' }],
      tenantId: person.swv.tenantId ?? undefined,
      channelData: person.swv.tenantId ? { tenant: { id: person.swv.tenantId } } : undefined,
    } as ConversationParameters;
    const created = await client.conversations.createConversation(params, this.options);
    // Kept, so the next message to this person is one request instead of two.
    await rememberPersonalChat(
      this.db,
      { personId },
      {
        conversationId: created.id,
        serviceUrl,
        tenantId: person.swv.tenantId ?? undefined,
        userId: person.teamsUserId ?? person.aadObjectId,
      },
      new Date(),
    );
    await this.pace();
    const res = await client.conversations.sendToConversation(created.id, activity as Activity, this.options);
    return { serviceUrl, conversationId: created.id, activityId: res.id };
  }

  private async startChannelThread(
    target: { teamId: string; channelId: string; tenantId?: string },
    activity: Partial<Activity>,
  ): Promise<SentMessage> {
    const serviceUrl = await this.serviceUrlFor(target.tenantId);
    const client = await this.clients.forServiceUrl(serviceUrl);
    // A channel post needs no members or topic; the typed parameters ask for them anyway.
    const params: Partial<ConversationParameters> = {
      isGroup: true,
      bot: { id: this.clients.appId, name: 'SOT-bot' },
      channelData: {
        channel: { id: target.channelId },
        team: { id: target.teamId },
        tenant: target.tenantId ? { id: target.tenantId } : undefined,
      },
      tenantId: target.tenantId,
      activity: activity as Activity,
    };
    const created = await client.conversations.createConversation(params as ConversationParameters, this.options);
    return { serviceUrl, conversationId: created.id, activityId: created.activityId ?? created.id.split('messageid=')[1] };
  }

  /** The Bot Connector address for a tenant, learnt from incoming activities. */
  private async serviceUrlFor(tenantId?: string): Promise<string> {
    const known = tenantId
      ? await this.db.tenantService.findUnique({ where: { tenantId } })
      : await this.db.tenantService.findFirst({ orderBy: { updatedAt: 'desc' } });
    const any = known ?? (await this.db.tenantService.findFirst({ orderBy: { updatedAt: 'desc' } }));
    const url = any?.serviceUrl;
    if (!url) throw Object.assign(new Error('no Bot Connector address known yet (no message received from Teams)'), { retryable: true });
    return url;
  }
}
