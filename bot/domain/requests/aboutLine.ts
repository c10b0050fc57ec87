// What a request is about, in one line: the same rule for "Mijn aanvragen", notices and channel cards.
// Never a full name: the pupil shows as initials or "anoniem", so the line may go anywhere.
import { REQUEST_KINDS } from './kinds.ts';
import type { TypedDetails } from './record.ts';
import type { Pupil } from './types.ts';

/** How much of the question a line shows; longer questions are cut at a word boundary with "…". */
export const QUESTION_START_CHARS = 60;

export function questionStart(question: unknown, max = QUESTION_START_CHARS): string {
  if (typeof question !== 'string') return '';
  // Counted in code points, so an emoji is never cut in half.
  const chars = Array.from(question.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max + 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const words = (lastSpace > cut.length / 3 ? cut.slice(0, lastSpace) : chars.slice(0, max).join('')).replace(/[\s,.;:!?-]+$/, '');
  return `${words}…`;
}

export function pupilShort(pupil: Pupil | null | undefined): string {
  if (!pupil || pupil.kind === 'none') return 'geen leerling';
  if (pupil.kind === 'anonymous') return 'anoniem';
  return pupil.initials || 'anoniem';
}

/**
 * "Spreekuur · J.B. · “Hoe ondersteunen we een leerling die…”", with the school at the end only when
 * the reader has several schools (pass `school` then).
 */
export function aboutLine(request: AboutRequest, opts: { school?: string } = {}): string {
  return [REQUEST_KINDS[request.type].label, aboutTail(request), ...(opts.school ? [opts.school] : [])].join(' · ');
}

/** The line without the type, for titles that name the type already ("Spreekuur SOT-2026-0001: ingepland — J.B. · “…”"). */
export function aboutTail(request: AboutRequest): string {
  const question = questionStart((request.details as { question?: unknown }).question);
  return [whom(request), ...(question ? [`“${question}”`] : [])].join(' · ');
}

/** The pupil; a JES-overleg names its subject (the form asks initials or a topic), a visit without a pupil its group. */
function whom(request: AboutRequest): string {
  if (request.type === 'jes' && typeof request.details.subject === 'string' && request.details.subject.trim())
    return questionStart(request.details.subject, SUBJECT_CHARS);
  if (request.type === 'kijkOpSchool' && request.pupil?.kind !== 'identified' && typeof request.details.group === 'string')
    return request.details.group;
  return pupilShort(request.pupil);
}

const SUBJECT_CHARS = 30;

type AboutRequest = TypedDetails & { pupil?: Pupil | null };
