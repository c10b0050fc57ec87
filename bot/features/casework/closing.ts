// Afronden. A thuiszitter case closes with the outcomes an SWV reports (more than one can apply).
import type { FormInput } from '../../../cards/actionForm.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { THUISZITTER_OUTCOMES, type ThuiszitterOutcome } from '../../domain/requests/thuiszitter.ts';
import { toJson } from '../../store/requestRecords.ts';
import { act, type CaseContext } from './act.ts';
import { choices, type FormSpec, keys, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

const OUTCOMES = {
  advies: 'Advies gegeven',
  doorverwezen: 'Doorverwezen',
  opgelost: 'Vraag opgelost',
  niet_nodig: 'Geen ondersteuning van het SOT nodig',
  anders: 'Anders',
} as const;

const thuiszitterInputs: FormInput[] = [
  {
    kind: 'choice',
    id: 'outcomes',
    label: 'Uitkomst (meer dan één kan)',
    expanded: true,
    multiSelect: true,
    required: true,
    choices: choices(THUISZITTER_OUTCOMES),
  },
  { kind: 'text', id: 'outcomeOther', label: 'Andere uitkomst, namelijk', maxLength: 200 },
];

const otherInputs: FormInput[] = [
  { kind: 'choice', id: 'outcome', label: 'Uitkomst', expanded: true, required: true, choices: choices(OUTCOMES) },
  { kind: 'text', id: 'outcomeOther', label: 'Andere uitkomst, namelijk', maxLength: 200 },
];

const closeSpec = (ctx: CaseContext): FormSpec => ({
  action: 'close',
  title: 'Afronden',
  inputs: [
    ...(ctx.request.type === 'thuiszitter' ? thuiszitterInputs : otherInputs),
    { kind: 'text', id: 'advice', label: 'Advies of toelichting (optioneel)', multiline: true, maxLength: 2000 },
  ],
  submitTitle: 'Afronden',
});

export const closeForm = onCase((ctx, services) =>
  showForm(services, ctx, 'close', () => closeSpec(ctx), ctx.request.type === 'thuiszitter' ? preselected(ctx) : undefined),
);

/** A pupil recorded as back at school: that outcome is ticked already. */
function preselected(ctx: CaseContext): Record<string, string> | undefined {
  return ctx.request.type === 'thuiszitter' && ctx.request.details.backToSchool ? { outcomes: 'terugNaarSchool' } : undefined;
}

/** The outcome as one line (history, coordinator), and for a thuiszitter the categories kept for reporting. */
export function readOutcome(f: FormReader, thuiszitter: boolean): { text: string; categories?: ThuiszitterOutcome[] } | undefined {
  const other = f.text('outcomeOther', { max: 200, label: 'Andere uitkomst' });
  if (thuiszitter) {
    const picked = f.choices('outcomes', keys(THUISZITTER_OUTCOMES));
    if (!picked.length && !f.errors.outcomes) f.fail('outcomes', 'Kies ten minste één uitkomst.');
    if (picked.includes('anders') && !other) f.fail('outcomeOther', nl`U koos "Anders": beschrijf de uitkomst.`);
    if (!f.ok) return undefined;
    const text = picked.map((k) => (k === 'anders' ? `Anders: ${other}` : THUISZITTER_OUTCOMES[k])).join('; ');
    return { text, categories: picked };
  }
  const key = f.choice('outcome', keys(OUTCOMES), { required: 'Kies de uitkomst.' });
  if (key === 'anders' && !other) f.fail('outcomeOther', nl`U koos "Anders": beschrijf de uitkomst.`);
  if (!f.ok || !key) return undefined;
  return { text: key === 'anders' ? other : OUTCOMES[key] };
}

export const close = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const outcome = readOutcome(f, ctx.request.type === 'thuiszitter');
  const advice = f.text('advice', { max: 2000, label: 'Advies' });
  if (!f.ok || !outcome) return showFormAgain(ctx, closeSpec(ctx), data, f.errors);
  const result = await act(
    services,
    ctx,
    'close',
    async (tx, request) => {
      await tx.request.update({
        where: { id: request.id },
        data: {
          outcome: outcome.text,
          advice: advice || null,
          openQuestion: null,
          ...(request.type === 'thuiszitter' ? { details: toJson({ ...request.details, outcomes: outcome.categories ?? [] }) } : {}),
        },
      });
      return {
        note: outcome.text,
        coordinatorMessage: {
          title: 'afgerond',
          lines: [nl`${ctx.actor.name} heeft uw aanvraag afgerond.`],
          facts: [{ label: 'Uitkomst', value: outcome.text }, ...(advice ? [{ label: 'Advies', value: advice }] : [])],
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, result, 'De aanvraag is afgerond.');
});
