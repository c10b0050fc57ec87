/**
 * One register for the whole bot: texts are written in the "u" form and turned into the "je" form here when
 * the SWV chose "je" (AANSPREEKVORM). Only our own texts pass through this (templates and `nl` literals),
 * never what people typed.
 */
export type Register = 'u' | 'je';

// Texts kept in module constants are converted when their module loads, before the composition root runs:
// so the start value already follows AANSPREEKVORM (validated in bot/config.ts).
let current: Register = process.env.AANSPREEKVORM?.trim() === 'je' ? 'je' : 'u';

/** Set once at the composition root from the configuration; tests may switch it. */
export function setRegister(register: Register): void {
  current = register;
}

export function currentRegister(): Register {
  return current;
}

const STRICT = !!process.env.VITEST;

/** Verb before "u" (inverted order) → its "je" form: the -t goes, spelling follows the stem. */
const INVERTED: Record<string, string> = {
  bent: 'ben',
  heeft: 'heb',
  kunt: 'kun',
  wilt: 'wil',
  zult: 'zul',
  ziet: 'zie',
  vindt: 'vind',
  krijgt: 'krijg',
  spreekt: 'spreek',
  haalt: 'haal',
  maakt: 'maak',
  meldt: 'meld',
  vraagt: 'vraag',
  voegt: 'voeg',
  volgt: 'volg',
  verwijdert: 'verwijder',
  wijzigt: 'wijzig',
  schrijft: 'schrijf',
  typt: 'typ',
  denkt: 'denk',
  bedoelt: 'bedoel',
  nodigt: 'nodig',
  gaat: 'ga',
  doet: 'doe',
  staat: 'sta',
  hoeft: 'hoef',
  kiest: 'kies',
  ontvangt: 'ontvang',
  stuurt: 'stuur',
  vult: 'vul',
  zoekt: 'zoek',
  // No -t to drop, or u is the object ("uw consulent belt u terug", "Ik ken u", "Meld u aan").
  had: 'had',
  zou: 'zou',
  kan: 'kan',
  mag: 'mag',
  moet: 'moet',
  weet: 'weet',
  wacht: 'wacht',
  belt: 'belt',
  ken: 'ken',
  meld: 'meld',
};

/** Words before "u" that are not its verb: "u" just becomes "je". */
const NOT_A_VERB = new Set(
  (
    'aan als bij bot consulent dag dan dat dus die door en er het hoe maar met naar nu of om omdat ook op over ' +
    'tenzij terwijl tot totdat van voor voordat waar waaruit waarvoor wanneer want wat welke wie zo zoals zodat zolang ' +
    'herinneringen daar hier mits'
  ).split(' '),
);

/** "u" first keeps the verb, except these. */
const AFTER_U: Record<string, string> = { heeft: 'hebt' };

const WORD = /\p{L}+/gu;

function withCase(like: string, word: string): string {
  return like.charAt(0) === like.charAt(0).toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Turns a text written in the "u" form into the given register. Throws on a verb it does not know. */
export function inRegister(text: string, register: Register = current): string {
  if (register === 'u') return text;
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const out = tokens.map((t) => t.word);
  const adjacent = (a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
  tokens.forEach((token, i) => {
    const word = token.word;
    if (word === 'uw' || word === 'Uw' || word === 'uzelf' || word === 'Uzelf') {
      out[i] = withCase(word, word.length > 2 ? 'jezelf' : 'je');
      return;
    }
    if (word !== 'u' && word !== 'U') return;
    out[i] = withCase(word, 'je');
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    let inverted = false;
    if (before && adjacent(before, token)) {
      const prev = before.word.toLowerCase();
      const verb = INVERTED[prev];
      if (verb) {
        out[i - 1] = withCase(before.word, verb);
        inverted = true;
      } else if (!NOT_A_VERB.has(prev) && STRICT) {
        // The tests convert every template and tagged text, so a new verb is found there; a person never
        // gets an error for it (the verb then just keeps its u-form).
        throw new Error(`Aanspreekvorm: onbekend woord vóór "u" in "${text}": "${before.word}"`);
      }
    }
    const irregular = after && AFTER_U[after.word.toLowerCase()];
    if (!inverted && after && irregular && adjacent(token, after)) out[i + 1] = irregular;
    for (const j of [i + 1, i + 2]) {
      if (tokens[j]?.word === 'zich') out[j] = 'je';
    }
  });
  let result = '';
  let at = 0;
  tokens.forEach((t, i) => {
    result += text.slice(at, t.start) + out[i];
    at = t.end;
  });
  return result + text.slice(at);
}

/**
 * Tag for every user-facing literal with u/uw: nl`Wilt u ${x} bekijken?`. Converts only the literal parts,
 * never the values put in.
 */
export function nl(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((result, part, i) => result + (i > 0 ? String(values[i - 1]) : '') + inRegister(part), '');
}
