// Overdragen: to another consultant, or (thuiszitters) to the Thuiszittersteam. The request gets a new
// thread in its new channel; the old thread says where it went.
import type { FormInput } from '../../../cards/actionForm.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import type { Services } from '../../services.ts';
import { routeNewRequest } from '../requests/channelPosts.ts';
import { act, type CaseContext } from './act.ts';
import { type FormSpec, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

async function handoverChoices(services: Services, ctx: CaseContext) {
  const consultants = await services.db.consultant.findMany({
    where: { active: true, personId: { not: ctx.request.consultantId }, person: { active: true, swvId: ctx.request.swvId } },
    include: { person: true },
    orderBy: { person: { name: 'asc' } },
  });
  const list = consultants.map((c) => ({ value: `consultant:${c.personId}`, title: c.person.name }));
  const swv = await services.db.swv.findUnique({ where: { id: ctx.request.swvId } });
  if (ctx.request.type === 'thuiszitter' && swv?.tztChannelId) list.push({ value: 'thuiszittersteam', title: 'Het Thuiszittersteam' });
  return list;
}

function handoverSpec(options: { value: string; title: string }[]): FormSpec {
  const inputs: FormInput[] = [
    { kind: 'choice', id: 'to', label: 'Overdragen aan', choices: options, placeholder: 'Kies aan wie', required: true },
    { kind: 'text', id: 'note', label: 'Toelichting voor de nieuwe consulent', multiline: true, maxLength: 1000, required: true },
  ];
  return { action: 'handover', title: 'Overdragen', inputs, submitTitle: 'Overdragen' };
}

export const handoverForm = onCase((ctx, services) =>
  showForm(services, ctx, 'handover', async () => handoverSpec(await handoverChoices(services, ctx))),
);

export const handover = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const options = await handoverChoices(services, ctx);
  const to = f.choice(
    'to',
    options.map((o) => o.value),
    { required: nl`Kies aan wie u overdraagt.` },
  );
  const note = f.text('note', { required: 'Schrijf kort waarom, en wat er al is gedaan.', max: 1000, label: 'Toelichting' });
  if (!f.ok || !to) return showFormAgain(ctx, handoverSpec(options), data, f.errors);
  const targetName = options.find((o) => o.value === to)!.title;

  const outcome = await act(
    services,
    ctx,
    'handover',
    async (tx, request) => {
      const newConsultant = to.startsWith('consultant:') ? to.slice('consultant:'.length) : request.consultantId;
      await tx.request.update({
        where: { id: request.id },
        data: { consultantId: newConsultant, handlerId: null, openQuestion: null, resumeStatus: null },
      });
      if (request.threadKey) {
        await enqueue(tx, {
          key: `request:${request.id}:handover-note:${Date.now()}`,
          target: { type: 'reply', toKey: request.threadKey },
          payload: { text: `Overgedragen aan ${targetName} door ${ctx.actor.name}. Toelichting: ${note}` },
          orderKey: `thread:${request.threadKey}`,
        });
      }
      const seq = await tx.requestEvent.count({ where: { requestId: request.id } });
      const newKey = await routeNewRequest(
        tx,
        { ...request, consultantId: newConsultant },
        {
          keySuffix: `h${seq}`,
          toThuiszittersteam: to === 'thuiszittersteam',
          handoverNote: `Overgedragen door ${ctx.actor.name}: ${note}`,
        },
      );
      if (newKey) await tx.request.update({ where: { id: request.id }, data: { threadKey: newKey } });
      return {
        note: `Aan ${targetName}: ${note}`,
        coordinatorMessage: {
          title: `overgedragen aan ${targetName}`,
          lines: [nl`${ctx.actor.name} heeft uw aanvraag overgedragen aan ${targetName}.`],
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Overgedragen aan ${targetName}.`);
});
