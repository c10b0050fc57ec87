import { describe, expect, it } from 'vitest';
import { FormReader } from '../../bot/domain/requests/formValues.ts';
import { at, WEDNESDAY } from './dutch.ts';

const read = (values: Record<string, unknown>, now: Date = WEDNESDAY) => new FormReader(values, now);

describe('FormReader.raw', () => {
  it('trims, cleans control characters and normalises to NFC', () => {
    const f = read({ a: '  Ame\u0301lie\u0000 \t\n', b: '\u00A0\u3000x\uFEFF' });
    expect(f.raw('a')).toBe('Amélie');
    expect(f.raw('b')).toBe('x');
  });

  it('treats absent, null, objects and arrays as empty, and stringifies numbers and booleans', () => {
    const f = read({ n: null, o: { a: 1 }, arr: ['a'], num: 42, bool: true, zero: 0 });
    expect(f.raw('missing')).toBe('');
    expect(f.raw('n')).toBe('');
    expect(f.raw('o')).toBe('');
    expect(f.raw('arr')).toBe('');
    expect(f.raw('num')).toBe('42');
    expect(f.raw('bool')).toBe('true');
    expect(f.raw('zero')).toBe('0');
  });

  it('keeps inner line breaks, with \\r\\n made \\n', () => {
    expect(read({ a: ' regel 1\r\nregel 2 ' }).raw('a')).toBe('regel 1\nregel 2');
  });
});

describe('FormReader errors', () => {
  it('is ok until a field fails, and keeps the first error per field', () => {
    const f = read({});
    expect(f.ok).toBe(true);
    expect(f.errors).toEqual({});
    f.fail('x', 'eerste');
    f.fail('x', 'tweede');
    f.fail('y', 'ander veld');
    expect(f.ok).toBe(false);
    expect(f.errors).toEqual({ x: 'eerste', y: 'ander veld' });
  });
});

describe('FormReader.text', () => {
  it('returns the cleaned value', () => {
    const f = read({ q: '  Hoe verder?  ' });
    expect(f.text('q', { required: 'Verplicht.', max: 20, label: 'Vraag' })).toBe('Hoe verder?');
    expect(f.ok).toBe(true);
  });

  it('gives the required message for empty, blank and control-only input', () => {
    for (const value of [undefined, '', '   ', '\u0000\u0007', '\r\n\t', {}]) {
      const f = read({ q: value });
      expect(f.text('q', { required: 'Beschrijf kort uw vraag.', max: 20, label: 'Vraag' })).toBe('');
      expect(f.errors).toEqual({ q: 'Beschrijf kort uw vraag.' });
    }
  });

  it('accepts an empty optional field', () => {
    const f = read({});
    expect(f.text('q', { max: 5, label: 'Vraag' })).toBe('');
    expect(f.ok).toBe(true);
  });

  it('allows exactly max characters and reports one more in Dutch, with the count', () => {
    const ok = read({ q: 'x'.repeat(10) });
    ok.text('q', { max: 10, label: 'Vraag' });
    expect(ok.ok).toBe(true);

    const tooLong = read({ q: 'x'.repeat(11) });
    expect(tooLong.text('q', { max: 10, label: 'Uw vraag' })).toBe('x'.repeat(11));
    expect(tooLong.errors).toEqual({ q: 'Uw vraag is te lang: maximaal 10 tekens (nu 11).' });
  });

  it('counts the length after trimming and NFC (a decomposed é is one character)', () => {
    const f = read({ q: `   ${'e\u0301'.repeat(10)}   ` });
    expect(f.text('q', { max: 10, label: 'Vraag' })).toBe('é'.repeat(10));
    expect(f.ok).toBe(true);
  });

  it('counts an emoji as two characters (UTF-16 code units)', () => {
    const f = read({ q: '👍👍👍' });
    f.text('q', { max: 5, label: 'Vraag' });
    expect(f.errors.q).toBe('Vraag is te lang: maximaal 5 tekens (nu 6).');
  });
});

describe('FormReader.choice and choices', () => {
  const allowed = ['ochtend', 'middag'] as const;

  it('returns an allowed value, trimmed', () => {
    const f = read({ c: ' middag ' });
    expect(f.choice('c', allowed)).toBe('middag');
    expect(f.ok).toBe(true);
  });

  it('rejects an unknown or differently cased value', () => {
    for (const value of ['avond', 'Middag', 'middag,ochtend']) {
      const f = read({ c: value });
      expect(f.choice('c', allowed)).toBeUndefined();
      expect(f.errors).toEqual({ c: 'Kies een van de mogelijkheden uit de lijst.' });
    }
  });

  it('gives the required message only when asked, and undefined for empty', () => {
    const optional = read({});
    expect(optional.choice('c', allowed)).toBeUndefined();
    expect(optional.ok).toBe(true);
    const required = read({ c: '  ' });
    expect(required.choice('c', allowed, { required: 'Kies het dagdeel.' })).toBeUndefined();
    expect(required.errors).toEqual({ c: 'Kies het dagdeel.' });
  });

  it('splits a multi-select on commas, trims, drops empties and duplicates, keeps the order', () => {
    const f = read({ m: ' middag, ,ochtend,middag,' });
    expect(f.choices('m', allowed)).toEqual(['middag', 'ochtend']);
    expect(f.ok).toBe(true);
  });

  it('reports an unknown item in a multi-select but keeps the valid ones', () => {
    const f = read({ m: 'ochtend,nacht' });
    expect(f.choices('m', allowed)).toEqual(['ochtend']);
    expect(f.errors).toEqual({ m: 'Kies alleen uit de mogelijkheden in de lijst.' });
  });

  it('returns an empty list for an empty multi-select, without error', () => {
    const f = read({ m: '' });
    expect(f.choices('m', allowed)).toEqual([]);
    expect(f.ok).toBe(true);
  });
});

describe('FormReader.date', () => {
  const now = at('2026-11-25T10:00');

  it('accepts a real date as YYYY-MM-DD and returns it unchanged', () => {
    const f = read({ d: ' 2026-12-01 ' }, now);
    expect(f.date('d', { label: 'Datum' })).toBe('2026-12-01');
    expect(f.ok).toBe(true);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-11-31', '01-12-2026', '2026-1-5', '2026-12-01T10:00', '20261201', 'morgen'])(
    'rejects %s with a Dutch message',
    (value) => {
      const f = read({ d: value }, now);
      expect(f.date('d', { label: 'Voorkeursmoment 1' })).toBeUndefined();
      expect(f.errors).toEqual({ d: 'Voorkeursmoment 1: vul een bestaande datum in (dag-maand-jaar).' });
    },
  );

  it('accepts 29 February in a leap year', () => {
    const f = read({ d: '2028-02-29' }, now);
    expect(f.date('d', { label: 'Datum' })).toBe('2028-02-29');
    expect(f.ok).toBe(true);
  });

  it('notInPast: today is fine, yesterday is not', () => {
    const today = read({ d: '2026-11-25' }, now);
    today.date('d', { notInPast: true, label: 'Moment 1' });
    expect(today.ok).toBe(true);
    const yesterday = read({ d: '2026-11-24' }, now);
    expect(yesterday.date('d', { notInPast: true, label: 'Moment 1' })).toBe('2026-11-24');
    expect(yesterday.errors).toEqual({ d: 'Moment 1 moet vandaag of later zijn.' });
  });

  it('notInFuture: today is fine, tomorrow is not', () => {
    const today = read({ d: '2026-11-25' }, now);
    today.date('d', { notInFuture: true, label: 'Eerste verzuimdag' });
    expect(today.ok).toBe(true);
    const tomorrow = read({ d: '2026-11-26' }, now);
    tomorrow.date('d', { notInFuture: true, label: 'Eerste verzuimdag' });
    expect(tomorrow.errors).toEqual({ d: 'Eerste verzuimdag kan niet in de toekomst liggen.' });
  });

  it('uses the Dutch calendar day, not UTC: at 00:30 on 1 January the 31st is yesterday', () => {
    // 2027-01-01T00:30 in Amsterdam is still 31 December in UTC.
    const newYear = at('2027-01-01T00:30');
    const f = read({ d: '2026-12-31' }, newYear);
    f.date('d', { notInPast: true, label: 'Moment 1' });
    expect(f.errors).toEqual({ d: 'Moment 1 moet vandaag of later zijn.' });
    const g = read({ d: '2027-01-01' }, newYear);
    g.date('d', { notInPast: true, label: 'Moment 1' });
    expect(g.ok).toBe(true);
  });

  it('checks the year: from 1990 up to two years ahead', () => {
    const ok = [
      ['1990-01-01', true],
      ['1989-12-31', false],
      ['2028-12-31', true],
      ['2029-01-01', false],
    ] as const;
    for (const [value, valid] of ok) {
      const f = read({ d: value }, now);
      expect(f.date('d', { label: 'Datum' })).toBe(value);
      expect(f.errors).toEqual(valid ? {} : { d: 'Datum: controleer het jaartal.' });
    }
  });

  it('keeps the first message when both the past check and the year check fail', () => {
    const f = read({ d: '1980-05-05' }, now);
    f.date('d', { notInPast: true, label: 'Moment 1' });
    expect(f.errors).toEqual({ d: 'Moment 1 moet vandaag of later zijn.' });
  });

  it('gives the required message for an empty required date', () => {
    const f = read({ d: '' }, now);
    expect(f.date('d', { required: 'Vul de eerste verzuimdag in.', label: 'Eerste verzuimdag' })).toBeUndefined();
    expect(f.errors).toEqual({ d: 'Vul de eerste verzuimdag in.' });
  });
});

describe('FormReader.time', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:05', '09:05'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['14:00:00', '14:00'],
    [' 8:15 ', '08:15'],
  ])('reads %s as %s', (value, expected) => {
    const f = read({ t: value });
    expect(f.time('t', { label: 'Tijd moment 1' })).toBe(expected);
    expect(f.ok).toBe(true);
  });

  it.each(['24:00', '12:60', '9.30', '0930', '9:5', '123:00', '12:00 uur', '٠٩:٣٠', 'T12:00'])('rejects %s in Dutch', (value) => {
    const f = read({ t: value });
    expect(f.time('t', { label: 'Tijd moment 1' })).toBeUndefined();
    expect(f.errors).toEqual({ t: 'Tijd moment 1: vul een tijd in als uu:mm, bijvoorbeeld 09:30.' });
  });

  it('gives the required message, or nothing when optional', () => {
    const f = read({});
    expect(f.time('a', { label: 'Tijd' })).toBeUndefined();
    expect(f.time('b', { required: 'Vul de tijd in.', label: 'Tijd' })).toBeUndefined();
    expect(f.errors).toEqual({ b: 'Vul de tijd in.' });
  });
});

describe('FormReader.email', () => {
  it('lower-cases and trims a valid address', () => {
    const f = read({ e: '  J.Jansen@School.NL ' });
    expect(f.email('e', { label: 'E-mail' })).toBe('j.jansen@school.nl');
    expect(f.ok).toBe(true);
  });

  it.each(['jansen', 'jansen@school', '@school.nl', 'j jansen@school.nl', 'a@@b.nl'])('rejects %s', (value) => {
    const f = read({ e: value });
    expect(f.email('e', { label: 'E-mail andere deelnemer' })).toBeUndefined();
    expect(f.errors).toEqual({ e: 'E-mail andere deelnemer: dit is geen geldig e-mailadres.' });
  });

  it('rejects an address longer than 200 characters and accepts one of exactly 200', () => {
    const of = (n: number) => `${'a'.repeat(n - '@school.nl'.length)}@school.nl`;
    const ok = read({ e: of(200) });
    expect(ok.email('e', { label: 'E-mail' })).toBe(of(200));
    const long = read({ e: of(201) });
    expect(long.email('e', { label: 'E-mail' })).toBeUndefined();
    expect(long.errors.e).toBe('E-mail: dit is geen geldig e-mailadres.');
  });

  it('gives the required message only when asked', () => {
    const f = read({});
    expect(f.email('a', { label: 'E-mail' })).toBeUndefined();
    expect(f.email('b', { required: 'Vul het e-mailadres in.', label: 'E-mail' })).toBeUndefined();
    expect(f.errors).toEqual({ b: 'Vul het e-mailadres in.' });
  });
});

describe('FormReader.today', () => {
  it('is the start of the Dutch day, in winter and in summer time', () => {
    expect(read({}, at('2026-11-25T00:10')).today().toISO()).toBe('2026-11-25T00:00:00.000+01:00');
    expect(read({}, at('2026-07-01T23:50')).today().toISO()).toBe('2026-07-01T00:00:00.000+02:00');
  });
});

describe('FormReader: invisible characters', () => {
  it('a required text of only zero-width characters gets the required message', () => {
    const f = read({ q: '\u200B\u2060\u200E' });
    f.text('q', { required: 'Beschrijf kort uw vraag.', max: 100, label: 'Vraag' });
    expect(f.errors).toEqual({ q: 'Beschrijf kort uw vraag.' });
  });
});
