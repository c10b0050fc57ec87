// The SOT's overviews in the personal chat: "mijn casussen" (consultants), "thuiszitters" (the
// Thuiszittersteam and the office) and "overzicht" (the office). Each view checks again who is asking.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { cardAttachment } from '../../../cards/render.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { resolveActor } from '../../teams/turn.ts';
import { mayView, type Overview, refusal } from './access.ts';
import { casesOverview } from './cases.ts';
import { officeOverview } from './office.ts';
import { thuiszittersOverview } from './thuiszitters.ts';

type Build = (services: Services, actor: Actor, data: Record<string, unknown>) => Promise<AdaptiveCardJson>;

const OVERVIEWS: Record<Overview, { verb: 'overview.cases' | 'overview.thuiszitters' | 'overview.office'; typed: RegExp; build: Build }> = {
  cases: { verb: 'overview.cases', typed: /\bmijn\s+casus(sen)?\b|^\s*casussen\s*[?!.]*\s*$/i, build: casesOverview },
  // Whole words only: "thuiszitter melden" (and any other sentence about a thuiszitter) still starts the form.
  thuiszitters: {
    verb: 'overview.thuiszitters',
    typed: /^\s*(thuiszitters(\s+overzicht)?|overzicht\s+thuiszitters)\s*[?!.]*\s*$/i,
    build: thuiszittersOverview,
  },
  office: { verb: 'overview.office', typed: /^\s*overzicht(\s+consulenten)?\s*[?!.]*\s*$/i, build: officeOverview },
};

/** Typed words that open an overview (for tests and the help text). */
export const OVERVIEW_WORDS: Record<Overview, RegExp> = {
  cases: OVERVIEWS.cases.typed,
  thuiszitters: OVERVIEWS.thuiszitters.typed,
  office: OVERVIEWS.office.typed,
};

async function view(context: TurnContext, services: Services, overview: Overview, data: Record<string, unknown>) {
  const actor = await resolveActor(context, services);
  if (!actor || !mayView(actor, overview)) return refusal(actor, overview);
  return OVERVIEWS[overview].build(services, actor, data);
}

/**
 * Registered before the request dialogs: the thuiszitter form's typed words match "thuiszitters" too, and
 * the first matching route wins.
 */
export function registerOverviews(app: App, services: Services): void {
  for (const overview of Object.keys(OVERVIEWS) as Overview[]) {
    const { verb, typed } = OVERVIEWS[overview];
    onCardAction(app, services, verb, 'personal', (context, data) => view(context, services, overview, data));
    onCommand(app, `${verb}.typed`, typed, 'personal', async (context) => {
      await context.sendActivity({ attachments: [cardAttachment(await view(context, services, overview, {}))] });
    });
  }
}
