// The small form each consultant action shows (Inplannen, Verzetten, …): shown only to someone who may take
// the action now, and shown again with what was typed and a message per field when something is wrong.
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import crypto from 'node:crypto';
import { actionFormCard, type FormInput } from '../../../cards/actionForm.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import type { Fact } from '../../../cards/requestCards.ts';
import type { RequestAction } from '../../domain/requests/lifecycle.ts';

import type { Services } from '../../services.ts';
import { type CaseContext, checkAllowed } from './act.ts';
import { answerWith } from './handler.ts';

export type FormAction = Extract<
  RequestAction,
  'plan' | 'move' | 'ask' | 'handover' | 'close' | 'report' | 'back' | 'advise' | 'tlv' | 'visit'
>;

/** One description per action form, used both to show it and to show it again with errors. */
export interface FormSpec {
  action: FormAction;
  title: string;
  intro?: string;
  /** Shown above the inputs, e.g. the moments the school asked for. */
  facts?: Fact[];
  inputs: FormInput[];
  submitTitle: string;
}

export const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];
export const choices = (o: Record<string, string>) => Object.entries(o).map(([value, title]) => ({ value, title }));

function form(ctx: CaseContext, spec: FormSpec, values?: Record<string, string>, errors?: Record<string, string>) {
  return actionFormCard({
    title: `${spec.title}: ${ctx.request.reference}`,
    subtitle: `${REQUEST_KINDS[ctx.request.type].label} · ${ctx.request.school.name}`,
    intro: spec.intro,
    facts: spec.facts,
    inputs: spec.inputs,
    values,
    errors,
    submit: { title: spec.submitTitle, verb: `request.${spec.action}`, data: { requestId: ctx.request.id, formId: crypto.randomUUID() } },
    cancel:
      ctx.roles.includes('assignee') || !ctx.roles.includes('coordinator')
        ? { verb: 'request.refresh', data: { requestId: ctx.request.id } }
        : { verb: 'request.view', data: { requestId: ctx.request.id } },
  });
}

/** The action's form, to someone who may take the action now (others get the fresh card and why). */
export async function showForm(
  services: Services,
  ctx: CaseContext,
  action: FormAction,
  spec: () => FormSpec | Promise<FormSpec>,
  values?: Record<string, string>,
): Promise<AdaptiveCardJson> {
  const refused = await checkAllowed(services, ctx, action);
  if (refused) return answerWith(services, ctx, { ok: false, request: ctx.request, message: refused }, '');
  return form(ctx, await spec(), values);
}

/** The same form again, with what was typed and a message per field. */
export function showFormAgain(ctx: CaseContext, spec: FormSpec, data: Record<string, unknown>, errors: Record<string, string>) {
  const values = Object.fromEntries(spec.inputs.map(({ id }) => [id, data[id] === undefined || data[id] === null ? '' : String(data[id])]));
  return form(ctx, spec, values, errors);
}
