import { describe, expect, it } from 'vitest';
import { jesPrefill } from '../../bot/domain/requests/jesFromCase.ts';
import type { TypedDetails } from '../../bot/domain/requests/record.ts';
import type { Pupil } from '../../bot/domain/requests/types.ts';

// "Aanmelden voor JES": what the JES form starts with, from the case it is filed from.
const spreekuur = (pupil: Pupil | null, question = 'Hoe ondersteunen we een leerling met faalangst?') =>
  ({
    type: 'spreekuur',
    details: { question, withWhom: ['ouders'], withWhomOther: '', moments: [], form: 'school', urgency: 'normaal' },
    pupil,
  }) as unknown as TypedDetails & { pupil: Pupil | null };

describe('jesPrefill', () => {
  it('names the pupil by initials and group only, never by name or birth date', () => {
    const named = spreekuur({ kind: 'identified', name: 'Jan de Boer', initials: 'J.B.', birthDate: '2014-03-14', group: 'groep 7' });
    expect(jesPrefill(named)).toEqual({ subject: 'J.B., groep 7', question: 'Hoe ondersteunen we een leerling met faalangst?' });
    expect(JSON.stringify(jesPrefill(named))).not.toMatch(/Jan|Boer|2014/);
    expect(jesPrefill(spreekuur({ kind: 'identified', name: 'K.L.', initials: 'K.L.' })).subject).toBe('K.L.');
  });

  it('keeps an anonymous case anonymous, and leaves the subject open for a case about no pupil', () => {
    expect(jesPrefill(spreekuur({ kind: 'anonymous' })).subject).toBe('Anonieme leerling');
    expect(jesPrefill(spreekuur(null)).subject).toBe('');
    expect(jesPrefill(spreekuur({ kind: 'none' })).subject).toBe('');
  });

  it('a visit about a group names the group; the question fits the JES form', () => {
    const visit = {
      type: 'kijkOpSchool',
      details: { question: 'Rust in de groep.', group: 'groep 5', moments: [] },
      pupil: null,
    } as unknown as TypedDetails & { pupil: Pupil | null };
    expect(jesPrefill(visit)).toEqual({ subject: 'groep 5', question: 'Rust in de groep.' });
    expect(jesPrefill(spreekuur(null, 'x'.repeat(1500))).question).toHaveLength(1000);
  });
});
