import { FORM_KINDS, FORM_ENTRIES } from '../../domain/requests/kinds.ts';
import { cardAttachment } from '../../../cards/render.ts';
import type { PayloadRenderer } from '../../delivery/worker.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { confirmRequest } from './confirm.ts';
import { editDialog, reviewDialog, startDialog } from './dialogs.ts';
import { listMine, viewRequest, withdrawRequest } from './mine.ts';
import { renderRequestChannelCard } from './views.ts';

/** The coordinator's request dialogs: spreekuur, thuiszitter, JES-overleg, and "mijn aanvragen". */
export function registerRequests(app: App, services: Services): void {
  for (const form of FORM_KINDS) {
    onCardAction(app, services, `${form}.start`, 'personal', (context, data) => startDialog(context, services, form, data));
    onCardAction(app, services, `${form}.review`, 'personal', (context, data) => reviewDialog(context, services, form, data));
    onCardAction(app, services, `${form}.edit`, 'personal', (context, data) => editDialog(context, services, form, data));
    onCommand(app, `${form}.typed`, FORM_ENTRIES[form].typed, 'personal', async (context) => {
      const card = await startDialog(context, services, form, {});
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    });
  }
  onCardAction(app, services, 'request.confirm', 'personal', (context, data) => confirmRequest(context, services, data));
  onCardAction(app, services, 'mine.list', 'personal', (context) => listMine(context, services));
  onCardAction(app, services, 'request.view', 'personal', (context, data) => viewRequest(context, services, data));
  onCardAction(app, services, 'request.withdraw', 'personal', (context, data) => withdrawRequest(context, services, data));
  onCommand(app, 'mine.typed', /\bmijn\s+aanvragen\b|^\s*(aanvragen|status)\s*[?!.]*\s*$/i, 'personal', async (context) => {
    await context.sendActivity({ attachments: [cardAttachment(await listMine(context, services))] });
  });
}

export const requestRenderers: Record<string, PayloadRenderer> = {
  requestChannel: (db, args) => renderRequestChannelCard(db, args),
};
