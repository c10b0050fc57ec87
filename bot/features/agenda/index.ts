import { cardAttachment } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { showAgenda } from './agendaCard.ts';
import { itemForm, removeForm, removeItem, saveItem } from './editItem.ts';

/** The year agenda in the personal chat: everyone sees their months; admins of the SOT office change it there. */
export function registerAgenda(app: App, services: Services): void {
  onCommand(app, 'agenda.typed', /^\s*(de\s+|mijn\s+)?(jaar)?agenda\s*[!?.]*\s*$/i, 'personal', async (context) => {
    await context.sendActivity({ attachments: [cardAttachment(await showAgenda(context, services, {}))] });
  });
  onCardAction(app, services, 'agenda.show', 'personal', (context, data) => showAgenda(context, services, data));
  onCardAction(app, services, 'agenda.item.form', 'personal', (context, data) => itemForm(context, services, data));
  onCardAction(app, services, 'agenda.item.save', 'personal', (context, data) => saveItem(context, services, data));
  onCardAction(app, services, 'agenda.item.remove.form', 'personal', (context, data) => removeForm(context, services, data));
  onCardAction(app, services, 'agenda.item.remove', 'personal', (context, data) => removeItem(context, services, data));
}
