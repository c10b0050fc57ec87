import { describe, expect, it } from 'vitest';
import {
  hasReportingDuty,
  isAnonymousPupil,
  parseBirthDate,
  parseThuiszitter,
  weeksAbsent,
} from '../../bot/domain/requests/thuiszitter.ts';
import { at } from './dutch.ts';

const NOW = at('2026-11-25T10:00'); // Wednesday

const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'thuiszitter',
  pupilName: 'Jan van der Berg',
  pupilBirthDate: '14-03-2014',
  firstAbsentDate: '2026-10-01',
  reason: 'schoolweigering',
  leerplichtInformed: 'ja',
  leerplichtDate: '2026-10-20',
  otReported: 'nee',
  tried: 'Gesprekken met ouders, aangepast rooster.',
  question: 'Wie kan meedenken?',
  ...over,
});

const errorsOf = (values: Record<string, unknown>, now = NOW) => {
  const r = parseThuiszitter(values, now);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
};
const parsed = (values: Record<string, unknown>, now = NOW) => {
  const r = parseThuiszitter(values, now);
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.errors)}`);
  return r.value;
};

describe('isAnonymousPupil', () => {
  it.each([
    ['xx', '', false],
    ['XXX', '14-03-2014', false],
    ['  xxxx ', '', false],
    ['', '00-00-00', false],
    ['Jan', '0-0-00', false],
    ['Jan', '00-00-0000', false],
    ['Jan', ' 00-00-000 ', false],
    ['Jan', '14-03-2014', true],
  ])('name %j, birth date %j, toggle %s → anonymous', (name, birth, toggle) => {
    expect(isAnonymousPupil(name, birth, toggle)).toBe(true);
  });

  it.each([
    ['x', ''],
    ['Xander', ''],
    ['xx xx', ''],
    ['Jan', '00-00-0'],
    ['Jan', '000-00-00'],
    ['Jan', '00.00.00'],
    ['Jan', '00-00-00000'],
    ['', ''],
  ])('name %j, birth date %j without toggle → not anonymous', (name, birth) => {
    expect(isAnonymousPupil(name, birth, false)).toBe(false);
  });
});

describe('parseBirthDate', () => {
  it.each([
    ['14-03-2014', '2014-03-14'],
    ['1-3-2014', '2014-03-01'],
    [' 01-03-2014 ', '2014-03-01'],
    ['2014-03-14', '2014-03-14'],
    ['29-02-2012', '2012-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseBirthDate(text, NOW)).toBe(iso);
  });

  it.each(['29-02-2013', '31-04-2014', '14/03/2014', '14-03-14', '14-03-02014', '2014-3-14', '14 maart 2014', '', 'xx'])(
    'rejects %j',
    (text) => {
      expect(parseBirthDate(text, NOW)).toBeUndefined();
    },
  );

  it('accepts ages from 2 up to 25 years (measured at this moment)', () => {
    expect(parseBirthDate('25-11-2024', NOW)).toBe('2024-11-25'); // turns 2 today
    expect(parseBirthDate('26-11-2024', NOW)).toBeUndefined(); // 1 year old until tomorrow
    expect(parseBirthDate('26-11-2001', NOW)).toBe('2001-11-26'); // 25 tomorrow
    expect(parseBirthDate('25-11-2001', NOW)).toBeUndefined(); // 25 years and 10 hours
    expect(parseBirthDate('01-01-2030', NOW)).toBeUndefined(); // not born yet
  });
});

describe('weeksAbsent and hasReportingDuty', () => {
  it('counts whole weeks between Dutch calendar days', () => {
    expect(weeksAbsent('2026-11-25', NOW)).toBe(0);
    expect(weeksAbsent('2026-11-19', NOW)).toBe(0);
    expect(weeksAbsent('2026-11-18', NOW)).toBe(1);
    expect(weeksAbsent('2026-10-29', NOW)).toBe(3);
    expect(weeksAbsent('2026-10-28', NOW)).toBe(4);
  });

  it('a date in the future counts as zero weeks', () => {
    expect(weeksAbsent('2026-12-25', NOW)).toBe(0);
  });

  it('the reporting duty starts at four whole weeks', () => {
    expect(hasReportingDuty('2026-10-29', NOW)).toBe(false);
    expect(hasReportingDuty('2026-10-28', NOW)).toBe(true);
  });

  it('a week with the spring DST change (29 March 2026, a 23-hour day) still counts as a week', () => {
    expect(weeksAbsent('2026-03-01', at('2026-03-29T00:30'))).toBe(4);
    expect(hasReportingDuty('2026-03-02', at('2026-03-30T08:00'))).toBe(true);
  });

  it('a week with the autumn DST change (25 October 2026, a 25-hour day) counts as a week, not more', () => {
    expect(weeksAbsent('2026-10-18', at('2026-10-25T23:59'))).toBe(1);
    expect(weeksAbsent('2026-10-19', at('2026-10-25T23:59'))).toBe(0);
  });

  it('uses the Dutch day: 00:30 on New Year’s Day is already the next day', () => {
    expect(weeksAbsent('2026-12-04', at('2027-01-01T00:30'))).toBe(4);
    expect(weeksAbsent('2026-12-04', at('2026-12-31T23:30'))).toBe(3);
  });
});

describe('parseThuiszitter: valid input', () => {
  it('returns the value, with initials and the ISO birth date', () => {
    expect(parsed(valid())).toEqual({
      kind: 'thuiszitter',
      pupil: { kind: 'identified', name: 'Jan van der Berg', birthDate: '2014-03-14', initials: 'J.B.' },
      firstAbsentDate: '2026-10-01',
      reason: 'schoolweigering',
      reasonOther: '',
      leerplichtInformed: true,
      leerplichtDate: '2026-10-20',
      otReported: false,
      tried: 'Gesprekken met ouders, aangepast rooster.',
      question: 'Wie kan meedenken?',
    });
  });

  it('trims and cleans free text', () => {
    const v = parsed(valid({ pupilName: '  Anne-Marie\u0000 de Vries ', tried: '\tveel\r\n', question: ' Hulp? ' }));
    expect(v.pupil).toEqual({ kind: 'identified', name: 'Anne-Marie de Vries', birthDate: '2014-03-14', initials: 'A.M.V.' });
    expect(v.tried).toBe('veel');
    expect(v.question).toBe('Hulp?');
  });

  it('anonymous sparring by toggle, by "xxx" or by 00-00-00, without name or birth date errors', () => {
    for (const over of [
      { pupilAnonymous: 'true', pupilName: '', pupilBirthDate: '' },
      { pupilName: 'xxx', pupilBirthDate: '' },
      { pupilName: '', pupilBirthDate: '00-00-00' },
      { pupilAnonymous: 'true', pupilName: 'Jan', pupilBirthDate: 'onbekend' },
    ]) {
      expect(parsed(valid(over)).pupil).toEqual({ kind: 'anonymous' });
    }
  });

  it('the toggle sent as "false" is not anonymous', () => {
    expect(errorsOf(valid({ pupilAnonymous: 'false', pupilName: '', pupilBirthDate: '' }))).toEqual({
      pupilName: 'Vul de naam van de leerling in, of kies "anoniem sparren".',
      pupilBirthDate: 'Vul de geboortedatum in (dd-mm-jjjj), of kies "anoniem sparren".',
    });
  });

  it('leerplicht not informed: no date needed, and a date given is dropped', () => {
    expect(parsed(valid({ leerplichtInformed: 'nee', leerplichtDate: '' }))).toMatchObject({ leerplichtInformed: false });
    const v = parsed(valid({ leerplichtInformed: 'nee', leerplichtDate: '2026-10-20' }));
    expect(v.leerplichtDate).toBeUndefined();
  });

  it('a first day absent of today, and a dreigende thuiszitter', () => {
    expect(parsed(valid({ firstAbsentDate: '2026-11-25', kind: 'dreigend', leerplichtDate: '2026-11-25' }))).toMatchObject({
      kind: 'dreigend',
      firstAbsentDate: '2026-11-25',
      leerplichtDate: '2026-11-25',
    });
  });

  it('"anders" with a reason, and the OT report as yes', () => {
    expect(parsed(valid({ reason: 'anders', reasonOther: ' verhuizing ', otReported: 'ja' }))).toMatchObject({
      reason: 'anders',
      reasonOther: 'verhuizing',
      otReported: true,
    });
  });

  it('texts at their limits', () => {
    const v = parsed(valid({ pupilName: 'a'.repeat(100), tried: 't'.repeat(2000), question: 'q'.repeat(1000) }));
    expect([v.tried.length, v.question.length]).toEqual([2000, 1000]);
  });
});

describe('parseThuiszitter: each kind of bad input gets a Dutch error on its own field', () => {
  it('an empty form', () => {
    expect(errorsOf({})).toEqual({
      kind: 'Kies of het om een dreigende thuiszitter of een thuiszitter gaat.',
      pupilName: 'Vul de naam van de leerling in, of kies "anoniem sparren".',
      pupilBirthDate: 'Vul de geboortedatum in (dd-mm-jjjj), of kies "anoniem sparren".',
      firstAbsentDate: 'Vul de eerste verzuimdag in.',
      reason: 'Kies de belangrijkste reden.',
      leerplichtInformed: 'Geef aan of leerplicht/DUO is geïnformeerd.',
      otReported: 'Geef aan of de leerling in Onderwijs Transparant is gemeld.',
      tried: 'Beschrijf kort wat de school al heeft geprobeerd.',
      question: 'Wat is uw vraag aan het SOT?',
    });
  });

  it('a birth date that does not exist or is out of the age range', () => {
    const message = 'Vul een bestaande geboortedatum in als dd-mm-jjjj, bijvoorbeeld 14-03-2014.';
    for (const pupilBirthDate of ['31-02-2014', '14-03-1990', '14-03-2026', '14.03.2014']) {
      expect(errorsOf(valid({ pupilBirthDate }))).toEqual({ pupilBirthDate: message });
    }
  });

  it('a birth date without a name', () => {
    expect(errorsOf(valid({ pupilName: '  ' }))).toEqual({ pupilName: 'Vul de naam van de leerling in, of kies "anoniem sparren".' });
  });

  it('too long a name', () => {
    expect(errorsOf(valid({ pupilName: 'a'.repeat(101) }))).toEqual({
      pupilName: 'Naam leerling is te lang: maximaal 100 tekens (nu 101).',
    });
  });

  it('a first day absent in the future, or not a date', () => {
    expect(errorsOf(valid({ firstAbsentDate: '2026-11-26', leerplichtInformed: 'nee' }))).toEqual({
      firstAbsentDate: 'Eerste verzuimdag kan niet in de toekomst liggen.',
    });
    expect(errorsOf(valid({ firstAbsentDate: '01-10-2026' }))).toEqual({
      firstAbsentDate: 'Eerste verzuimdag: vul een bestaande datum in (dag-maand-jaar).',
    });
    expect(errorsOf(valid({ firstAbsentDate: '1989-09-01' }))).toEqual({ firstAbsentDate: 'Eerste verzuimdag: controleer het jaartal.' });
  });

  it('"anders" without a reason, and too long a reason', () => {
    expect(errorsOf(valid({ reason: 'anders' }))).toEqual({ reasonOther: 'U koos "Anders": beschrijf kort de reden.' });
    expect(errorsOf(valid({ reason: 'anders', reasonOther: 'r'.repeat(201) }))).toEqual({
      reasonOther: 'Andere reden is te lang: maximaal 200 tekens (nu 201).',
    });
  });

  it('an unknown kind, reason or yes/no answer', () => {
    expect(errorsOf(valid({ kind: 'spijbelaar', reason: 'verveling', leerplichtInformed: 'misschien', otReported: 'JA' }))).toEqual({
      kind: 'Kies een van de mogelijkheden uit de lijst.',
      reason: 'Kies een van de mogelijkheden uit de lijst.',
      leerplichtInformed: 'Kies een van de mogelijkheden uit de lijst.',
      otReported: 'Kies een van de mogelijkheden uit de lijst.',
    });
  });

  it('leerplicht informed without a date, with a future date, or with a bad date', () => {
    expect(errorsOf(valid({ leerplichtDate: '' }))).toEqual({ leerplichtDate: 'Vul in wanneer leerplicht/DUO is geïnformeerd.' });
    expect(errorsOf(valid({ leerplichtDate: '2026-11-26' }))).toEqual({
      leerplichtDate: 'Datum gemeld bij leerplicht/DUO kan niet in de toekomst liggen.',
    });
    expect(errorsOf(valid({ leerplichtDate: '2026-02-30' }))).toEqual({
      leerplichtDate: 'Datum gemeld bij leerplicht/DUO: vul een bestaande datum in (dag-maand-jaar).',
    });
  });

  it('tried and question over their limits', () => {
    expect(errorsOf(valid({ tried: 't'.repeat(2001), question: 'q'.repeat(1001) }))).toEqual({
      tried: 'Wat al geprobeerd is is te lang: maximaal 2000 tekens (nu 2001).',
      question: 'Uw vraag is te lang: maximaal 1000 tekens (nu 1001).',
    });
  });

  it('at 23:30 on New Year’s Eve, 1 January is still in the future', () => {
    expect(errorsOf(valid({ firstAbsentDate: '2027-01-01' }), at('2026-12-31T23:30'))).toEqual({
      firstAbsentDate: 'Eerste verzuimdag kan niet in de toekomst liggen.',
    });
    expect(parsed(valid({ firstAbsentDate: '2027-01-01' }), at('2027-01-01T00:30')).firstAbsentDate).toBe('2027-01-01');
  });
});

describe('parseThuiszitter: as it behaves today', () => {
  it('a leerplicht date in the future is refused even when leerplicht was not informed (and the date would be dropped)', () => {
    expect(errorsOf(valid({ leerplichtInformed: 'nee', leerplichtDate: '2027-01-10' }))).toEqual({
      leerplichtDate: 'Datum gemeld bij leerplicht/DUO kan niet in de toekomst liggen.',
    });
  });

  it('"Wat al geprobeerd is is te lang": the label and the message repeat "is"', () => {
    expect(errorsOf(valid({ tried: 't'.repeat(2001) })).tried).toMatch(/^Wat al geprobeerd is is te lang/);
  });
});
