// Advies vragen: the consultant as gatekeeper. A school must ask its consultant's advice before an OPDC
// placement and before it requests a TLV (toelaatbaarheidsverklaring) for special education. Never
// anonymous: the advice is about one pupil.
import { DateTime } from 'luxon';
import { ZONE } from '../time.ts';
import { FormReader } from './formValues.ts';
import { parseBirthDate } from './thuiszitter.ts';
import { initialsOf, type Parsed, type Pupil } from './types.ts';
import { nl } from '../wording/register.ts';

/** What advice is asked for. OPDC is for secondary schools; sbo only exists in primary education. */
export const ADVIES_KIND = {
  opdc: 'OPDC-plaatsing',
  tlv_sbo: 'TLV sbo',
  tlv_cluster3: 'TLV so/vso cluster 3',
  tlv_cluster4: 'TLV so/vso cluster 4',
} as const;
export type AdviesKind = keyof typeof ADVIES_KIND;

const KINDS_BY_SECTOR: Record<string, readonly AdviesKind[]> = {
  PO: ['tlv_sbo', 'tlv_cluster3', 'tlv_cluster4'],
  VO: ['opdc', 'tlv_cluster3', 'tlv_cluster4'],
};

/** The kinds a school of this sector (PO or VO) may ask for. */
export function adviesKindsFor(sector: string): AdviesKind[] {
  return [...(KINDS_BY_SECTOR[sector.toUpperCase()] ?? Object.keys(ADVIES_KIND))] as AdviesKind[];
}

export const isTlv = (kind: AdviesKind) => kind !== 'opdc';

export const PARENTS_KNOW = { ja: 'Ja', nee: 'Nee' } as const;
export const PARENTS_AGREE = { ja: 'Ja', nee: 'Nee', nog_niet: 'Nog niet besproken' } as const;

export const ANONYMOUS_NOT_ALLOWED =
  'Voor een advies over een OPDC-plaatsing of TLV is de naam van de leerling nodig: het advies gaat over deze ene leerling en wordt later in Onderwijs Transparant gebruikt. Anoniem sparren kan via een spreekuur.';

export interface AdviesInput {
  kind: AdviesKind;
  pupil: Pupil;
  question: string;
  reasons: string;
  tried: string;
  parentsKnow: keyof typeof PARENTS_KNOW;
  parentsAgree: keyof typeof PARENTS_AGREE;
  /** The desired start date (ISO), if the school has one. */
  desiredStart?: string;
}

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

export function parseAdvies(values: Record<string, unknown>, now: Date, sector: string): Parsed<AdviesInput> {
  const f = new FormReader(values, now);
  const kind = f.choice('kind', adviesKindsFor(sector), { required: nl`Kies waarvoor u advies vraagt.` });

  const name = f.text('pupilName', { required: 'Vul de naam van de leerling in.', max: 100, label: 'Naam leerling' });
  if (/^x{2,}$/i.test(name)) f.fail('pupilName', ANONYMOUS_NOT_ALLOWED);
  const birthText = f.raw('pupilBirthDate');
  const birthDate = birthText ? parseBirthDate(birthText, now) : undefined;
  if (!birthText) f.fail('pupilBirthDate', 'Vul de geboortedatum in (dd-mm-jjjj).');
  else if (/^0{1,2}-0{1,2}-0{2,4}$/.test(birthText)) f.fail('pupilBirthDate', ANONYMOUS_NOT_ALLOWED);
  else if (!birthDate) f.fail('pupilBirthDate', 'Vul een bestaande geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-2014.');
  const group = f.text('pupilGroup', { required: 'Vul de groep of klas in.', max: 30, label: 'Groep of klas' });

  const question = f.text('question', { required: nl`Wat is uw vraag aan de consulent?`, max: 1000, label: nl`Uw vraag` });
  const reasons = f.text('reasons', { required: 'Beschrijf waarom de school dit overweegt.', max: 2000, label: 'De redenen' });
  const tried = f.text('tried', { required: 'Beschrijf kort wat de school al heeft gedaan.', max: 2000, label: 'Wat al gedaan is' });
  const parentsKnow = f.choice('parentsKnow', keys(PARENTS_KNOW), { required: 'Geef aan of de ouders hiervan weten.' });
  const parentsAgree = f.choice('parentsAgree', keys(PARENTS_AGREE), { required: 'Geef aan of de ouders het ermee eens zijn.' });
  const desiredStart = f.date('desiredStart', { label: 'Gewenste startdatum', notInPast: true });

  if (!f.ok) return { ok: false, errors: f.errors };
  return {
    ok: true,
    value: {
      kind: kind!,
      pupil: { kind: 'identified', name, birthDate, initials: initialsOf(name), group },
      question,
      reasons,
      tried,
      parentsKnow: parentsKnow!,
      parentsAgree: parentsAgree!,
      desiredStart,
    },
  };
}

// ---- the consultant's advice, and what follows for a TLV -------------------------------------------

export const ADVICE = { positief: 'Positief', negatief: 'Negatief', niet_nodig: 'Niet nodig' } as const;
export type Advice = keyof typeof ADVICE;

export const EXPERT_ADVICE = { positief: 'Positief', negatief: 'Negatief' } as const;
export const TLV_DECISION = { toegekend: 'Toegekend', afgewezen: 'Afgewezen' } as const;

/** The advice as recorded on the request (appointment-like JSON column `advies`). */
export interface AdviceRecord {
  advice: Advice;
  motivation: string;
  validUntil: string;
  givenAt: string;
  givenBy: string;
}

/** One of the two independent external experts a TLV needs (no documents: those live in OT). */
export interface ExpertAdvice {
  discipline: string;
  received: string;
  advice: keyof typeof EXPERT_ADVICE;
}

/** The TLV route after a positive advice: continued in OT, two expert advices, the SWV's decision. */
export interface TlvTrack {
  inOtSince?: string;
  experts: ExpertAdvice[];
  decision?: { outcome: keyof typeof TLV_DECISION; start?: string; end?: string; decidedOn: string };
}

/** What the bot keeps of an advice request's course (the `gatekeeping` column). */
export interface Gatekeeping {
  advice?: AdviceRecord;
  tlv?: TlvTrack;
}

/** Days (working days) within which a consultant should give the advice; a reminder follows after. */
export const ADVICE_DUE_WORKING_DAYS = 10;
/** Weeks before a TLV ends that the school is reminded a new request may be needed. */
export const TLV_END_WARNING_WEEKS = 8;

export const todayIsoIn = (now: Date) => DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
