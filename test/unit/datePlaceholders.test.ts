// Teams shows "Select a date…" under a date or time input without a placeholder: every one gets a Dutch one,
// in every template and in the cards built in code (the action forms).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionFormCard, errorSummaryOf, type FormInput } from '../../cards/actionForm.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../cards/templates');
const DUTCH = /^(Kies een (datum|tijd)|dd-mm-jjjj|uu:mm)$/;

function dateAndTimeInputs(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const n of node) dateAndTimeInputs(n, found);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj.type === 'Input.Date' || obj.type === 'Input.Time') found.push(obj);
    for (const value of Object.values(obj)) dateAndTimeInputs(value, found);
  }
  return found;
}

describe('date and time inputs have a Dutch placeholder', () => {
  const files = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));

  it.each(files)('%s', (file) => {
    const inputs = dateAndTimeInputs(JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')));
    for (const input of inputs) {
      const placeholder = String(input.placeholder ?? '');
      // The action form's template takes it from its data; that card is checked below.
      if (file === 'actionForm.json') expect(placeholder).toBe('${placeholder}');
      else expect(placeholder, `${file}: ${String(input.id)}`).toMatch(DUTCH);
    }
  });

  it('the templates hold date or time inputs at all (the walk finds them)', () => {
    const all = files.flatMap((f) => dateAndTimeInputs(JSON.parse(fs.readFileSync(path.join(TEMPLATES, f), 'utf8'))));
    expect(all.length).toBeGreaterThan(20);
  });

  it('the action forms built in code (Inplannen, Verzetten, the agenda item, …)', () => {
    const card = actionFormCard({
      title: 'Inplannen',
      subtitle: 'Spreekuur',
      inputs: [
        { kind: 'date', id: 'date', label: 'Datum', required: true },
        { kind: 'time', id: 'time', label: 'Tijd' },
        { kind: 'date', id: 'own', label: 'Geboortedatum', placeholder: 'dd-mm-jjjj' },
      ],
      submit: { title: 'Opslaan', verb: 'request.plan', data: { requestId: 'r', formId: 'f' } },
      cancel: { verb: 'request.refresh', data: { requestId: 'r' } },
    });
    const inputs = dateAndTimeInputs(card);
    expect(inputs.map((i) => i.placeholder)).toEqual(['Kies een datum', 'Kies een tijd', 'dd-mm-jjjj']);
    expect(inputs.map((i) => i.isRequired)).toEqual([true, false, false]);
    expect(inputs[0]!.errorMessage).toBe('Kies een datum.');
  });
});

describe('the line above a form shown again', () => {
  const inputs: FormInput[] = [
    { kind: 'date', id: 'date', label: 'Datum', required: true },
    { kind: 'time', id: 'time', label: 'Tijd', required: true },
    { kind: 'choice', id: 'place', label: 'Plaats', required: true, choices: [] },
    { kind: 'toggle', id: 'copy', label: 'Kopie', title: 'Stuur een kopie' },
  ];
  const missing = { date: 'Vul de datum in.', time: 'Vul de tijd in.', place: 'Kies waar de afspraak is.' };

  it('nothing typed: which fields to fill in, never "what you typed is still there"', () => {
    const line = errorSummaryOf(inputs, { date: '', time: '', place: '', copy: 'false' }, missing);
    expect(line).toBe('Er is nog niets ingevuld. Vul deze velden in: "Datum", "Tijd" en "Plaats".');
    expect(line).not.toMatch(/staat er nog/);
  });

  it('partly typed: what was typed stays, and which fields still need attention', () => {
    const line = errorSummaryOf(inputs, { date: '2026-12-03', time: '' }, { time: 'Vul de tijd in.', place: 'Kies waar de afspraak is.' });
    expect(line).toBe('Niet alles is goed ingevuld: kijk bij "Tijd" en "Plaats". Wat u al invulde, staat er nog.');
  });

  it('no errors: no line', () => {
    expect(errorSummaryOf(inputs, {}, {})).toBe('');
  });
});
