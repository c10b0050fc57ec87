// Vraag stellen: the question goes to the coordinator, who answers in their chat (answer.ts).
import type { FormInput } from '../../../cards/actionForm.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { act, type CaseContext } from './act.ts';
import { type FormSpec, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

const ASK_INPUTS: FormInput[] = [
  { kind: 'text', id: 'question', label: nl`Uw vraag aan de school`, multiline: true, maxLength: 1000, required: true },
];

const askSpec = (ctx: CaseContext): FormSpec => ({
  action: 'ask',
  title: 'Vraag stellen',
  intro: `De vraag gaat naar ${ctx.request.requester.name}, die de vraag in de chat met de SOT-bot kan beantwoorden.`,
  inputs: ASK_INPUTS,
  submitTitle: 'Vraag versturen',
});

export const askForm = onCase((ctx, services) => showForm(services, ctx, 'ask', () => askSpec(ctx)));

export const ask = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const question = f.text('question', { required: nl`Vul uw vraag in.`, max: 1000, label: 'Vraag' });
  if (!f.ok) return showFormAgain(ctx, askSpec(ctx), data, f.errors);
  const outcome = await act(
    services,
    ctx,
    'ask',
    async (tx, request) => {
      await tx.request.update({ where: { id: request.id }, data: { openQuestion: question, resumeStatus: request.status } });
      return { note: question, coordinatorMessage: { title: `vraag van ${ctx.actor.name}`, lines: [question], answer: true } };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, nl`Uw vraag is naar ${ctx.request.requester.name} gestuurd.`);
});
