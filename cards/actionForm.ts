import { renderTemplate } from './render.ts';
import type { VerbAction } from './verbs.ts';
import type { Fact } from './requestCards.ts';
import { nl } from '../bot/domain/wording/register.ts';

export type FormInput =
  | { kind: 'text'; id: string; label: string; multiline?: boolean; maxLength?: number; placeholder?: string }
  | { kind: 'date' | 'time'; id: string; label: string }
  | {
      kind: 'choice';
      id: string;
      label: string;
      choices: { title: string; value: string }[];
      expanded?: boolean;
      multiSelect?: boolean;
      placeholder?: string;
    }
  | { kind: 'toggle'; id: string; label: string; title: string };

/** A small form for one consultant action (inplannen, verzetten, vraag stellen, …). */
export function actionFormCard(data: {
  title: string;
  subtitle: string;
  intro?: string;
  facts?: Fact[];
  inputs: FormInput[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  submit: VerbAction & { title: string };
  cancel: VerbAction;
}) {
  const errors = data.errors ?? {};
  const count = Object.values(errors).filter(Boolean).length;
  return renderTemplate('actionForm', {
    title: data.title,
    subtitle: data.subtitle,
    intro: data.intro ?? '',
    facts: data.facts ?? [],
    errorSummary: count ? nl`Niet alles is goed ingevuld; wat u al invulde, staat er nog.` : '',
    inputs: data.inputs.map((i) => ({
      kind: i.kind,
      id: i.id,
      label: i.label,
      value: data.values?.[i.id] ?? (i.kind === 'toggle' ? 'false' : ''),
      error: errors[i.id] ?? '',
      multiline: i.kind === 'text' ? !!i.multiline : false,
      maxLength: i.kind === 'text' ? (i.maxLength ?? 500) : 0,
      placeholder: i.kind === 'text' || i.kind === 'choice' ? (i.placeholder ?? '') : i.kind === 'toggle' ? i.title : '',
      style: i.kind === 'choice' && i.expanded ? 'expanded' : 'compact',
      choices: i.kind === 'choice' ? i.choices : [],
      multiSelect: i.kind === 'choice' && !!i.multiSelect,
    })),
    submitTitle: data.submit.title,
    submitVerb: data.submit.verb,
    submitData: data.submit.data,
    cancelVerb: data.cancel.verb,
    cancelData: data.cancel.data,
  });
}
