import { describe, expect, it } from 'vitest';
import { defaultParticipantSelection, parseJes, participantChoices, type StandingMember } from '../../bot/domain/requests/jes.ts';
import { at } from './dutch.ts';

const NOW = at('2026-11-25T10:00'); // Wednesday

const SMW: StandingMember = { id: 's1', role: 'smw', name: 'Sanne Smit', email: 'sanne@smw.nl', organisation: 'Welzijn Oost' };
const LEERPLICHT: StandingMember = {
  id: 'l1',
  role: 'leerplicht',
  name: 'Piet Klaassen',
  email: 'p.klaassen@gemeente.nl',
  organisation: 'Gemeente',
};
const JGZ: StandingMember = { id: 'j1', role: 'jgz', name: 'Anna Bos', email: 'anna@ggd.nl', organisation: '' };
const STANDING = [SMW, LEERPLICHT, JGZ];

const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  subject: 'J.B., groep 7',
  question: 'Hoe krijgen we hulp thuis op gang?',
  participants: 'member:l1,ouders',
  moment1Date: '2026-11-30',
  moment1Time: '14:00',
  location: 'school',
  ...over,
});

const errorsOf = (values: Record<string, unknown>, standing = STANDING, now = NOW) => {
  const r = parseJes(values, now, standing, 'Carla Consulent');
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
};
const parsed = (values: Record<string, unknown>, standing = STANDING, now = NOW) => {
  const r = parseJes(values, now, standing, 'Carla Consulent');
  if (!r.ok) throw new Error(`expected a value, got ${JSON.stringify(r.errors)}`);
  return r.value;
};

describe('participantChoices and defaultParticipantSelection', () => {
  it('offers the standing members except the SMW, then the optional roles', () => {
    const wijkagent: StandingMember = { id: 'w1', role: 'wijkagent', name: 'Kees', email: 'k@politie.nl', organisation: 'Politie' };
    expect(participantChoices([...STANDING, wijkagent])).toEqual([
      { value: 'member:l1', title: 'Piet Klaassen (Leerplicht, Gemeente)' },
      { value: 'member:j1', title: 'Anna Bos (JGZ)' },
      { value: 'member:w1', title: 'Kees (wijkagent, Politie)' },
      { value: 'leerplicht', title: 'Andere leerplichtambtenaar (nog niet bekend)' },
      { value: 'jgz', title: 'Andere jeugdarts of JGZ-verpleegkundige (nog niet bekend)' },
      { value: 'ouders', title: 'Ouders' },
      { value: 'leerkracht', title: 'Leerkracht' },
    ]);
  });

  it('offers the general leerplicht/JGZ role plainly when nobody of that role is a standing member', () => {
    expect(participantChoices([SMW]).map((c) => c.title)).toEqual([
      'Leerplichtambtenaar',
      'Jeugdarts of JGZ-verpleegkundige',
      'Ouders',
      'Leerkracht',
    ]);
  });

  it('pre-selects the standing members except the SMW', () => {
    expect(defaultParticipantSelection(STANDING)).toBe('member:l1,member:j1');
    expect(defaultParticipantSelection([SMW])).toBe('');
    expect(defaultParticipantSelection([])).toBe('');
  });
});

describe('parseJes: valid input', () => {
  it('returns the value: consultant and standing SMW always, then the picks in order', () => {
    expect(parsed(valid())).toEqual({
      subject: 'J.B., groep 7',
      question: 'Hoe krijgen we hulp thuis op gang?',
      participants: [
        { role: 'consultant', name: 'Carla Consulent', fixed: true },
        { role: 'smw', name: 'Sanne Smit', email: 'sanne@smw.nl', organisation: 'Welzijn Oost', fixed: true },
        { role: 'leerplicht', name: 'Piet Klaassen', email: 'p.klaassen@gemeente.nl', organisation: 'Gemeente' },
        { role: 'ouders' },
      ],
      moments: ['2026-11-30T14:00'],
      location: 'school',
      address: '',
    });
  });

  it('without a standing SMW the SMW typed on the form is invited (e-mail lower-cased)', () => {
    const v = parsed(valid({ smwName: ' Sam ', smwEmail: 'Sam@SMW.nl' }), [LEERPLICHT]);
    expect(v.participants[1]).toEqual({ role: 'smw', name: 'Sam', email: 'sam@smw.nl', fixed: true });
  });

  it('without any SMW, an empty SMW slot is still there', () => {
    const v = parsed(valid({ participants: '' }), []);
    expect(v.participants).toEqual([
      { role: 'consultant', name: 'Carla Consulent', fixed: true },
      { role: 'smw', name: undefined, email: undefined, fixed: true },
    ]);
  });

  it('another participant by name, with or without e-mail', () => {
    expect(parsed(valid({ otherName: 'Dr. Jansen', otherEmail: 'Jansen@Praktijk.nl' })).participants.at(-1)).toEqual({
      role: 'other',
      name: 'Dr. Jansen',
      email: 'jansen@praktijk.nl',
    });
    expect(parsed(valid({ otherName: 'Oma' })).participants.at(-1)).toEqual({ role: 'other', name: 'Oma', email: undefined });
  });

  it('three moments, times normalised to hh:mm', () => {
    const v = parsed(
      valid({ moment1Time: '9:00', moment2Date: '2026-12-01', moment2Time: '13:30:00', moment3Date: '2026-11-25', moment3Time: '10:01' }),
    );
    expect(v.moments).toEqual(['2026-11-30T09:00', '2026-12-01T13:30', '2026-11-25T10:01']);
  });

  it('an "anders" location keeps its address; other locations drop it', () => {
    expect(parsed(valid({ location: 'anders', address: ' Dorpsstraat 1 ' })).address).toBe('Dorpsstraat 1');
    expect(parsed(valid({ location: 'online', address: 'Dorpsstraat 1' }))).toMatchObject({ location: 'online', address: '' });
  });
});

describe('parseJes: each kind of bad input gets a Dutch error on its own field', () => {
  it('an empty form', () => {
    expect(errorsOf({})).toEqual({
      subject: 'Vul de leerling (initialen) of het onderwerp in.',
      question: 'Wat is de vraag voor het JES-overleg?',
      moment1Date: 'Stel ten minste één moment voor.',
      location: 'Kies waar het overleg plaatsvindt.',
    });
  });

  it('subject and question over their limits', () => {
    expect(errorsOf(valid({ subject: 's'.repeat(201), question: 'q'.repeat(1001) }))).toEqual({
      subject: 'Leerling of onderwerp is te lang: maximaal 200 tekens (nu 201).',
      question: 'De vraag is te lang: maximaal 1000 tekens (nu 1001).',
    });
  });

  it('the SMW or an unknown member cannot be picked; the valid picks are still read', () => {
    expect(errorsOf(valid({ participants: 'member:s1' }))).toEqual({ participants: 'Kies alleen uit de mogelijkheden in de lijst.' });
    expect(errorsOf(valid({ participants: 'member:l1,member:zz' }))).toEqual({
      participants: 'Kies alleen uit de mogelijkheden in de lijst.',
    });
  });

  it('an e-mail for the other participant without a name; invalid e-mail addresses', () => {
    expect(errorsOf(valid({ otherEmail: 'x@y.nl' }))).toEqual({ otherName: 'Vul ook de naam van de andere deelnemer in.' });
    expect(errorsOf(valid({ otherName: 'Oma', otherEmail: 'oma@thuis' }))).toEqual({
      otherEmail: 'E-mail andere deelnemer: dit is geen geldig e-mailadres.',
    });
    expect(errorsOf(valid({ participants: 'ouders', smwEmail: 'geen adres' }), [])).toEqual({
      smwEmail: 'E-mail schoolmaatschappelijk werker: dit is geen geldig e-mailadres.',
    });
  });

  it('names over 100 characters', () => {
    expect(errorsOf(valid({ participants: 'ouders', otherName: 'n'.repeat(101), smwName: 'n'.repeat(101) }), [])).toEqual({
      smwName: 'Naam schoolmaatschappelijk werker is te lang: maximaal 100 tekens (nu 101).',
      otherName: 'Naam andere deelnemer is te lang: maximaal 100 tekens (nu 101).',
    });
  });

  it('a date without a time, and a time without a date', () => {
    expect(errorsOf(valid({ moment1Time: '' }))).toEqual({ moment1Time: 'Vul de begintijd in bij moment 1.' });
    expect(errorsOf(valid({ moment2Time: '15:00' }))).toEqual({ moment2Date: 'Vul de datum in bij moment 2.' });
  });

  it('a bad time or date keeps its own message', () => {
    expect(errorsOf(valid({ moment1Time: '25:00' }))).toEqual({
      moment1Time: 'Tijd moment 1: vul een tijd in als uu:mm, bijvoorbeeld 09:30.',
    });
    expect(errorsOf(valid({ moment1Date: '30-11-2026' }))).toEqual({
      moment1Date: 'Moment 1: vul een bestaande datum in (dag-maand-jaar).',
    });
  });

  it('a moment earlier today, or exactly now, is in the past; a minute later is fine', () => {
    const past = 'Moment 1 ligt in het verleden; kies een tijd in de toekomst.';
    expect(errorsOf(valid({ moment1Date: '2026-11-25', moment1Time: '09:59' }))).toEqual({ moment1Time: past });
    expect(errorsOf(valid({ moment1Date: '2026-11-25', moment1Time: '10:00' }))).toEqual({ moment1Time: past });
    expect(parsed(valid({ moment1Date: '2026-11-25', moment1Time: '10:01' })).moments).toEqual(['2026-11-25T10:01']);
  });

  it('the same moment twice, also when typed differently', () => {
    expect(errorsOf(valid({ moment2Date: '2026-11-30', moment2Time: '14:00:00' }))).toEqual({
      moment2Date: 'U stelde hetzelfde moment twee keer voor.',
    });
  });

  it('"anders" without an address, and an address over 200 characters', () => {
    expect(errorsOf(valid({ location: 'anders' }))).toEqual({ address: 'Vul het adres in.' });
    expect(errorsOf(valid({ location: 'school', address: 'a'.repeat(201) }))).toEqual({
      address: 'Adres is te lang: maximaal 200 tekens (nu 201).',
    });
    expect(errorsOf(valid({ location: 'thuis' }))).toEqual({ location: 'Kies een van de mogelijkheden uit de lijst.' });
  });
});

describe('parseJes: Dutch time around New Year and DST', () => {
  it('at 23:30 on New Year’s Eve, 23:45 the same evening is still to come and 23:15 is past', () => {
    const eve = at('2026-12-31T23:30');
    expect(parsed(valid({ moment1Date: '2026-12-31', moment1Time: '23:45' }), STANDING, eve).moments).toEqual(['2026-12-31T23:45']);
    expect(errorsOf(valid({ moment1Date: '2026-12-31', moment1Time: '23:15' }), STANDING, eve)).toEqual({
      moment1Time: 'Moment 1 ligt in het verleden; kies een tijd in de toekomst.',
    });
  });

  it('on the night of the autumn change (25 October 2026) the repeated hour 02:00–03:00 is read as winter time', () => {
    const firstHalfPastTwo = new Date('2026-10-25T00:30:00Z'); // 02:30 summer time
    const secondHalfPastTwo = new Date('2026-10-25T01:30:00Z'); // 02:30 winter time, an hour later
    const past = { moment1Time: 'Moment 1 ligt in het verleden; kies een tijd in de toekomst.' };
    // "02:00" is taken as 02:00 winter time (01:00 UTC): still to come at the first 02:30, past at the second.
    expect(parsed(valid({ moment1Date: '2026-10-25', moment1Time: '02:00' }), STANDING, firstHalfPastTwo).moments).toEqual([
      '2026-10-25T02:00',
    ]);
    expect(errorsOf(valid({ moment1Date: '2026-10-25', moment1Time: '02:00' }), STANDING, secondHalfPastTwo)).toEqual(past);
    expect(errorsOf(valid({ moment1Date: '2026-10-25', moment1Time: '01:45' }), STANDING, firstHalfPastTwo)).toEqual(past);
  });
});

describe('parseJes: moments', () => {
  it('a day in the past gets one message, on the date', () => {
    expect(errorsOf(valid({ moment1Date: '2026-11-24' }))).toEqual({ moment1Date: 'Moment 1 moet vandaag of later zijn.' });
  });

  it('moments 1 and 3 the same with moment 2 empty: the error lands on moment 3, the repeat', () => {
    expect(errorsOf(valid({ moment3Date: '2026-11-30', moment3Time: '14:00' }))).toEqual({
      moment3Date: 'U stelde hetzelfde moment twee keer voor.',
    });
  });

  it('refuses a time that does not exist in Dutch time (02:30 on 28 March 2027, clocks jump to 03:00)', () => {
    expect(errorsOf(valid({ moment1Date: '2027-03-28', moment1Time: '02:30' }))).toEqual({
      moment1Time: '02:30 bestaat niet op die dag: de klok gaat dan een uur vooruit. Kies een andere tijd.',
    });
  });

  it('validates the SMW e-mail field even when a standing SMW makes it unused', () => {
    expect(errorsOf(valid({ smwEmail: 'geen adres' }))).toEqual({
      smwEmail: 'E-mail schoolmaatschappelijk werker: dit is geen geldig e-mailadres.',
    });
  });
});
