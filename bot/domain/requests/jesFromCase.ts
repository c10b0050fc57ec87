// Aanmelden voor JES: every pupil the school discusses with the SOT also comes to the JES-overleg. A JES-overleg
// filed from a case starts with what that case already says; the form stays editable.
import type { TypedDetails } from './record.ts';
import type { Pupil } from './types.ts';

/** Limits of the JES form (jes.ts parseJes). */
const SUBJECT_MAX = 200;
const QUESTION_MAX = 1000;

/**
 * The JES form's first two fields from the case: the pupil by initials (and group) only — never the full
 * name or birth date, the JES-overleg has partners from outside the SWV — or "Anonieme leerling" while the
 * school spars anonymously, and the case's question. A case about no pupil leaves the subject to the filer.
 */
export function jesPrefill(from: TypedDetails & { pupil: Pupil | null }): { subject: string; question: string } {
  const pupil = from.pupil;
  const subject =
    pupil?.kind === 'identified'
      ? [pupil.initials, pupil.group].filter(Boolean).join(', ')
      : pupil?.kind === 'anonymous'
        ? 'Anonieme leerling'
        : from.type === 'kijkOpSchool'
          ? from.details.group
          : '';
  return { subject: subject.slice(0, SUBJECT_MAX), question: from.details.question.slice(0, QUESTION_MAX) };
}
