import { describe, expect, it } from 'vitest';
import { aboutLine, questionStart } from '../../bot/domain/requests/aboutLine.ts';
import { noActionsReason } from '../../bot/features/casework/caseCard.ts';

const spreekuur = (question: string, pupil: Parameters<typeof aboutLine>[0]['pupil']) =>
  ({ type: 'spreekuur', details: { question }, pupil }) as unknown as Parameters<typeof aboutLine>[0];

describe('aboutLine', () => {
  it('names type, initials and the question; the school only when asked', () => {
    const request = spreekuur('Faalangst bij toetsen', { kind: 'identified', name: 'Jan de Boer', initials: 'J.B.' });
    expect(aboutLine(request)).toBe('Spreekuur · J.B. · “Faalangst bij toetsen”');
    expect(aboutLine(request, { school: 'Obs Het Kompas' })).toBe('Spreekuur · J.B. · “Faalangst bij toetsen” · Obs Het Kompas');
    expect(aboutLine(request)).not.toContain('Jan');
  });

  it('says "anoniem" for sparring', () => {
    expect(aboutLine(spreekuur('Vraag', { kind: 'anonymous' }))).toBe('Spreekuur · anoniem · “Vraag”');
  });

  it('a JES-overleg names its subject, a visit to a group the group', () => {
    const jes = { type: 'jes', details: { subject: 'K.L., groep 7', question: 'Afstemmen' }, pupil: null } as unknown as Parameters<
      typeof aboutLine
    >[0];
    expect(aboutLine(jes)).toBe('JES-overleg · K.L., groep 7 · “Afstemmen”');
    const visit = {
      type: 'kijkOpSchool',
      details: { group: 'groep 5', question: 'Rekenen' },
      pupil: { kind: 'none' },
    } as unknown as Parameters<typeof aboutLine>[0];
    expect(aboutLine(visit)).toMatch(/ · groep 5 · “Rekenen”$/);
  });

  it('cuts a long question at a word boundary with "…", and flattens line breaks', () => {
    expect(questionStart('een twee drie vier vijf', 12)).toBe('een twee…');
    expect(questionStart('een,\ntwee', 60)).toBe('een, twee');
    expect(questionStart(undefined)).toBe('');
  });

  it('never cuts an emoji in half', () => {
    for (const question of [`Vraag over ${'😀'.repeat(70)}`, `a${'😀'.repeat(80)}`]) {
      const start = questionStart(question);
      expect(start.endsWith('…')).toBe(true);
      expect(start).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('noActionsReason', () => {
  const request = { type: 'spreekuur', status: 'new', consultant: { name: 'Anna de Vries' } } as Parameters<typeof noActionsReason>[0];
  it('tells a coordinator and another consultant who handles it', () => {
    expect(noActionsReason(request, ['coordinator'])).toContain(
      'Alleen de consulent van deze school (Anna de Vries) kan deze aanvraag behandelen.',
    );
    expect(noActionsReason(request, [])).toBe('Alleen de consulent van deze school (Anna de Vries) kan deze aanvraag behandelen.');
  });
  it('names the Thuiszittersteam for a thuiszitter signal', () => {
    expect(noActionsReason({ ...request, type: 'thuiszitter' }, [])).toBe(
      'Alleen de consulent van deze school (Anna de Vries) of het Thuiszittersteam kan deze melding behandelen.',
    );
  });
  it('says a closed request needs nothing more', () => {
    expect(noActionsReason({ ...request, status: 'closed' }, ['assignee'])).toContain('afgesloten');
  });
});
