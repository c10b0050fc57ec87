import { ActivityTypes, type TurnContext } from 'botbuilder';
import { noticeCard } from '../../cards/notice.ts';

export const UNAVAILABLE_TEXT =
  'Het lukt nu even niet: de SOT-bot kan zijn gegevens niet bereiken. Er is niets opgeslagen. Probeer het over een paar minuten opnieuw.';

/**
 * While the database is down: a card action gets a Dutch card that says to try again (Teams shows only a
 * 200 answer), anything else answers 503 so Teams delivers it again later. Returns the HTTP status to use.
 */
export async function answerUnavailable(context: TurnContext): Promise<number | undefined> {
  const a = context.activity;
  if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
    const card = noticeCard({ title: 'Probeer het zo opnieuw', tone: 'warning', paragraphs: [UNAVAILABLE_TEXT] });
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return undefined;
  }
  return 503;
}
