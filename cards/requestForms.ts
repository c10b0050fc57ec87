import { renderTemplate } from './render.ts';
import { nl } from '../bot/domain/wording/register.ts';

type Choice = { title: string; value: string };
const toChoices = (o: Record<string, string>): Choice[] => Object.entries(o).map(([value, title]) => ({ value, title }));

export interface FormCardData {
  schoolId: string;
  /** "Obs Het Kompas · uw consulent: Anna de Vries" */
  schoolLine: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
}

/** Every input id gets a value and an error text ('' when none), so the template can show them. */
function bind(ids: readonly string[], data: FormCardData) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const id of ids) {
    const v = data.values?.[id];
    values[id] = v === undefined || v === null ? '' : String(v);
    errors[id] = data.errors?.[id] ?? '';
  }
  const count = Object.values(errors).filter(Boolean).length;
  return {
    schoolId: data.schoolId,
    schoolLine: data.schoolLine,
    values,
    errors,
    errorSummary: count
      ? nl`Niet alles is goed ingevuld (${count} ${count === 1 ? 'punt' : 'punten'}). Wat u al invulde, staat er nog; pas de rood gemelde velden aan.`
      : '',
  };
}

export const SPREEKUUR_FIELDS = [
  'question',
  'withWhom',
  'withWhomOther',
  'pupilMode',
  'pupilInitials',
  'pupilGroup',
  'moment1Date',
  'moment1Part',
  'moment2Date',
  'moment2Part',
  'moment3Date',
  'moment3Part',
  'form',
  'urgency',
] as const;
export const THUISZITTER_FIELDS = [
  'kind',
  'pupilAnonymous',
  'pupilName',
  'pupilBirthDate',
  'firstAbsentDate',
  'reason',
  'reasonOther',
  'duoDate',
  'otDate',
  'leerplichtDate',
  'leerplichtName',
  'tried',
  'question',
] as const;
export const JES_FIELDS = [
  'subject',
  'question',
  'smwName',
  'smwEmail',
  'participants',
  'otherName',
  'otherEmail',
  'moment1Date',
  'moment1Time',
  'moment2Date',
  'moment2Time',
  'moment3Date',
  'moment3Time',
  'location',
  'address',
] as const;

export const ADVIES_FIELDS = [
  'kind',
  'pupilName',
  'pupilBirthDate',
  'pupilGroup',
  'question',
  'reasons',
  'tried',
  'parentsKnow',
  'parentsAgree',
  'desiredStart',
] as const;

export const KIJK_OP_SCHOOL_FIELDS = [
  'question',
  'group',
  'pupilInitials',
  'moment1Date',
  'moment1Part',
  'moment2Date',
  'moment2Part',
  'moment3Date',
  'moment3Part',
] as const;

export function kijkOpSchoolFormCard(data: FormCardData & { dayParts: Record<string, string> }) {
  return renderTemplate('kijkOpSchoolForm', { ...bind(KIJK_OP_SCHOOL_FIELDS, data), dayPartChoices: toChoices(data.dayParts) });
}

export function spreekuurFormCard(
  data: FormCardData & {
    withWhom: Record<string, string>;
    pupil: Record<string, string>;
    dayParts: Record<string, string>;
    forms: Record<string, string>;
    urgency: Record<string, string>;
  },
) {
  return renderTemplate('spreekuurForm', {
    ...bind(SPREEKUUR_FIELDS, { ...data, values: { urgency: 'normaal', ...data.values } }),
    withWhomChoices: toChoices(data.withWhom),
    pupilChoices: toChoices(data.pupil),
    dayPartChoices: toChoices(data.dayParts),
    formChoices: toChoices(data.forms),
    urgencyChoices: toChoices(data.urgency),
  });
}

export function thuiszitterFormCard(data: FormCardData & { kinds: Record<string, string>; reasons: Record<string, string> }) {
  return renderTemplate('thuiszitterForm', {
    ...bind(THUISZITTER_FIELDS, { ...data, values: { pupilAnonymous: 'false', ...data.values } }),
    kindChoices: toChoices(data.kinds),
    reasonChoices: toChoices(data.reasons),
  });
}

export const DREIGEND_FIELDS = [
  'pupilAnonymous',
  'pupilInitials',
  'pupilGroup',
  'question',
  'urgency',
  'callbackVia',
  'callbackPhone',
  'callbackDate',
  'callbackTime',
] as const;

/** The short form for a dreigende thuiszitter: the worry and a call back; the rest comes later. */
export function dreigendFormCard(data: FormCardData & { urgency: Record<string, string>; callbackVia: Record<string, string> }) {
  return renderTemplate('dreigendForm', {
    ...bind(DREIGEND_FIELDS, { ...data, values: { pupilAnonymous: 'false', urgency: 'normaal', callbackVia: 'teams', ...data.values } }),
    urgencyChoices: toChoices(data.urgency),
    callbackViaChoices: toChoices(data.callbackVia),
  });
}

export function jesFormCard(
  data: FormCardData & {
    fixedParticipants: string;
    hasSmw: boolean;
    participants: Choice[];
    locations: Record<string, string>;
    defaultParticipants: string;
    /** Filed from a case ("Aanmelden voor JES"): its id travels with the form, and a line says where it comes from. */
    linked?: { requestId: string; line: string };
  },
) {
  return renderTemplate('jesForm', {
    ...bind(JES_FIELDS, { ...data, values: { participants: data.defaultParticipants, ...data.values } }),
    linkedRequestId: data.linked?.requestId ?? '',
    linkedLine: data.linked?.line ?? '',
    fixedParticipants: data.fixedParticipants,
    hasSmw: data.hasSmw,
    participantChoices: data.participants,
    locationChoices: toChoices(data.locations),
  });
}

export function adviesFormCard(
  data: FormCardData & { kinds: Choice[]; parentsKnow: Record<string, string>; parentsAgree: Record<string, string> },
) {
  return renderTemplate('adviesForm', {
    ...bind(ADVIES_FIELDS, data),
    kindChoices: data.kinds,
    parentsKnowChoices: toChoices(data.parentsKnow),
    parentsAgreeChoices: toChoices(data.parentsAgree),
  });
}
