import { describe, expect, it } from 'vitest';
import {
  hasReportingDuty,
  isAnonymousPupil,
  parseBirthDate,
  parseDreigend,
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
  duoDate: '2026-10-20',
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
    expect(weeksAbsent({ firstAbsentDate: '2026-11-25' }, NOW)).toBe(0);
    expect(weeksAbsent({ firstAbsentDate: '2026-11-19' }, NOW)).toBe(0);
    expect(weeksAbsent({ firstAbsentDate: '2026-11-18' }, NOW)).toBe(1);
    expect(weeksAbsent({ firstAbsentDate: '2026-10-29' }, NOW)).toBe(3);
    expect(weeksAbsent({ firstAbsentDate: '2026-10-28' }, NOW)).toBe(4);
  });

  it('a date in the future counts as zero weeks', () => {
    expect(weeksAbsent({ firstAbsentDate: '2026-12-25' }, NOW)).toBe(0);
  });

  it('the reporting duty starts at four whole weeks', () => {
    expect(hasReportingDuty({ firstAbsentDate: '2026-10-29' }, NOW)).toBe(false);
    expect(hasReportingDuty({ firstAbsentDate: '2026-10-28' }, NOW)).toBe(true);
  });

  it('a week with the spring DST change (29 March 2026, a 23-hour day) still counts as a week', () => {
    expect(weeksAbsent({ firstAbsentDate: '2026-03-01' }, at('2026-03-29T00:30'))).toBe(4);
    expect(hasReportingDuty({ firstAbsentDate: '2026-03-02' }, at('2026-03-30T08:00'))).toBe(true);
  });

  it('a week with the autumn DST change (25 October 2026, a 25-hour day) counts as a week, not more', () => {
    expect(weeksAbsent({ firstAbsentDate: '2026-10-18' }, at('2026-10-25T23:59'))).toBe(1);
    expect(weeksAbsent({ firstAbsentDate: '2026-10-19' }, at('2026-10-25T23:59'))).toBe(0);
  });

  it('uses the Dutch day: 00:30 on New Year’s Day is already the next day', () => {
    expect(weeksAbsent({ firstAbsentDate: '2026-12-04' }, at('2027-01-01T00:30'))).toBe(4);
    expect(weeksAbsent({ firstAbsentDate: '2026-12-04' }, at('2026-12-31T23:30'))).toBe(3);
  });

  it('leaves out school holidays: the autumn holiday inside the period does not count', () => {
    const herfst = { start: '2026-10-17', end: '2026-10-25' }; // 9 days
    expect(weeksAbsent({ firstAbsentDate: '2026-10-28' }, NOW, [herfst])).toBe(4);
    expect(weeksAbsent({ firstAbsentDate: '2026-10-14' }, NOW, [])).toBe(6);
    expect(weeksAbsent({ firstAbsentDate: '2026-10-14' }, NOW, [herfst])).toBe(4); // 42 - 9 = 33 days
    const studieweek = { start: '2026-11-09', end: '2026-11-13' };
    expect(hasReportingDuty({ firstAbsentDate: '2026-10-28' }, NOW, [studieweek])).toBe(false); // 28 - 5 days
    expect(hasReportingDuty({ firstAbsentDate: '2026-10-28' }, NOW)).toBe(true);
  });

  it('back at school stops the count on that day; a return still to come does not', () => {
    const first = '2026-09-30'; // 8 weeks before NOW
    expect(weeksAbsent({ firstAbsentDate: first, backToSchool: { date: '2026-10-28', extent: 'volledig' } }, NOW)).toBe(4);
    expect(weeksAbsent({ firstAbsentDate: first, backToSchool: { date: '2026-12-07', extent: 'gedeeltelijk' } }, NOW)).toBe(8);
    expect(hasReportingDuty({ firstAbsentDate: first, backToSchool: { date: '2026-10-20', extent: 'volledig' } }, NOW)).toBe(false);
  });

  it('no first day absent (a dreigende thuiszitter): zero weeks, no duty', () => {
    expect(weeksAbsent({}, NOW)).toBe(0);
    expect(hasReportingDuty({}, NOW)).toBe(false);
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
      reporting: { duo: '2026-10-20' },
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

  it('the reporting facts are separate, each with its own date, and all optional', () => {
    expect(parsed(valid({ duoDate: '' })).reporting).toEqual({});
    expect(
      parsed(valid({ duoDate: '2026-10-05', leerplichtDate: '2026-10-08', leerplichtName: ' P. Jansen ', otDate: '2026-10-30' })).reporting,
    ).toEqual({ duo: '2026-10-05', leerplicht: '2026-10-08', leerplichtName: 'P. Jansen', ot: '2026-10-30' });
  });

  it('a first day absent of today, and a dreigende thuiszitter (first day and reason optional)', () => {
    expect(parsed(valid({ firstAbsentDate: '2026-11-25', kind: 'dreigend', duoDate: '2026-11-25' }))).toMatchObject({
      kind: 'dreigend',
      firstAbsentDate: '2026-11-25',
      reporting: { duo: '2026-11-25' },
    });
    const v = parsed(valid({ kind: 'dreigend', firstAbsentDate: '', reason: '' }));
    expect(v.firstAbsentDate).toBeUndefined();
    expect(v.reason).toBeUndefined();
  });

  it('"anders" with a reason', () => {
    expect(parsed(valid({ reason: 'anders', reasonOther: ' verhuizing ' }))).toMatchObject({ reason: 'anders', reasonOther: 'verhuizing' });
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
    expect(errorsOf(valid({ firstAbsentDate: '2026-11-26' }))).toEqual({
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

  it('an unknown kind or reason', () => {
    expect(errorsOf(valid({ kind: 'spijbelaar', reason: 'verveling' }))).toEqual({
      kind: 'Kies een van de mogelijkheden uit de lijst.',
      reason: 'Kies een van de mogelijkheden uit de lijst.',
    });
  });

  it('a thuiszitter needs a first day absent and a reason', () => {
    expect(errorsOf(valid({ firstAbsentDate: '', reason: '' }))).toEqual({
      firstAbsentDate: 'Vul de eerste verzuimdag in.',
      reason: 'Kies de belangrijkste reden.',
    });
  });

  it('reporting dates in the future, or not dates', () => {
    expect(errorsOf(valid({ duoDate: '2026-11-26', otDate: '2026-02-30', leerplichtDate: '2026-12-01' }))).toEqual({
      duoDate: 'Verzuim gemeld bij DUO op kan niet in de toekomst liggen.',
      otDate: 'Gemeld in Onderwijs Transparant op: vul een bestaande datum in (dag-maand-jaar).',
      leerplichtDate: 'Leerplichtambtenaar betrokken sinds kan niet in de toekomst liggen.',
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
  it('"Wat al geprobeerd is is te lang": the label and the message repeat "is"', () => {
    expect(errorsOf(valid({ tried: 't'.repeat(2001) })).tried).toMatch(/^Wat al geprobeerd is is te lang/);
  });
});

describe('parseDreigend: the short form', () => {
  const short = (over: Record<string, unknown> = {}) => ({
    pupilInitials: 'J.B.',
    pupilGroup: '2b',
    question: 'Werkt steeds vaker thuis; ouders vragen om thuisonderwijs.',
    urgency: 'hoog',
    callbackVia: 'telefoon',
    callbackPhone: '06 12345678',
    callbackDate: '2026-11-26',
    callbackTime: '14:00',
    ...over,
  });
  const read = (values: Record<string, unknown>) => parseDreigend(values, NOW);

  it('needs only the worry, the urgency and a call back; the pupil is initials and group, or anonymous', () => {
    const r = read(short());
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'dreigend',
        pupil: { kind: 'identified', name: 'J.B.', initials: 'J.B.', group: '2b' },
        reasonOther: '',
        tried: '',
        question: 'Werkt steeds vaker thuis; ouders vragen om thuisonderwijs.',
        urgency: 'hoog',
        callback: { via: 'telefoon', phone: '06 12345678', date: '2026-11-26', time: '14:00' },
        reporting: {},
      },
    });
    const anonymous = read(short({ pupilAnonymous: 'true', callbackVia: 'teams', callbackPhone: '', callbackTime: '' }));
    expect(anonymous.ok && anonymous.value.pupil).toEqual({ kind: 'anonymous' });
    expect(anonymous.ok && anonymous.value.callback).toEqual({ via: 'teams', date: '2026-11-26' });
    const nothing = read(short({ pupilInitials: '', pupilGroup: '' }));
    expect(nothing.ok && nothing.value.pupil).toEqual({ kind: 'anonymous' });
  });

  it('has no first day absent, so no weeks and no reporting duty', () => {
    const r = read(short());
    expect(r.ok && r.value.firstAbsentDate).toBeUndefined();
    expect(r.ok && hasReportingDuty(r.value, NOW)).toBe(false);
  });

  it('an empty form names each missing field', () => {
    expect(read({})).toEqual({
      ok: false,
      errors: {
        question: 'Beschrijf kort uw zorg over deze leerling.',
        urgency: 'Kies hoe dringend het is.',
        callbackVia: 'Kies hoe de consulent u terugbelt.',
        callbackDate: 'Vul in op welke dag u teruggebeld wilt worden.',
      },
    });
  });

  it('by phone needs a number that looks like one; the call back cannot be in the past', () => {
    expect(read(short({ callbackPhone: '' }))).toMatchObject({
      ok: false,
      errors: { callbackPhone: 'Vul het nummer in waarop de consulent u kan bellen.' },
    });
    expect(read(short({ callbackPhone: 'bel me' }))).toMatchObject({
      ok: false,
      errors: { callbackPhone: expect.stringMatching(/cijfers/) },
    });
    expect(read(short({ callbackDate: '2026-11-24' }))).toMatchObject({
      ok: false,
      errors: { callbackDate: 'Terugbellen op moet vandaag of later zijn.' },
    });
  });
});
