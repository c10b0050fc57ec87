import { describe, expect, it } from 'vitest';
import { parseSpreekuur } from '../../bot/domain/requests/spreekuur.ts';
import { at } from './dutch.ts';

const NOW = at('2026-11-25T10:00'); // Wednesday

const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  question: 'Leerling komt niet tot leren, hoe verder?',
  withWhom: 'ouders,leerkracht',
  pupilMode: 'geen',
  moment1Date: '2026-11-30',
  moment1Part: 'ochtend',
  form: 'school',
  urgency: 'normaal',
  ...over,
});

const errorsOf = (values: Record<string, unknown>, now = NOW) => {
  const r = parseSpreekuur(values, now);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
};
const parsed = (values: Record<string, unknown>, now = NOW) => {
  const r = parseSpreekuur(values, now);
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.errors)}`);
  return r.value;
};

describe('parseSpreekuur: valid input', () => {
  it('returns the value with trimmed text, picked choices and the moment', () => {
    expect(parsed(valid({ question: '  Hoe verder?\r\n  ' }))).toEqual({
      question: 'Hoe verder?',
      withWhom: ['ouders', 'leerkracht'],
      withWhomOther: '',
      pupil: { kind: 'none' },
      moments: [{ date: '2026-11-30', dayPart: 'ochtend' }],
      form: 'school',
      urgency: 'normaal',
    });
  });

  it('keeps up to three moments in order and skips an empty one in between', () => {
    const v = parsed(
      valid({ moment1Date: '2026-11-25', moment1Part: 'middag', moment3Date: '2027-01-04', moment3Part: 'ochtend', moment2Date: ' ' }),
    );
    expect(v.moments).toEqual([
      { date: '2026-11-25', dayPart: 'middag' },
      { date: '2027-01-04', dayPart: 'ochtend' },
    ]);
  });

  it('accepts a moment in moment 2 only', () => {
    const v = parsed(valid({ moment1Date: '', moment1Part: '', moment2Date: '2026-12-02', moment2Part: 'middag' }));
    expect(v.moments).toEqual([{ date: '2026-12-02', dayPart: 'middag' }]);
  });

  it('an anonymous pupil', () => {
    expect(parsed(valid({ pupilMode: 'anoniem' })).pupil).toEqual({ kind: 'anonymous' });
  });

  it('a pupil by initials and group: initials are made from letters without dots', () => {
    expect(parsed(valid({ pupilMode: 'initialen', pupilInitials: 'jb', pupilGroup: ' groep 6 ' })).pupil).toEqual({
      kind: 'identified',
      name: 'jb',
      initials: 'J.B.',
      group: 'groep 6',
    });
  });

  it('initials typed with dots are kept as typed', () => {
    expect(parsed(valid({ pupilMode: 'initialen', pupilInitials: 'J.v.d.B.', pupilGroup: '7' })).pupil).toMatchObject({
      name: 'J.v.d.B.',
      initials: 'J.v.d.B.',
    });
  });

  it('"anders" with a description', () => {
    const v = parsed(valid({ withWhom: 'anders', withWhomOther: ' jeugdarts ' }));
    expect(v.withWhom).toEqual(['anders']);
    expect(v.withWhomOther).toBe('jeugdarts');
  });

  it('a question of exactly 1000 characters after trimming and NFC', () => {
    const question = 'e\u0301'.repeat(1000);
    expect(parsed(valid({ question: ` ${question} ` })).question).toBe('é'.repeat(1000));
  });

  it('accepts every urgency and form the card offers', () => {
    for (const urgency of ['normaal', 'hoog', 'spoed']) expect(parsed(valid({ urgency })).urgency).toBe(urgency);
    for (const form of ['school', 'teams', 'telefoon']) expect(parsed(valid({ form })).form).toBe(form);
  });
});

describe('parseSpreekuur: each kind of bad input gets a Dutch error on its own field', () => {
  it('an empty form', () => {
    expect(errorsOf({})).toEqual({
      question: 'Beschrijf kort uw vraag.',
      withWhom: 'Kies met wie u het wilt bespreken.',
      pupilMode: 'Geef aan of het over een leerling gaat.',
      moment1Date: 'Geef ten minste één voorkeursmoment op.',
      form: 'Kies hoe u het gesprek wilt voeren.',
      urgency: 'Kies de urgentie.',
    });
  });

  it('a question of only spaces and control characters', () => {
    expect(errorsOf(valid({ question: ' \u0000\t\u001F ' }))).toEqual({ question: 'Beschrijf kort uw vraag.' });
  });

  it('a question of 1001 characters', () => {
    expect(errorsOf(valid({ question: 'a'.repeat(1001) }))).toEqual({ question: 'Uw vraag is te lang: maximaal 1000 tekens (nu 1001).' });
  });

  it('an unknown person to talk with', () => {
    expect(errorsOf(valid({ withWhom: 'ouders,buurman' }))).toEqual({ withWhom: 'Kies alleen uit de mogelijkheden in de lijst.' });
  });

  it('only unknown people: the list error comes first', () => {
    expect(errorsOf(valid({ withWhom: 'buurman' }))).toEqual({ withWhom: 'Kies alleen uit de mogelijkheden in de lijst.' });
  });

  it('"anders" without saying who, or with too long a text', () => {
    expect(errorsOf(valid({ withWhom: 'ib,anders' }))).toEqual({ withWhomOther: 'U koos "Anders": vul in met wie.' });
    expect(errorsOf(valid({ withWhom: 'anders', withWhomOther: 'x'.repeat(201) }))).toEqual({
      withWhomOther: 'Anders, namelijk is te lang: maximaal 200 tekens (nu 201).',
    });
  });

  it('initials mode without initials or group', () => {
    expect(errorsOf(valid({ pupilMode: 'initialen' }))).toEqual({
      pupilInitials: 'Vul de initialen van de leerling in, of kies "anoniem".',
      pupilGroup: 'Vul de groep of het leerjaar in.',
    });
  });

  it('initials over 10 and group over 30 characters', () => {
    expect(errorsOf(valid({ pupilMode: 'initialen', pupilInitials: 'ABCDEFGHIJK', pupilGroup: 'g'.repeat(31) }))).toEqual({
      pupilInitials: 'Initialen is te lang: maximaal 10 tekens (nu 11).',
      pupilGroup: 'Groep of leerjaar is te lang: maximaal 30 tekens (nu 31).',
    });
  });

  it('an unknown pupil mode', () => {
    expect(errorsOf(valid({ pupilMode: 'naam' }))).toEqual({ pupilMode: 'Kies een van de mogelijkheden uit de lijst.' });
  });

  it('a date without a day part, and a day part without a date', () => {
    expect(errorsOf(valid({ moment2Date: '2026-12-01' }))).toEqual({ moment2Part: 'Kies het dagdeel bij voorkeursmoment 2.' });
    expect(errorsOf(valid({ moment3Part: 'middag' }))).toEqual({ moment3Date: 'Vul de datum in bij voorkeursmoment 3.' });
  });

  it('a moment in the past (yesterday, Dutch time)', () => {
    expect(errorsOf(valid({ moment1Date: '2026-11-24' }))).toEqual({ moment1Date: 'Voorkeursmoment 1 moet vandaag of later zijn.' });
  });

  it('a date that does not exist keeps its own message, not "fill in the date"', () => {
    expect(errorsOf(valid({ moment1Date: '2026-11-31' }))).toEqual({
      moment1Date: 'Voorkeursmoment 1: vul een bestaande datum in (dag-maand-jaar).',
    });
  });

  it('an unknown day part', () => {
    expect(errorsOf(valid({ moment1Part: 'avond' }))).toEqual({ moment1Part: 'Kies een van de mogelijkheden uit de lijst.' });
  });

  it('a moment more than two years ahead', () => {
    expect(errorsOf(valid({ moment1Date: '2029-01-01' }))).toEqual({ moment1Date: 'Voorkeursmoment 1: controleer het jaartal.' });
  });

  it('no moment at all, when the other fields are fine', () => {
    expect(errorsOf(valid({ moment1Date: '', moment1Part: '' }))).toEqual({ moment1Date: 'Geef ten minste één voorkeursmoment op.' });
  });

  it('an unknown form or urgency', () => {
    expect(errorsOf(valid({ form: 'brief', urgency: 'SPOED' }))).toEqual({
      form: 'Kies een van de mogelijkheden uit de lijst.',
      urgency: 'Kies een van de mogelijkheden uit de lijst.',
    });
  });

  it('non-string values from a tampered card count as empty', () => {
    expect(errorsOf(valid({ question: { text: 'x' }, urgency: ['spoed'] }))).toEqual({
      question: 'Beschrijf kort uw vraag.',
      urgency: 'Kies de urgentie.',
    });
  });
});

describe('parseSpreekuur: the Dutch calendar day', () => {
  it('at 00:30 on New Year’s Day, 31 December is in the past and 1 January is today', () => {
    const newYear = at('2027-01-01T00:30');
    expect(errorsOf(valid({ moment1Date: '2026-12-31' }), newYear)).toEqual({
      moment1Date: 'Voorkeursmoment 1 moet vandaag of later zijn.',
    });
    expect(parsed(valid({ moment1Date: '2027-01-01' }), newYear).moments).toEqual([{ date: '2027-01-01', dayPart: 'ochtend' }]);
  });
});

describe('parseSpreekuur: as it behaves today', () => {
  it('does not reject the same preferred moment twice (the JES form does)', () => {
    const v = parsed(valid({ moment2Date: '2026-11-30', moment2Part: 'ochtend' }));
    expect(v.moments).toHaveLength(2);
  });

  it('keeps "Anders, namelijk" text when "anders" is not picked', () => {
    expect(parsed(valid({ withWhomOther: 'jeugdarts' })).withWhomOther).toBe('jeugdarts');
  });

  it('still checks the length of hidden initials when the pupil mode is "geen"', () => {
    expect(errorsOf(valid({ pupilInitials: 'ABCDEFGHIJK' }))).toEqual({
      pupilInitials: 'Initialen is te lang: maximaal 10 tekens (nu 11).',
    });
  });

  // Initials are split per code point, so a character outside the BMP stays whole.
  it('initials with a character outside the BMP do not contain lone surrogates', () => {
    const v = parsed(valid({ pupilMode: 'initialen', pupilInitials: '𝐀B', pupilGroup: '5' }));
    expect(v.pupil.kind === 'identified' && v.pupil.initials).toBe('𝐀.B.');
  });
});
