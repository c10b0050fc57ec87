import { renderTemplate } from './render.ts';
import type { VerbAction } from './verbs.ts';
import type { Fact } from './requestCards.ts';
import { nl } from '../bot/domain/wording/register.ts';

/** `required` marks the field in the card (Teams shows it and checks it first); the server checks again. */
export type FormInput = (
  | { kind: 'text'; id: string; label: string; multiline?: boolean; maxLength?: number; placeholder?: string }
  | { kind: 'date' | 'time'; id: string; label: string; placeholder?: string }
  | {
      kind: 'choice';
      id: string;
      label: string;
      choices: { title: string; value: string }[];
      expanded?: boolean;
      multiSelect?: boolean;
      placeholder?: string;
    }
  | { kind: 'toggle'; id: string; label: string; title: string }
) & { required?: boolean };

/** Teams shows "Select a date…" without one. */
export const DATE_PLACEHOLDER = 'Kies een datum';
export const TIME_PLACEHOLDER = 'Kies een tijd';

function placeholderOf(i: FormInput): string {
  if (i.kind === 'date') return i.placeholder ?? DATE_PLACEHOLDER;
  if (i.kind === 'time') return i.placeholder ?? TIME_PLACEHOLDER;
  if (i.kind === 'toggle') return i.title;
  return i.placeholder ?? '';
}

/** What Teams says under a required field left empty. */
function requiredMessage(i: FormInput): string {
  if (i.kind === 'date') return 'Kies een datum.';
  if (i.kind === 'time') return 'Kies een tijd.';
  if (i.kind === 'choice') return `Maak een keuze bij "${i.label}".`;
  return `Vul "${i.label}" in.`;
}

const typed = (i: FormInput, value: string | undefined) => !!value && !(i.kind === 'toggle' && value === 'false');

/** "Datum, Tijd en Plaats" */
function listOf(labels: string[]): string {
  const quoted = labels.map((l) => `"${l}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} en ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/**
 * The line above a form shown again: nothing typed yet → which fields to fill in; something typed → that
 * it is kept, and which fields still need attention.
 */
export function errorSummaryOf(inputs: FormInput[], values: Record<string, string>, errors: Record<string, string>): string {
  const wrong = inputs.filter((i) => errors[i.id]).map((i) => i.label);
  if (!wrong.length) return Object.values(errors).some(Boolean) ? 'Niet alles is goed ingevuld.' : '';
  if (!inputs.some((i) => typed(i, values[i.id])))
    return `Er is nog niets ingevuld. Vul ${wrong.length === 1 ? 'dit veld' : 'deze velden'} in: ${listOf(wrong)}.`;
  return nl`Niet alles is goed ingevuld: kijk bij ${listOf(wrong)}. Wat u al invulde, staat er nog.`;
}

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
    errorSummary: count ? errorSummaryOf(data.inputs, data.values ?? {}, errors) : '',
    inputs: data.inputs.map((i) => ({
      kind: i.kind,
      id: i.id,
      label: i.label,
      value: data.values?.[i.id] ?? (i.kind === 'toggle' ? 'false' : ''),
      error: errors[i.id] ?? '',
      multiline: i.kind === 'text' ? !!i.multiline : false,
      maxLength: i.kind === 'text' ? (i.maxLength ?? 500) : 0,
      placeholder: placeholderOf(i),
      required: !!i.required,
      requiredMessage: i.required ? requiredMessage(i) : '',
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
