import { ActivityTypes, type TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import { cardAttachment } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import type { PayloadRenderer } from '../../delivery/worker.ts';
import { isPersonalChat, resolveActor, setRoute } from '../../teams/turn.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { decideRegistration, renderRegistrationReview, submitRegistration } from './registration.ts';
import { button } from '../../../cards/verbs.ts';
import { helpCardFor, homeCard, sendHome, welcomedRecently } from './welcome.ts';
import { nl } from '../../domain/wording/register.ts';

const GREETING = /^\s*(hallo|hoi|hi|hello|goedemorgen|goedemiddag)\b/i;

/** A greeting right after the welcome: the menu is just above, so a short answer instead of a second one. */
function greetingCard() {
  return noticeCard({
    title: 'Hallo!',
    paragraphs: [nl`Het menu staat hierboven. Kies daar wat u wilt doen, of typ **menu** om het opnieuw te tonen.`],
    actions: [button('Menu tonen', 'menu.open')],
  });
}

/** First contact: welcome, help, registration of unknown people and its approval. */
export function registerOnboarding(app: App, services: Services): void {
  app.conversationUpdate('membersAdded', async (context) => {
    setRoute(context, 'onboarding.installed');
    const botId = context.activity.recipient?.id;
    const botAdded = context.activity.membersAdded?.some((m) => m.id === botId);
    if (!botAdded) return;
    await greet(context, services);
  });
  // Teams sends installationUpdate as well as membersAdded on install; greeting on membersAdded only
  // avoids a double welcome. The conversation itself is remembered for every activity (app.ts).
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    setRoute(context, 'onboarding.installationUpdate');
  });

  onCommand(app, 'onboarding.help', /^\s*(help|hulp|\?)\s*$/i, 'anywhere', async (context) => {
    const actor = await resolveActor(context, services);
    await context.sendActivity({ attachments: [cardAttachment(await helpCardFor(services, actor))] });
  });
  onCommand(
    app,
    'onboarding.menu',
    /^\s*(menu|start|hallo|hoi|hi|hello|goedemorgen|goedemiddag)\s*[!.]*\s*$/i,
    'anywhere',
    async (context) => {
      if (GREETING.test(context.activity.text ?? '') && welcomedRecently(context, services)) {
        await context.sendActivity({ attachments: [cardAttachment(greetingCard())] });
        return;
      }
      await sendHome(context, services, await resolveActor(context, services));
    },
  );

  onCardAction(app, services, 'menu.open', 'anywhere', async (context) =>
    homeCard(services, await resolveActor(context, services), context.activity.from?.aadObjectId),
  );
  onCardAction(app, services, 'menu.help', 'anywhere', async (context) => helpCardFor(services, await resolveActor(context, services)));
  onCardAction(app, services, 'registration.submit', 'personal', (context, data) => submitRegistration(context, services, data));
  onCardAction(app, services, 'registration.approve', 'personalOrChannel', (context, data) =>
    decideRegistration(context, services, data, 'approved'),
  );
  onCardAction(app, services, 'registration.reject', 'personalOrChannel', (context, data) =>
    decideRegistration(context, services, data, 'rejected'),
  );
}

async function greet(context: TurnContext, services: Services) {
  if (isPersonalChat(context)) {
    await sendHome(context, services, await resolveActor(context, services));
    return;
  }
  const card = noticeCard({
    title: 'De SOT-bot is toegevoegd',
    paragraphs: [
      nl`Consulenten: vermeld @SOT-bot in uw eigen kanaal en typ **koppel**. De aanvragen van uw scholen komen dan in dat kanaal.`,
      'Beheerders: typ **koppel administratie** in het kanaal van het SOT-bureau.',
    ],
  });
  await context.sendActivity({ attachments: [cardAttachment(card)] });
}

export const onboardingRenderers: Record<string, PayloadRenderer> = {
  registrationReview: async (db, args) => {
    const card = await renderRegistrationReview(db, args);
    return card && { card, summary: 'Nieuwe aanmelding voor de SOT-bot' };
  },
};
