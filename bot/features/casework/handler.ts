// Every casework route starts the same way: look up the request named in the card data and check that this
// person has anything to do with it (act.ts loadCase). onCase does that once; handlers get the case.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import type { Services } from '../../services.ts';
import { coordinatorSummary } from '../requests/views.ts';
import { type ActOutcome, type CaseContext, loadCase, rolesOf } from './act.ts';
import { caseCardFor } from './caseCard.ts';

export type Handler = (context: TurnContext, services: Services, data: Record<string, unknown>) => Promise<AdaptiveCardJson>;
export type CaseHandler = (ctx: CaseContext, services: Services, data: Record<string, unknown>) => Promise<AdaptiveCardJson>;

/** A route for one request: refused (with the reason) before the handler runs when the case is not theirs. */
export const onCase =
  (handler: CaseHandler): Handler =>
  async (context, services, data) => {
    const ctx = await loadCase(context, services, data);
    return 'refusal' in ctx ? ctx.refusal : handler(ctx, services, data);
  };

/** The refreshed card for the clicker: fresh state, their buttons, and what happened. */
export async function answerWith(services: Services, ctx: CaseContext, outcome: ActOutcome, success: string) {
  if (ctx.roles.includes('coordinator') && !ctx.roles.includes('assignee')) {
    return coordinatorSummary(
      services.db,
      outcome.request,
      services.now(),
      outcome.ok ? { banner: success } : { message: outcome.message },
    );
  }
  return caseCardFor(services, outcome.request, rolesOf(ctx.actor, outcome.request), outcome.ok ? success : outcome.message);
}

/** The id of the submitted form: the same submit arriving twice (double click, Teams retry) has one effect. */
export const formIdOf = (data: Record<string, unknown>) => (typeof data.formId === 'string' ? data.formId.slice(0, 100) : undefined);
