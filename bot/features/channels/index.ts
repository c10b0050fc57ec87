import type { Services } from '../../services.ts';
import { onCommand, type App } from '../../teams/routes.ts';
import { linkChannel } from './link.ts';

/** Linking Teams channels to consultants, the SOT office and the Thuiszittersteam. */
export function registerChannels(app: App, services: Services): void {
  onCommand(app, 'channels.link', /^\s*koppel\b/i, 'personalOrChannel', (context) => linkChannel(context, services));
}
