// How much of the pupil a reader sees: the coordinator what they typed, the channel card initials only.
import { formatIsoDate } from '../../domain/time.ts';
import type { Pupil } from '../../domain/requests/types.ts';

export type Audience = 'coordinator' | 'channel';

export function pupilLine(pupil: Pupil | null | undefined, audience: Audience): string {
  if (!pupil || pupil.kind === 'none') return 'Geen (algemene vraag)';
  if (pupil.kind === 'anonymous') return 'Anoniem (sparren)';
  if (audience === 'channel') return [pupil.initials, pupil.group].filter(Boolean).join(', ');
  const birth = pupil.birthDate ? `, geboren ${formatIsoDate(pupil.birthDate).replace(/^\S+ /, '')}` : '';
  return `${pupil.name}${pupil.group ? `, ${pupil.group}` : ''}${birth}`;
}
