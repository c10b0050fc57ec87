import { VERBS, type Verb } from '../../../cards/verbs.ts';
import type { Services } from '../../services.ts';
import { cardAttachment } from '../../../cards/render.ts';
import { onCardAction, onCommand, type App } from '../../teams/routes.ts';
import { moveDay, moveDayForm } from './moveDay.ts';
import { advise, adviseForm, tlv, tlvForm } from './advise.ts';
import { answerForm, submitAnswer } from './answer.ts';
import { ask, askForm } from './ask.ts';
import { claim, refresh } from './claim.ts';
import { close, closeForm } from './closing.ts';
import { back, backForm, report, reportForm } from './thuiszitterCase.ts';
import { handover, handoverForm } from './handover.ts';
import type { Handler } from './handler.ts';
import { identifyPupil, identifyPupilForm } from './identify.ts';
import { move, moveForm, plan, planForm } from './planning.ts';
import { visit, visitForm } from './proposeVisit.ts';
import { fileJesForm } from './fileJes.ts';

/** Consultants act on the channel cards; coordinators answer questions and record DUO/OT reporting. */
export function registerCasework(app: App, services: Services): void {
  const routes: Partial<Record<Verb, Handler>> = {
    'request.refresh': refresh,
    'request.claim': claim,
    'request.plan.form': planForm,
    'request.plan': plan,
    'request.move.form': moveForm,
    'request.move': move,
    'request.ask.form': askForm,
    'request.ask': ask,
    'request.handover.form': handoverForm,
    'request.handover': handover,
    'request.close.form': closeForm,
    'request.close': close,
    'request.report.form': reportForm,
    'request.report': report,
    'request.back.form': backForm,
    'request.back': back,
    'request.advise.form': adviseForm,
    'request.advise': advise,
    'request.tlv.form': tlvForm,
    'request.tlv': tlv,
    'request.visit.form': visitForm,
    'request.visit': visit,
    'request.jes.form': fileJesForm,
    'request.answer.form': answerForm,
    'request.answer': submitAnswer,
    'request.identify.form': identifyPupilForm,
    'request.identify': identifyPupil,
  };
  // Consultants act on the channel cards (or in their chat); coordinators' own steps stay in the personal chat.
  const coordinatorOnly = new Set<Verb>(['request.answer.form', 'request.answer', 'request.identify.form', 'request.identify']);
  onCardAction(app, services, 'casework.moveDay.form', 'personalOrChannel', (context, data) => moveDayForm(context, services, data));
  onCardAction(app, services, 'casework.moveDay', 'personalOrChannel', (context, data) => moveDay(context, services, data));
  onCommand(
    app,
    'casework.moveDay.typed',
    /\b(verzet|verplaats)\s+(een\s+|de\s+)?dag\b|\bafspraken\s+verzetten\b/i,
    'personalOrChannel',
    async (context) => {
      await context.sendActivity({ attachments: [cardAttachment(await moveDayForm(context, services, {}))] });
    },
  );
  for (const verb of VERBS) {
    const handler = routes[verb];
    if (!handler) continue;
    onCardAction(app, services, verb, coordinatorOnly.has(verb) ? 'personal' : 'personalOrChannel', (context, data) =>
      handler(context, services, data),
    );
  }
}
