import { cardAttachment } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { saveReminderSettings, showReminderSettings } from './settings.ts';

/** Typed in the personal chat: "herinneringen", "herinneringen instellen", "instellingen". */
export const REMINDER_SETTINGS_TYPED = /^\s*(herinneringen(\s+instellen)?|herinnering\s+instellen|instellingen)\s*[?!.]*\s*$/i;

/** Herinneringen instellen: one's own settings, in the personal chat only. */
export function registerReminderSettings(app: App, services: Services): void {
  onCardAction(app, services, 'reminders.settings', 'personal', (context) => showReminderSettings(context, services));
  onCardAction(app, services, 'reminders.save', 'personal', (context, data) => saveReminderSettings(context, services, data));
  onCommand(app, 'reminders.typed', REMINDER_SETTINGS_TYPED, 'personal', async (context) => {
    await context.sendActivity({ attachments: [cardAttachment(await showReminderSettings(context, services))] });
  });
}
