import { FormReader } from './formValues.ts';
import { initialsOf, URGENCY, type Parsed, type Pupil, type Urgency } from './types.ts';
import { LABEL } from '../wording/glossary.ts';
import { nl } from '../wording/register.ts';

export const WITH_WHOM = {
  ouders: 'Ouders',
  leerkracht: 'Leerkracht',
  leerling: 'Leerling',
  ib: "IB'er",
  directeur: 'Directeur',
  anders: 'Anders',
} as const;
export const FORMS = { school: 'Op school', teams: LABEL.online, telefoon: 'Telefonisch' } as const;
export const DAY_PARTS = { ochtend: 'Ochtend', middag: 'Middag' } as const;
export const SPREEKUUR_PUPIL = {
  geen: 'Nee, een algemene vraag',
  anoniem: 'Ja, anoniem',
  initialen: 'Ja, met initialen en groep',
} as const;

export interface PreferredMoment {
  date: string;
  dayPart: keyof typeof DAY_PARTS;
}

/** Spreekuur: a short question, discussed with the consultant. No groeidocument needed. */
export interface SpreekuurInput {
  question: string;
  withWhom: (keyof typeof WITH_WHOM)[];
  withWhomOther: string;
  pupil: Pupil;
  moments: PreferredMoment[];
  form: keyof typeof FORMS;
  urgency: Urgency;
}

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** Up to three preferred moments (date and part of the day); at least one. Spreekuur and Kijk op School. */
export function readPreferredMoments(f: FormReader): PreferredMoment[] {
  const moments: PreferredMoment[] = [];
  for (const i of [1, 2, 3]) {
    const date = f.date(`moment${i}Date`, { notInPast: true, label: `Voorkeursmoment ${i}` });
    const dayPart = f.choice(`moment${i}Part`, keys(DAY_PARTS));
    if (date && !dayPart) f.fail(`moment${i}Part`, `Kies het dagdeel bij voorkeursmoment ${i}.`);
    if (!date && dayPart && !f.errors[`moment${i}Date`]) f.fail(`moment${i}Date`, `Vul de datum in bij voorkeursmoment ${i}.`);
    if (date && dayPart) moments.push({ date, dayPart });
  }
  if (moments.length === 0 && !f.errors.moment1Date && !f.errors.moment1Part)
    f.fail('moment1Date', 'Geef ten minste één voorkeursmoment op.');
  return moments;
}

export function parseSpreekuur(values: Record<string, unknown>, now: Date): Parsed<SpreekuurInput> {
  const f = new FormReader(values, now);
  const question = f.text('question', { required: nl`Beschrijf kort uw vraag.`, max: 1000, label: nl`Uw vraag` });
  const withWhom = f.choices('withWhom', keys(WITH_WHOM));
  if (withWhom.length === 0) f.fail('withWhom', nl`Kies met wie u het wilt bespreken.`);
  const withWhomOther = f.text('withWhomOther', { max: 200, label: 'Anders, namelijk' });
  if (withWhom.includes('anders') && !withWhomOther) f.fail('withWhomOther', nl`U koos "Anders": vul in met wie.`);

  const pupilMode = f.choice('pupilMode', keys(SPREEKUUR_PUPIL), { required: 'Geef aan of het over een leerling gaat.' });
  const initials = f.text('pupilInitials', { max: 10, label: 'Initialen' });
  const group = f.text('pupilGroup', { max: 30, label: 'Groep of leerjaar' });
  let pupil: Pupil = { kind: 'none' };
  if (pupilMode === 'anoniem') pupil = { kind: 'anonymous' };
  if (pupilMode === 'initialen') {
    if (!initials) f.fail('pupilInitials', 'Vul de initialen van de leerling in, of kies "anoniem".');
    if (!group) f.fail('pupilGroup', 'Vul de groep of het leerjaar in.');
    pupil = {
      kind: 'identified',
      name: initials,
      initials: initials.includes('.') ? initials : initialsOf([...initials].join(' ')),
      group,
    };
  }

  const moments = readPreferredMoments(f);

  const form = f.choice('form', keys(FORMS), { required: nl`Kies hoe u het gesprek wilt voeren.` });
  const urgency = f.choice('urgency', keys(URGENCY), { required: 'Kies de urgentie.' });
  if (!f.ok) return { ok: false, errors: f.errors };
  return { ok: true, value: { question, withWhom, withWhomOther, pupil, moments, form: form!, urgency: urgency! } };
}
