// One place that knows, per request type, how to show its form and how to read it back.
import {
  adviesFormCard,
  dreigendFormCard,
  jesFormCard,
  kijkOpSchoolFormCard,
  spreekuurFormCard,
  thuiszitterFormCard,
} from '../../../cards/requestForms.ts';
import type { FormKind } from '../../domain/requests/kinds.ts';
import { ADVIES_KIND, adviesKindsFor, PARENTS_AGREE, PARENTS_KNOW, parseAdvies } from '../../domain/requests/advies.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { parseKijkOpSchool } from '../../domain/requests/kijkOpSchool.ts';
import { DAY_PARTS, FORMS, parseSpreekuur, SPREEKUUR_PUPIL, WITH_WHOM } from '../../domain/requests/spreekuur.ts';
import { CALLBACK_VIA, parseDreigend, parseThuiszitter, THUISZITTER_KIND, THUISZITTER_REASONS } from '../../domain/requests/thuiszitter.ts';
import { defaultParticipantSelection, JES_LOCATION, parseJes, participantChoices, type StandingMember } from '../../domain/requests/jes.ts';
import type { TypedDetails } from '../../domain/requests/record.ts';
import { URGENCY, type FieldErrors, type Parsed, type Pupil } from '../../domain/requests/types.ts';
import { schoolLine, type SchoolContext } from './schoolContext.ts';
import { cleanText } from '../../domain/text.ts';

/** A checked form: its type and details, and the pupil kept apart. */
export type ParsedRequest = TypedDetails & {
  pupil?: Pupil;
  urgency?: string;
};

function standingMembers(school: SchoolContext): StandingMember[] {
  return school.jesMembers.map((m) => ({ id: m.id, role: m.role, name: m.name, email: m.email, organisation: m.organisation }));
}

export function formCard(
  form: FormKind,
  school: SchoolContext,
  values: Record<string, unknown> = {},
  errors: FieldErrors = {},
  /** A JES-overleg filed from a case (jesLink.ts): the case travels with the form. */
  linked?: { requestId: string; line: string },
): AdaptiveCardJson {
  const base = { schoolId: school.id, schoolLine: schoolLine(school), values, errors };
  switch (form) {
    case 'spreekuur':
      return spreekuurFormCard({
        ...base,
        withWhom: WITH_WHOM,
        pupil: SPREEKUUR_PUPIL,
        dayParts: DAY_PARTS,
        forms: FORMS,
        urgency: URGENCY,
      });
    case 'thuiszitter':
      return thuiszitterFormCard({ ...base, kinds: THUISZITTER_KIND, reasons: THUISZITTER_REASONS });
    case 'dreigend':
      return dreigendFormCard({ ...base, urgency: URGENCY, callbackVia: CALLBACK_VIA });
    case 'jes': {
      const standing = standingMembers(school);
      const smw = standing.find((m) => m.role === 'smw');
      return jesFormCard({
        ...base,
        fixedParticipants: `${school.consultant.person.name} (SOT-consulent) en ${smw ? `${smw.name} (schoolmaatschappelijk werk)` : 'de schoolmaatschappelijk werker'}`,
        hasSmw: !!smw,
        participants: participantChoices(standing),
        defaultParticipants: defaultParticipantSelection(standing),
        locations: JES_LOCATION,
        linked,
      });
    }
    case 'advies':
      return adviesFormCard({
        ...base,
        kinds: adviesKindsFor(school.sector).map((k) => ({ value: k, title: ADVIES_KIND[k] })),
        parentsKnow: PARENTS_KNOW,
        parentsAgree: PARENTS_AGREE,
      });
    case 'kijkOpSchool':
      return kijkOpSchoolFormCard({ ...base, dayParts: DAY_PARTS });
  }
}

/** Reads a submitted form: the server repeats every check, whatever the card already did. */
export function parseForm(form: FormKind, school: SchoolContext, values: Record<string, unknown>, now: Date): Parsed<ParsedRequest> {
  switch (form) {
    case 'spreekuur': {
      const r = parseSpreekuur(values, now);
      if (!r.ok) return r;
      const { pupil, ...details } = r.value;
      return { ok: true, value: { type: form, details, pupil, urgency: r.value.urgency } };
    }
    case 'thuiszitter':
    case 'dreigend': {
      const r = form === 'dreigend' ? parseDreigend(values, now) : parseThuiszitter(values, now);
      if (!r.ok) return r;
      const { pupil, ...details } = r.value;
      return { ok: true, value: { type: 'thuiszitter', details, pupil, urgency: details.urgency } };
    }
    case 'jes': {
      const r = parseJes(values, now, standingMembers(school), school.consultant.person.name);
      if (!r.ok) return r;
      return { ok: true, value: { type: form, details: r.value } };
    }
    case 'advies': {
      const r = parseAdvies(values, now, school.sector);
      if (!r.ok) return r;
      const { pupil, ...details } = r.value;
      return { ok: true, value: { type: form, details, pupil } };
    }
    case 'kijkOpSchool': {
      const r = parseKijkOpSchool(values, now);
      if (!r.ok) return r;
      const { pupil, ...details } = r.value;
      return { ok: true, value: { type: form, details, pupil } };
    }
  }
}

/** No form has more inputs, and no input is longer (the parsers give the exact limits per field). */
const MAX_INPUTS = 60;
const MAX_INPUT_LENGTH = 5_000;

/**
 * Keeps only the inputs of the form (Teams merges action data and input values into one object), cleaned
 * of control characters; they travel on in the review card, so nothing unbounded or invisible goes along.
 */
export function formValues(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data).slice(0, MAX_INPUTS + 10)) {
    if (['schoolId', 'submissionId', 'type', 'values', 'verb', 'linkedRequestId'].includes(k) || k.length > 100) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = cleanText(String(v)).slice(0, MAX_INPUT_LENGTH);
    if (Object.keys(out).length >= MAX_INPUTS) break;
  }
  return out;
}
