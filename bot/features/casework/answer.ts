// Vraag stellen → the coordinator answers in their 1:1 chat; the answer goes to the thread and history.
import { answerCard } from '../../../cards/answer.ts';
import { cleanText } from '../../domain/text.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { coordinatorSummary } from '../requests/views.ts';
import { act } from './act.ts';
import { formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

export const answerForm = onCase(async (ctx) =>
  answerCard({ requestId: ctx.request.id, title: `Vraag over ${ctx.request.reference}`, lines: [ctx.request.openQuestion ?? ''] }),
);

export const submitAnswer = onCase(async (ctx, services, data) => {
  const answer = typeof data.answer === 'string' ? cleanText(data.answer).trim() : '';
  const title = `Vraag over ${ctx.request.reference}`;
  if (!answer)
    return answerCard({
      requestId: ctx.request.id,
      title,
      lines: [ctx.request.openQuestion ?? ''],
      errors: { answer: nl`Vul uw antwoord in.` },
    });
  if (answer.length > 2000)
    return answerCard({
      requestId: ctx.request.id,
      title,
      lines: [ctx.request.openQuestion ?? ''],
      values: { answer },
      errors: { answer: nl`Uw antwoord is te lang: maximaal 2000 tekens (nu ${answer.length}).` },
    });

  const outcome = await act(
    services,
    ctx,
    'answer',
    async (tx, request) => {
      const to = request.resumeStatus ?? 'claimed';
      await tx.request.update({ where: { id: request.id }, data: { openQuestion: null, resumeStatus: null } });
      if (request.threadKey) {
        await enqueue(tx, {
          key: `request:${request.id}:answer:${typeof data.formId === 'string' ? data.formId : Date.now()}`,
          target: { type: 'reply', toKey: request.threadKey },
          payload: {
            text: `Antwoord van ${ctx.actor.name} (${request.school.name}) op de vraag "${request.openQuestion ?? ''}":\n\n${answer}`,
          },
          orderKey: `thread:${request.threadKey}`,
        });
      }
      return { to, note: `Antwoord: ${answer}` };
    },
    formIdOf(data),
  );
  if (!outcome.ok) {
    // Keep what they typed: the consultant may have moved on (e.g. planned the appointment already).
    return answerCard({
      requestId: ctx.request.id,
      title,
      lines: [outcome.message, nl`Uw antwoord is niet verstuurd. U kunt het hieronder bewaren of de consulent direct benaderen.`],
      values: { answer },
    });
  }
  return coordinatorSummary(services.db, outcome.request, services.now(), { banner: nl`Uw antwoord is doorgestuurd naar de consulent.` });
});
