// Kijk op School: the consultant's observation visit at the school. Planned, and moved to a concrete new
// date, like a spreekuur.
import { FormReader } from './formValues.ts';
import { type PreferredMoment, readPreferredMoments } from './spreekuur.ts';
import { initialsOf, type Parsed, type Pupil } from './types.ts';
import { nl } from '../wording/register.ts';

export interface KijkOpSchoolInput {
  /** What the school would like the consultant to look at, and why. */
  question: string;
  /** The group or class to visit. */
  group: string;
  /** One pupil in particular (initials only), or none: the group as a whole. */
  pupil: Pupil;
  moments: PreferredMoment[];
}

export function parseKijkOpSchool(values: Record<string, unknown>, now: Date): Parsed<KijkOpSchoolInput> {
  const f = new FormReader(values, now);
  const question = f.text('question', {
    required: 'Beschrijf wat de consulent zou moeten bekijken, en waarom.',
    max: 1000,
    label: nl`Uw vraag`,
  });
  const group = f.text('group', { required: 'Vul de groep of klas in die de consulent bezoekt.', max: 30, label: 'Groep of klas' });
  const initials = f.text('pupilInitials', { max: 10, label: 'Initialen' });
  const moments = readPreferredMoments(f);
  if (!f.ok) return { ok: false, errors: f.errors };
  const pupil: Pupil = initials
    ? { kind: 'identified', name: initials, initials: initials.includes('.') ? initials : initialsOf([...initials].join(' ')), group }
    : { kind: 'none' };
  return { ok: true, value: { question, group, pupil, moments } };
}
