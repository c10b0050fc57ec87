import { DateTime } from 'luxon';
import { ZONE } from '../time.ts';
import { FormReader } from './formValues.ts';
import { daysOutsideHolidays, type Holiday } from '../schoolCalendar.ts';
import { initialsOf, type Parsed, type Pupil, URGENCY, type Urgency } from './types.ts';
import { LABEL } from '../wording/glossary.ts';
import { nl } from '../wording/register.ts';

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
export const CALLBACK_VIA = { telefoon: 'Telefonisch', teams: LABEL.online } as const;
export const RETURN_EXTENT = { volledig: 'Volledig', gedeeltelijk: 'Gedeeltelijk (een deel van de week of van de dag)' } as const;

/** What an SWV reports when a thuiszitter case ends; more than one can apply. */
export const THUISZITTER_OUTCOMES = {
  terugNaarSchool: 'Terug naar school',
  arrangement: 'Arrangement of maatwerk',
  tlv: 'TLV-route gestart',
  opdc: 'OPDC',
  andereSchool: 'Andere school',
  jes: 'Aangemeld bij JES',
  anders: 'Anders',
} as const;
export type ThuiszitterOutcome = keyof typeof THUISZITTER_OUTCOMES;

/** The national definition: absent without valid reason for more than 4 weeks. */
export const REPORTING_DUTY_WEEKS = 4;

/**
 * The reporting facts, each with its date (YYYY-MM-DD). The school reports absence to DUO's
 * verzuimregister; DUO passes it to the municipality's leerplichtambtenaar. After four weeks at home the
 * pupil must also be reported to the SWV in Onderwijs Transparant. The duty is met only by DUO and OT both.
 */
export interface Reporting {
  duo?: string;
  leerplicht?: string;
  leerplichtName?: string;
  ot?: string;
}

/** A call back the coordinator asked for (the short "dreigende thuiszitter" form). */
export interface Callback {
  via: keyof typeof CALLBACK_VIA;
  phone?: string;
  date: string;
  time?: string;
}

export interface BackToSchool {
  date: string;
  extent: keyof typeof RETURN_EXTENT;
}

export interface ThuiszitterInput {
  kind: keyof typeof THUISZITTER_KIND;
  pupil: Pupil;
  /** Required for a thuiszitter; a dreigende thuiszitter may not be absent (yet). */
  firstAbsentDate?: string;
  reason?: keyof typeof THUISZITTER_REASONS;
  reasonOther: string;
  tried: string;
  /** The question to the SOT, or (short form) the worry. */
  question: string;
  urgency?: Urgency;
  callback?: Callback;
  reporting: Reporting;
  /** Back at school: the count of weeks absent stops on this date. */
  backToSchool?: BackToSchool;
  outcomes?: ThuiszitterOutcome[];
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

/**
 * Whole weeks absent, counted in school weeks: from the first day absent up to today, or up to the day
 * back at school, leaving out the school holidays. Zero without a first day absent.
 */
export function weeksAbsent(
  details: Pick<ThuiszitterInput, 'firstAbsentDate' | 'backToSchool'>,
  now: Date,
  holidays: readonly Holiday[] = [],
): number {
  if (!details.firstAbsentDate) return 0;
  const today = DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
  const back = details.backToSchool?.date;
  const until = back && back < today ? back : today;
  return Math.floor(daysOutsideHolidays(details.firstAbsentDate, until, holidays) / 7);
}

/** Still at home (no return recorded, or a return yet to come) and four school weeks or more absent. */
export function hasReportingDuty(
  details: Pick<ThuiszitterInput, 'firstAbsentDate' | 'backToSchool'>,
  now: Date,
  holidays: readonly Holiday[] = [],
): boolean {
  return weeksAbsent(details, now, holidays) >= REPORTING_DUTY_WEEKS;
}

/** The full signal: kind, pupil, absence, what was tried, the question, and what was already reported. */
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

  const absence = readAbsence(f, kind);
  const reporting = readReporting(f);
  const tried = f.text('tried', {
    required: 'Beschrijf kort wat de school al heeft geprobeerd.',
    max: 2000,
    label: 'Wat al geprobeerd is',
  });
  const question = f.text('question', { required: nl`Wat is uw vraag aan het SOT?`, max: 1000, label: nl`Uw vraag` });

  if (!f.ok || !kind) return { ok: false, errors: f.errors };
  return { ok: true, value: { kind, pupil, ...absence, reporting, tried, question } };
}

/**
 * The short form for a dreigende thuiszitter: anonymous or initials and group, the worry, how urgent, and
 * when and how to call back. The fuller facts are added to the case later.
 */
export function parseDreigend(values: Record<string, unknown>, now: Date): Parsed<ThuiszitterInput> {
  const f = new FormReader(values, now);
  const initials = f.text('pupilInitials', { max: 10, label: 'Initialen' });
  const group = f.text('pupilGroup', { max: 30, label: 'Groep of klas' });
  const anonymous = f.raw('pupilAnonymous') === 'true' || (!initials && !group);
  const question = f.text('question', { required: nl`Beschrijf kort uw zorg over deze leerling.`, max: 1000, label: nl`Uw zorg` });
  const urgency = f.choice('urgency', keys(URGENCY), { required: 'Kies hoe dringend het is.' });
  const via = f.choice('callbackVia', keys(CALLBACK_VIA), { required: nl`Kies hoe de consulent u terugbelt.` });
  const phone = f.text('callbackPhone', { max: 20, label: 'Telefoonnummer' });
  if (via === 'telefoon' && !phone) f.fail('callbackPhone', nl`Vul het nummer in waarop de consulent u kan bellen.`);
  else if (phone && !/^\+?[\d\s()-]{8,20}$/.test(phone))
    f.fail('callbackPhone', 'Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.');
  const date = f.date('callbackDate', {
    required: nl`Vul in op welke dag u teruggebeld wilt worden.`,
    notInPast: true,
    label: 'Terugbellen op',
    maxYearsAhead: 1,
  });
  const time = f.time('callbackTime', { label: 'Vanaf' });
  if (!f.ok || !urgency || !via || !date) return { ok: false, errors: f.errors };
  const pupil: Pupil = anonymous
    ? { kind: 'anonymous' }
    : {
        kind: 'identified',
        name: initials || group,
        initials: initials ? (initials.includes('.') ? initials : initialsOf([...initials].join(' '))) : '',
        ...(group ? { group } : {}),
      };
  return {
    ok: true,
    value: {
      kind: 'dreigend',
      pupil,
      reasonOther: '',
      tried: '',
      question,
      urgency,
      callback: { via, date, ...(phone ? { phone } : {}), ...(time ? { time } : {}) },
      reporting: {},
    },
  };
}

/** First day absent (required for a thuiszitter) and the main reason. */
export function readAbsence(f: FormReader, kind: keyof typeof THUISZITTER_KIND | undefined) {
  const firstAbsentDate = f.date('firstAbsentDate', {
    required: kind === 'thuiszitter' ? 'Vul de eerste verzuimdag in.' : undefined,
    notInFuture: true,
    label: 'Eerste verzuimdag',
  });
  const reason = f.choice('reason', keys(THUISZITTER_REASONS), {
    required: kind === 'thuiszitter' ? 'Kies de belangrijkste reden.' : undefined,
  });
  const reasonOther = f.text('reasonOther', { max: 200, label: 'Andere reden' });
  if (reason === 'anders' && !reasonOther) f.fail('reasonOther', nl`U koos "Anders": beschrijf kort de reden.`);
  return { ...(firstAbsentDate ? { firstAbsentDate } : {}), ...(reason ? { reason } : {}), reasonOther };
}

/** The three reporting facts, each with the date it was done; blank means not (yet) done. */
export function readReporting(f: FormReader): Reporting {
  const duo = f.date('duoDate', { notInFuture: true, label: 'Verzuim gemeld bij DUO op' });
  const leerplicht = f.date('leerplichtDate', { notInFuture: true, label: 'Leerplichtambtenaar betrokken sinds' });
  const leerplichtName = f.text('leerplichtName', { max: 100, label: 'Naam leerplichtambtenaar' });
  const ot = f.date('otDate', { notInFuture: true, label: 'Gemeld in Onderwijs Transparant op' });
  return {
    ...(duo ? { duo } : {}),
    ...(leerplicht ? { leerplicht } : {}),
    ...(leerplichtName ? { leerplichtName } : {}),
    ...(ot ? { ot } : {}),
  };
}

/** The 4-week duty is met only when the report to DUO and the one in Onderwijs Transparant are both recorded. */
export function reportingDone(details: Pick<ThuiszitterInput, 'reporting'>) {
  return { duo: !!details.reporting?.duo, ot: !!details.reporting?.ot };
}
