import { cardAttachment } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { showContact } from './contact.ts';

/** Typed in the personal chat: "contact", "contactgegevens", "bereikbaarheid", "bereikbaar". */
export const CONTACT_TYPED = /^\s*(contact(gegevens)?|bereikbaarheid|bereikbaar)\s*[?!.]*\s*$/i;

/** Contact met het SOT: the office's bereikbaarheid and the school's own consultant. */
export function registerContact(app: App, services: Services): void {
  onCardAction(app, services, 'contact.show', 'personal', (context) => showContact(context, services));
  onCommand(app, 'contact.typed', CONTACT_TYPED, 'personal', async (context) => {
    await context.sendActivity({ attachments: [cardAttachment(await showContact(context, services))] });
  });
}
