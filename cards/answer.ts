// The coordinator's answer form for a consultant's question (Vraag stellen).
import crypto from 'node:crypto';
import { actionFormCard } from './actionForm.ts';
import type { AdaptiveCardJson } from './render.ts';
import { nl } from '../bot/domain/wording/register.ts';

/** The question, and a box for the answer. */
export function answerCard(data: {
  requestId: string;
  title: string;
  lines: string[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
}): AdaptiveCardJson {
  // formId: the same answer arriving twice is recorded once.
  return actionFormCard({
    title: data.title,
    subtitle: nl`Uw consulent vraagt om informatie`,
    intro: data.lines.join('\n\n'),
    inputs: [{ kind: 'text', id: 'answer', label: nl`Uw antwoord`, multiline: true, maxLength: 2000 }],
    values: data.values,
    errors: data.errors,
    submit: { title: 'Antwoord versturen', verb: 'request.answer', data: { requestId: data.requestId, formId: crypto.randomUUID() } },
    cancel: { verb: 'request.view', data: { requestId: data.requestId } },
  });
}
