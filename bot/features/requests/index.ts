import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { cardAttachment } from '../../../cards/render.ts';
import type { PayloadRenderer } from '../../delivery/worker.ts';
import { REQUEST_TYPES } from '../../domain/requests/types.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { confirmRequest } from './confirm.ts';
import { editDialog, reviewDialog, startDialog } from './dialogs.ts';
import { listMine, viewRequest, withdrawRequest } from './mine.ts';
import { renderRequestChannelCard } from './views.ts';

/** The coordinator's request dialogs: spreekuur, thuiszitter, JES-overleg, and "mijn aanvragen". */
export function registerRequests(app: App, services: Services): void {
  for (const type of REQUEST_TYPES) {
    onCardAction(app, services, `${type}.start`, 'personal', (context, data) => startDialog(context, services, type, data));
    onCardAction(app, services, `${type}.review`, 'personal', (context, data) => reviewDialog(context, services, type, data));
    onCardAction(app, services, `${type}.edit`, 'personal', (context, data) => editDialog(context, services, type, data));
    onCommand(app, `${type}.typed`, REQUEST_KINDS[type].typed, 'personal', async (context) => {
      const card = await startDialog(context, services, type, {});
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
