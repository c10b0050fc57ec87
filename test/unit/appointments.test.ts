import { describe, expect, it } from 'vitest';
import {
  appointmentSentence,
  appointmentText,
  firstFutureMoment,
  placePhrase,
  preferredMomentText,
} from '../../bot/domain/requests/appointments.ts';
import { at } from './dutch.ts';

const on = (place: string) => ({ date: '2026-12-03', time: '10:00', place });

describe('an appointment in words', () => {
  it('the place mid-sentence is lower case; an address gets "op"', () => {
    expect(placePhrase('Op school')).toBe('op school');
    expect(placePhrase('Online (Teams)')).toBe('online (Teams)');
    expect(placePhrase('Telefonisch')).toBe('telefonisch');
    expect(placePhrase('Stationsplein 1, Utrecht')).toBe('op Stationsplein 1, Utrecht');
    expect(appointmentText(on('Op school'))).toBe('donderdag 3 december 2026 om 10:00, op school');
  });

  it('the next step says when, where, who and what for', () => {
    expect(appointmentSentence('spreekuur', on('Op school'), 'Anouk Bos')).toBe(
      'Op donderdag 3 december 2026 om 10:00 komt Anouk Bos op school langs voor het spreekuur.',
    );
    expect(appointmentSentence('spreekuur', on('Online (Teams)'), 'Anouk Bos')).toBe(
      'Op donderdag 3 december 2026 om 10:00 spreekt u Anouk Bos online (Teams) voor het spreekuur.',
    );
    expect(appointmentSentence('thuiszitter', on('Telefonisch'), 'Anouk Bos')).toBe(
      'Op donderdag 3 december 2026 om 10:00 belt Anouk Bos u voor een gesprek over de thuiszittermelding.',
    );
    expect(appointmentSentence('advies', on('Stationsplein 1'), 'Anouk Bos')).toBe(
      'Op donderdag 3 december 2026 om 10:00 ziet u Anouk Bos op Stationsplein 1 voor een gesprek over de adviesvraag.',
    );
    expect(appointmentSentence('jes', on('Op school'), 'Anouk Bos')).toBe(
      'Op donderdag 3 december 2026 om 10:00 is het JES-overleg op school, met Anouk Bos.',
    );
  });
});

describe('the first preferred moment still to come', () => {
  const moments = [
    { date: '2027-03-27', dayPart: 'middag' as const },
    { date: '2027-03-29', dayPart: 'ochtend' as const },
  ];

  it('in the school order; a part of the day counts from 09:00 or 13:00', () => {
    expect(firstFutureMoment(moments, at('2027-03-27T12:59'))).toEqual({ date: '2027-03-27', time: '13:00' });
    expect(firstFutureMoment(moments, at('2027-03-27T13:00'))).toEqual({ date: '2027-03-29', time: '09:00' });
    expect(firstFutureMoment([moments[1]!, moments[0]!], at('2027-03-20T10:00'))).toEqual({ date: '2027-03-29', time: '09:00' });
  });

  it('across the change to summer time (night of 28 March 2027), in Dutch time', () => {
    // 08:30 Dutch summer time is 06:30 UTC: before 09:00 on the Monday after the change.
    expect(firstFutureMoment(moments, new Date('2027-03-29T06:30:00Z'))).toEqual({ date: '2027-03-29', time: '09:00' });
    // 09:30 Dutch summer time is 07:30 UTC: the morning has started, so nothing is left.
    expect(firstFutureMoment(moments, new Date('2027-03-29T07:30:00Z'))).toBeNull();
  });

  it('none when there are none', () => {
    expect(firstFutureMoment([], at('2026-11-25T10:00'))).toBeNull();
  });

  it('shown as the school wrote them', () => {
    expect(preferredMomentText(moments[1]!)).toBe('maandag 29 maart 2027, ochtend');
  });
});
