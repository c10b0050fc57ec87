import { VERBS, type Verb } from '../../../cards/verbs.ts';
import type { Services } from '../../services.ts';
import { onCardAction, type App } from '../../teams/routes.ts';
import * as actions from './actions.ts';
import { answerForm, submitAnswer } from './answer.ts';
import { identifyPupil, identifyPupilForm } from './identify.ts';

/** Consultants act on the channel cards; coordinators answer questions and record DUO/OT reporting. */
export function registerCasework(app: App, services: Services): void {
  const routes: Partial<Record<Verb, (typeof actions)['claim']>> = {
    'request.refresh': actions.refresh,
    'request.claim': actions.claim,
    'request.plan.form': actions.planForm,
    'request.plan': actions.plan,
    'request.move.form': actions.moveForm,
    'request.move': actions.move,
    'request.ask.form': actions.askForm,
    'request.ask': actions.ask,
    'request.handover.form': actions.handoverForm,
    'request.handover': actions.handover,
    'request.close.form': actions.closeForm,
    'request.close': actions.close,
    'request.report.form': actions.reportForm,
    'request.report': actions.report,
    'request.answer.form': answerForm,
    'request.answer': submitAnswer,
    'request.identify.form': identifyPupilForm,
    'request.identify': identifyPupil,
  };
  // Consultants act on the channel cards (or in their chat); coordinators' own steps stay in the personal chat.
  const coordinatorOnly = new Set<Verb>(['request.answer.form', 'request.answer', 'request.identify.form', 'request.identify']);
  for (const verb of VERBS) {
    const handler = routes[verb];
    if (!handler) continue;
    onCardAction(app, services, verb, coordinatorOnly.has(verb) ? 'personal' : 'personalOrChannel', (context, data) =>
      handler(context, services, data),
    );
  }
}
