// "Mijn acties tonen" (the personal view of a channel card) and Oppakken.
import { act } from './act.ts';
import { caseCardFor } from './caseCard.ts';
import { answerWith, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

/** Universal Actions refresh and "Mijn acties tonen": the card as this person may see it now. */
export const refresh = onCase((ctx, services) => caseCardFor(services, ctx.request, ctx.roles));

export const claim = onCase(async (ctx, services) => {
  const outcome = await act(services, ctx, 'claim', async (tx, request) => {
    await tx.request.update({ where: { id: request.id }, data: { handlerId: ctx.actor.personId } });
    return {
      coordinatorMessage: {
        title: `opgepakt door ${ctx.actor.name}`,
        lines: [nl`${ctx.actor.name} heeft uw aanvraag opgepakt en neemt contact met u op.`],
      },
    };
  });
  return answerWith(services, ctx, outcome, nl`U heeft deze aanvraag opgepakt.`);
});
