import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { Services } from '../services.ts';
import { registerOnboarding } from '../features/onboarding/index.ts';
import { registerChannels } from '../features/channels/index.ts';
import { registerRequests } from '../features/requests/index.ts';
import { registerCasework } from '../features/casework/index.ts';
import { registerOverviews } from '../features/overviews/index.ts';
import { registerAgenda } from '../features/agenda/index.ts';
import { registerAgendaLinks } from '../features/agenda/revokeCommand.ts';
import { registerMonitoring } from '../features/monitoring/index.ts';
import { helpCardFor, sendHome } from '../features/onboarding/welcome.ts';
import { registerReminderSettings } from '../features/reminders/index.ts';
import { registerContact } from '../features/contact/index.ts';
import { cardAttachment, type AdaptiveCardJson } from '../../cards/render.ts';
import { noticeCard } from '../../cards/notice.ts';
import { onUnknownCardAction } from './routes.ts';
import { isPersonalChat, rememberConversation, resolveActor, setRoute } from './turn.ts';
import { RecentActivities } from './duplicates.ts';

/** The route table: each feature registers its own routes; the fallback comes last. */
export function createApp(adapter: TeamsAdapter, botAppId: string, services: Services, recent = new RecentActivities()): Application {
  const app = new Application({
    adapter,
    botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.turn('beforeTurn', async (context) => {
    const a = context.activity;
    if (a.id && a.type !== ActivityTypes.Invoke && (await recent.isHandled(RecentActivities.keyOf(a)))) {
      setRoute(context, 'duplicate');
      return false;
    }
    if (context.activity.from?.aadObjectId || context.activity.serviceUrl) {
      await rememberConversation(context, services, await resolveActor(context, services));
    }
    return true;
  });

  // Only a turn that finished counts as handled (duplicates.ts): a crash half-way lets the retry through.
  app.turn('afterTurn', async (context) => {
    const a = context.activity;
    if (a.id && a.type !== ActivityTypes.Invoke) await recent.handled(RecentActivities.keyOf(a));
    return true;
  });

  registerOnboarding(app, services);
  // Before other "agenda …" commands: "agenda intrekken <naam>" is the office's.
  registerAgendaLinks(app, services);
  registerChannels(app, services);
  // Before the request dialogs: the first matching typed word wins, and "thuiszitters" is an overview.
  registerOverviews(app, services);
  registerAgenda(app, services);
  registerRequests(app, services);
  registerCasework(app, services);
  registerMonitoring(app, services);
  registerReminderSettings(app, services);
  registerContact(app, services);

  // A button on an old card whose action no longer exists: say so instead of "Something went wrong".
  onUnknownCardAction(
    app,
    () =>
      noticeCard({
        title: 'Deze kaart is verlopen',
        tone: 'attention',
        paragraphs: ['Deze knop werkt niet meer. Er is niets opgeslagen. Open het menu om verder te gaan.'],
        actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
      }) as AdaptiveCardJson,
  );

  app.activity(ActivityTypes.Message, async (context) => {
    setRoute(context, 'fallback');
    if (isPersonalChat(context)) {
      await sendHome(context, services, await resolveActor(context, services));
    } else {
      await context.sendActivity({ attachments: [cardAttachment(await helpCardFor(services, await resolveActor(context, services)))] });
    }
  });

  return app;
}
