import { DateTime } from 'luxon';
import { localMoment, ZONE } from '../time.ts';
import { FormReader } from './formValues.ts';
import type { Parsed } from './types.ts';
import { LABEL } from '../wording/glossary.ts';
import { nl } from '../wording/register.ts';

export const JES_OPTIONAL = {
  leerplicht: 'Leerplichtambtenaar',
  jgz: 'Jeugdarts of JGZ-verpleegkundige',
  ouders: 'Ouders',
  leerkracht: 'Leerkracht',
} as const;
export const JES_LOCATION = { school: 'Op school', anders: 'Ander adres', online: LABEL.online } as const;
export const JES_ROLE_LABEL: Record<string, string> = {
  smw: 'Schoolmaatschappelijk werk',
  leerplicht: 'Leerplicht',
  jgz: 'JGZ',
  other: 'Overig',
};

export interface StandingMember {
  id: string;
  role: string;
  name: string;
  email: string;
  organisation: string;
}

export interface JesParticipant {
  role: string;
  name?: string;
  email?: string;
  organisation?: string;
  /** Always invited (consultant and SMW). */
  fixed?: boolean;
}

export interface JesInput {
  subject: string;
  question: string;
  participants: JesParticipant[];
  /** Proposed moments, local Dutch time: "2026-12-03T14:00". */
  moments: string[];
  location: keyof typeof JES_LOCATION;
  address: string;
}

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** The choices for "who else": the school's standing members (by id) and the optional roles. */
export function participantChoices(standing: StandingMember[]): { value: string; title: string }[] {
  return [
    ...standing
      .filter((m) => m.role !== 'smw')
      .map((m) => ({
        value: `member:${m.id}`,
        title: `${m.name} (${JES_ROLE_LABEL[m.role] ?? m.role}${m.organisation ? `, ${m.organisation}` : ''})`,
      })),
    ...Object.entries(JES_OPTIONAL).map(([value, title]) => ({
      value,
      title: value in JES_OTHER && standing.some((m) => m.role === value) ? JES_OTHER[value as keyof typeof JES_OTHER] : title,
    })),
  ];
}

/** Next to a named standing member the general role reads as a duplicate: then it is offered as "another" one. */
const JES_OTHER = {
  leerplicht: 'Andere leerplichtambtenaar (nog niet bekend)',
  jgz: 'Andere jeugdarts of JGZ-verpleegkundige (nog niet bekend)',
} as const;

/** Standing members are pre-selected; the SMW is always invited and so not a choice. */
export function defaultParticipantSelection(standing: StandingMember[]): string {
  return standing
    .filter((m) => m.role !== 'smw')
    .map((m) => `member:${m.id}`)
    .join(',');
}

export function parseJes(values: Record<string, unknown>, now: Date, standing: StandingMember[], consultantName: string): Parsed<JesInput> {
  const f = new FormReader(values, now);
  const subject = f.text('subject', {
    required: 'Vul de leerling (initialen) of het onderwerp in.',
    max: 200,
    label: 'Leerling of onderwerp',
  });
  const question = f.text('question', { required: 'Wat is de vraag voor het JES-overleg?', max: 1000, label: 'De vraag' });

  const choices = participantChoices(standing).map((c) => c.value);
  const picked = f.choices('participants', choices);
  const participants: JesParticipant[] = [{ role: 'consultant', name: consultantName, fixed: true }];
  const smw = standing.find((m) => m.role === 'smw');
  const smwName = f.text('smwName', { max: 100, label: 'Naam schoolmaatschappelijk werker' });
  const smwEmail = f.email('smwEmail', { label: 'E-mail schoolmaatschappelijk werker' });
  participants.push(
    smw
      ? { role: 'smw', name: smw.name, email: smw.email, organisation: smw.organisation, fixed: true }
      : { role: 'smw', name: smwName || undefined, email: smwEmail, fixed: true },
  );
  for (const value of picked) {
    if (value.startsWith('member:')) {
      const m = standing.find((s) => `member:${s.id}` === value)!;
      participants.push({ role: m.role, name: m.name, email: m.email, organisation: m.organisation });
    } else {
      participants.push({ role: value });
    }
  }
  const otherName = f.text('otherName', { max: 100, label: 'Naam andere deelnemer' });
  const otherEmail = f.email('otherEmail', { label: 'E-mail andere deelnemer' });
  if (otherEmail && !otherName) f.fail('otherName', 'Vul ook de naam van de andere deelnemer in.');
  if (otherName) participants.push({ role: 'other', name: otherName, email: otherEmail });

  const moments: string[] = [];
  const nowLocal = DateTime.fromJSDate(now, { zone: ZONE });
  for (const i of [1, 2, 3]) {
    const date = f.date(`moment${i}Date`, { label: `Moment ${i}`, notInPast: true });
    const time = f.time(`moment${i}Time`, { label: `Tijd moment ${i}` });
    if (date && !time && !f.errors[`moment${i}Time`]) f.fail(`moment${i}Time`, `Vul de begintijd in bij moment ${i}.`);
    if (!date && time && !f.errors[`moment${i}Date`]) f.fail(`moment${i}Date`, `Vul de datum in bij moment ${i}.`);
    if (date && time && !f.errors[`moment${i}Date`]) {
      const at = localMoment(date, time);
      const moment = `${date}T${time}`;
      if (!at) f.fail(`moment${i}Time`, `${time} bestaat niet op die dag: de klok gaat dan een uur vooruit. Kies een andere tijd.`);
      else if (at <= nowLocal) f.fail(`moment${i}Time`, `Moment ${i} ligt in het verleden; kies een tijd in de toekomst.`);
      else if (moments.includes(moment)) f.fail(`moment${i}Date`, nl`U stelde hetzelfde moment twee keer voor.`);
      else moments.push(moment);
    }
  }
  if (moments.length === 0 && !Object.keys(f.errors).some((k) => k.startsWith('moment')))
    f.fail('moment1Date', 'Stel ten minste één moment voor.');

  const location = f.choice('location', keys(JES_LOCATION), { required: 'Kies waar het overleg plaatsvindt.' });
  const address = f.text('address', { max: 200, label: 'Adres' });
  if (location === 'anders' && !address) f.fail('address', 'Vul het adres in.');

  if (!f.ok) return { ok: false, errors: f.errors };
  return {
    ok: true,
    value: { subject, question, participants, moments, location: location!, address: location === 'anders' ? address : '' },
  };
}
