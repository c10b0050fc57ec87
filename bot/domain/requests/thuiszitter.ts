import { DateTime } from 'luxon';
import { ZONE } from '../time.ts';
import { FormReader } from './formValues.ts';
import { initialsOf, type Parsed, type Pupil } from './types.ts';

export const THUISZITTER_KIND = { dreigend: 'Dreigende thuiszitter', thuiszitter: 'Thuiszitter' } as const;
export const THUISZITTER_REASONS = {
  psychisch: 'Psychische of psychiatrische problematiek',
  medisch: 'Lichamelijke of medische klachten',
  gedrag: 'Gedragsproblemen',
  thuissituatie: 'Problemen in de thuissituatie',
  schoolweigering: 'Schoolweigering of schoolangst',
  aanbod: 'Geen passend onderwijsaanbod',
  wachtlijst: 'Wachtlijst jeugdhulp of onderwijs',
  anders: 'Anders',
} as const;
export const YES_NO = { ja: 'Ja', nee: 'Nee' } as const;

/** The national definition: absent without valid reason for more than 4 weeks. */
export const REPORTING_DUTY_WEEKS = 4;

export interface ThuiszitterInput {
  kind: keyof typeof THUISZITTER_KIND;
  pupil: Pupil;
  firstAbsentDate: string;
  reason: keyof typeof THUISZITTER_REASONS;
  reasonOther: string;
  leerplichtInformed: boolean;
  leerplichtDate?: string;
  otReported: boolean;
  tried: string;
  question: string;
}

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/**
 * Anonymous sparring: the name "xxx", the birth date 00-00-00, or the "anoniem" toggle all mean
 * the same, deliberately. The pupil can be identified later.
 */
export function isAnonymousPupil(name: string, birthDate: string, toggle: boolean): boolean {
  return toggle || /^x{2,}$/i.test(name.trim()) || /^0{1,2}-0{1,2}-0{2,4}$/.test(birthDate.trim());
}

/** A Dutch birth date (dd-mm-jjjj) or ISO date → ISO, or undefined when it is not a real date. */
export function parseBirthDate(text: string, now: Date): string | undefined {
  const t = text.trim();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? DateTime.fromISO(t, { zone: ZONE }) : DateTime.fromFormat(t, 'd-M-yyyy', { zone: ZONE });
  if (!d.isValid) return undefined;
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  const age = today.diff(d, 'years').years;
  return age >= 2 && age <= 25 ? d.toISODate()! : undefined;
}

/** Whole weeks between the first day absent and today (Dutch time). */
export function weeksAbsent(firstAbsentDate: string, now: Date): number {
  const first = DateTime.fromISO(firstAbsentDate, { zone: ZONE }).startOf('day');
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  return Math.max(0, Math.floor(today.diff(first, 'days').days / 7));
}

export function hasReportingDuty(firstAbsentDate: string, now: Date): boolean {
  return weeksAbsent(firstAbsentDate, now) >= REPORTING_DUTY_WEEKS;
}

export function parseThuiszitter(values: Record<string, unknown>, now: Date): Parsed<ThuiszitterInput> {
  const f = new FormReader(values, now);
  const kind = f.choice('kind', keys(THUISZITTER_KIND), { required: 'Kies of het om een dreigende thuiszitter of een thuiszitter gaat.' });

  const name = f.text('pupilName', { max: 100, label: 'Naam leerling' });
  const birthText = f.raw('pupilBirthDate');
  const anonymous = isAnonymousPupil(name, birthText, f.raw('pupilAnonymous') === 'true');
  let pupil: Pupil = { kind: 'anonymous' };
  if (!anonymous) {
    if (!name) f.fail('pupilName', 'Vul de naam van de leerling in, of kies "anoniem sparren".');
    const birthDate = birthText ? parseBirthDate(birthText, now) : undefined;
    if (!birthText) f.fail('pupilBirthDate', 'Vul de geboortedatum in (dd-mm-jjjj), of kies "anoniem sparren".');
    else if (!birthDate) f.fail('pupilBirthDate', 'Vul een bestaande geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-2014.');
    pupil = { kind: 'identified', name, birthDate, initials: initialsOf(name) };
  }

  const firstAbsentDate = f.date('firstAbsentDate', {
    required: 'Vul de eerste verzuimdag in.',
    notInFuture: true,
    label: 'Eerste verzuimdag',
  });
  const reason = f.choice('reason', keys(THUISZITTER_REASONS), { required: 'Kies de belangrijkste reden.' });
  const reasonOther = f.text('reasonOther', { max: 200, label: 'Andere reden' });
  if (reason === 'anders' && !reasonOther) f.fail('reasonOther', 'U koos "Anders": beschrijf kort de reden.');

  const informed = f.choice('leerplichtInformed', keys(YES_NO), { required: 'Geef aan of leerplicht/DUO is geïnformeerd.' });
  const leerplichtDate = f.date('leerplichtDate', { notInFuture: true, label: 'Datum gemeld bij leerplicht/DUO' });
  if (informed === 'ja' && !leerplichtDate && !f.errors.leerplichtDate)
    f.fail('leerplichtDate', 'Vul in wanneer leerplicht/DUO is geïnformeerd.');
  const ot = f.choice('otReported', keys(YES_NO), { required: 'Geef aan of de leerling in Onderwijs Transparant is gemeld.' });
  const tried = f.text('tried', {
    required: 'Beschrijf kort wat de school al heeft geprobeerd.',
    max: 2000,
    label: 'Wat al geprobeerd is',
  });
  const question = f.text('question', { required: 'Wat is uw vraag aan het SOT?', max: 1000, label: 'Uw vraag' });

  if (!f.ok) return { ok: false, errors: f.errors };
  return {
    ok: true,
    value: {
      kind: kind!,
      pupil,
      firstAbsentDate: firstAbsentDate!,
      reason: reason!,
      reasonOther,
      leerplichtInformed: informed === 'ja',
      leerplichtDate: informed === 'ja' ? leerplichtDate : undefined,
      otReported: ot === 'ja',
      tried,
      question,
    },
  };
}

/** Reporting recorded on the request later (by the consultant or the coordinator). */
export interface RecordedReporting {
  duoReportedAt?: Date | null;
  otReportedAt?: Date | null;
}

/** Which of the two reports (DUO, Onderwijs Transparant) is done: said in the signal, or recorded since. */
export function reportingDone(details: Pick<ThuiszitterInput, 'leerplichtInformed' | 'otReported'>, recorded: RecordedReporting) {
  return { duo: details.leerplichtInformed || !!recorded.duoReportedAt, ot: details.otReported || !!recorded.otReportedAt };
}
