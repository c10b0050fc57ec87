import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inRegister, nl, setRegister } from '../../bot/domain/wording/register.ts';

const TEMPLATES = path.join(import.meta.dirname, '../../cards/templates');
const STANDALONE_U = /(?<!\p{L})(u|U|uw|Uw)(?!\p{L})/u;
const JE_WORDS = /(?<!\p{L})(je|Je|jij|Jij|jouw|Jouw|jullie|Jullie)(?!\p{L})/u;

describe('aanspreekvorm (u → je)', () => {
  it.each([
    ['Wilt u eerst sparren?', 'Wil je eerst sparren?'],
    ['Kunt u dat aanvullen?', 'Kun je dat aanvullen?'],
    ['Heeft u vragen?', 'Heb je vragen?'],
    ['Bent u de coördinator?', 'Ben je de coördinator?'],
    ['Ziet u het niet?', 'Zie je het niet?'],
    ['Vindt u de leerling?', 'Vind je de leerling?'],
    ['Dan krijgt u bericht.', 'Dan krijg je bericht.'],
    ['u heeft een aanvraag', 'je hebt een aanvraag'],
    ['U bent aangemeld; u kunt nu kiezen, u wilt later.', 'Je bent aangemeld; je kunt nu kiezen, je wilt later.'],
    ['Uw consulent belt u terug.', 'Je consulent belt je terug.'],
    ['Bekijk uw aanvraag.', 'Bekijk je aanvraag.'],
    ['om dat kanaal aan uzelf te koppelen', 'om dat kanaal aan jezelf te koppelen'],
    ['U heeft zich aangemeld.', 'Je hebt je aangemeld.'],
    ['Maakt u zich zorgen?', 'Maak je je zorgen?'],
    ['Ik ken u nog niet. Meld u aan.', 'Ik ken je nog niet. Meld je aan.'],
    ['Wanneer komt het u uit?', 'Wanneer komt het je uit?'],
  ])('%s', (u, je) => {
    expect(inRegister(u, 'je')).toBe(je);
    expect(inRegister(u, 'u')).toBe(u);
  });

  it('leaves words that only contain a u alone', () => {
    expect(inRegister('Het uur, uiterlijk morgen; "u".', 'je')).toBe('Het uur, uiterlijk morgen; "je".');
    expect(inRegister('Het uur, uiterlijk nu; Utrecht', 'je')).toBe('Het uur, uiterlijk nu; Utrecht');
  });

  it('refuses a verb before "u" it does not know, so no text slips through half converted', () => {
    expect(() => inRegister('Fietst u mee?', 'je')).toThrow(/Fietst/);
  });

  it('the nl tag converts only its literal parts, never the values put in', () => {
    setRegister('je');
    try {
      const typed = 'Kunt u mij bellen?';
      expect(nl`Wilt u "${typed}" versturen? Uw consulent ${'u'}`).toBe('Wil je "Kunt u mij bellen?" versturen? Je consulent u');
    } finally {
      setRegister('u');
    }
    expect(nl`Wilt u ${1} bekijken?`).toBe('Wilt u 1 bekijken?');
  });

  describe.each(fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')))('template %s', (file) => {
    const text = fs.readFileSync(path.join(TEMPLATES, file), 'utf8');
    it('in "je" has no u/uw left', () => {
      expect(inRegister(text, 'je')).not.toMatch(STANDALONE_U);
    });
    it('in "u" has no je/jij/jouw/jullie (one register, never mixed)', () => {
      expect(text).not.toMatch(JE_WORDS);
    });
  });
});
