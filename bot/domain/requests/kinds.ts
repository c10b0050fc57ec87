// Each request type described once. The dialogs, cards, menu, help, typed words, reminders, retention,
// "mijn aanvragen" and the manifest's command list read this; adding a type means one entry here, one
// form template (cards/templates) with its form function (features/requests/forms.ts), and test values
// (test/support/requestExamples.ts). The compiler points at every place that must know about it.
import type { RequestDetails } from './record.ts';
import { REQUEST_TYPES, type RequestType } from './types.ts';
import { nl } from '../wording/register.ts';

export interface RequestKind<T extends RequestType> {
  type: T;
  /** "Spreekuur": the type as a title, on cards and in lists. */
  label: string;
  /** "spreekuur": the type inside a sentence. */
  inSentence: string;
  /** The menu button and the dialog's title: "Spreekuur aanvragen". */
  menuTitle: string;
  menuDescription: string;
  /** Typed words that start the dialog ("ik wil een spreekuur"); the first is the manifest command. */
  command: string;
  typed: RegExp;
  /** The pupil may stay anonymous (sparring); otherwise the form requires name and birth date. */
  anonymousAllowed: boolean;
  /** Detail fields that hold free text, which can describe a pupil: removed by retention. */
  freeText: readonly (keyof RequestDetails[T] & string)[];
  /** Detail fields that name people outside the SWV: reduced to their role by retention. */
  people: readonly (keyof RequestDetails[T] & string)[];
}

type Kinds = { [T in RequestType]: RequestKind<T> };

export const REQUEST_KINDS: Kinds = {
  spreekuur: {
    type: 'spreekuur',
    label: 'Spreekuur',
    inSentence: 'spreekuur',
    menuTitle: 'Spreekuur aanvragen',
    menuDescription: nl`Een vraag kort bespreken met uw SOT-consulent.`,
    command: 'spreekuur',
    typed: /\bspreekuur/i,
    anonymousAllowed: true,
    freeText: ['question', 'withWhomOther'],
    people: [],
  },
  thuiszitter: {
    type: 'thuiszitter',
    label: 'Thuiszittermelding',
    inSentence: 'thuiszittermelding',
    menuTitle: 'Thuiszitter melden',
    menuDescription: 'Een leerling die thuiszit of dreigt thuis te komen zitten (anoniem sparren kan).',
    command: 'thuiszitter',
    // "dreigende thuiszitter" starts the short form (FORM_ENTRIES below).
    typed: /^(?!.*\bdreig).*\bthuiszit/i,
    anonymousAllowed: true,
    // The call back holds the coordinator's phone number; the leerplicht name is in `reporting` (anonymise.ts).
    freeText: ['question', 'tried', 'reasonOther', 'callback'],
    people: [],
  },
  jes: {
    type: 'jes',
    label: 'JES-overleg',
    inSentence: 'JES-overleg',
    menuTitle: 'JES-overleg plannen',
    menuDescription: 'Een overleg met jeugdhulp, SMW en leerplicht.',
    command: 'jes',
    typed: /\bjes\b/i,
    anonymousAllowed: true,
    freeText: ['subject', 'question', 'address'],
    people: ['participants'],
  },
  advies: {
    type: 'advies',
    label: 'Adviesvraag',
    inSentence: 'adviesvraag',
    menuTitle: 'Advies vragen (OPDC of TLV)',
    menuDescription: nl`Het verplichte advies van uw consulent vóór een OPDC-plaatsing of een TLV-aanvraag.`,
    command: 'advies',
    typed: /\badvies\b|\bopdc\b|\btlv\b/i,
    anonymousAllowed: false,
    freeText: ['question', 'reasons', 'tried'],
    people: [],
  },
  kijkOpSchool: {
    type: 'kijkOpSchool',
    label: 'Kijk op School',
    inSentence: 'Kijk op School',
    menuTitle: 'Kijk op School aanvragen',
    menuDescription: nl`Een observatiebezoek van uw consulent in de groep of klas.`,
    command: 'kijk op school',
    typed: /\bkijk\s+op\s+school\b|\bobservatie/i,
    anonymousAllowed: true,
    freeText: ['question', 'group'],
    people: [],
  },
};

export const kindOf = <T extends RequestType>(type: T): RequestKind<T> => REQUEST_KINDS[type] as RequestKind<T>;

/**
 * The forms a filer can start: one per request type, and the short "dreigende thuiszitter" form, which
 * files a thuiszitter signal with the fuller facts left for later.
 */
export const FORM_KINDS = [...REQUEST_TYPES, 'dreigend'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface FormEntry {
  form: FormKind;
  /** The request the form files. */
  type: RequestType;
  menuTitle: string;
  menuDescription: string;
  command: string;
  typed: RegExp;
  anonymousAllowed: boolean;
}

const entryOf = (type: RequestType): FormEntry => {
  const { menuTitle, menuDescription, command, typed, anonymousAllowed } = REQUEST_KINDS[type];
  return { form: type, type, menuTitle, menuDescription, command, typed, anonymousAllowed };
};

export const FORM_ENTRIES: Record<FormKind, FormEntry> = {
  spreekuur: entryOf('spreekuur'),
  dreigend: {
    form: 'dreigend',
    type: 'thuiszitter',
    menuTitle: 'Dreigende thuiszitter melden',
    menuDescription: nl`Kort een zorg melden over een leerling die dreigt thuis te komen zitten; de consulent belt u terug.`,
    command: 'dreigende thuiszitter',
    typed: /\bdreig/i,
    anonymousAllowed: true,
  },
  thuiszitter: entryOf('thuiszitter'),
  jes: entryOf('jes'),
  advies: entryOf('advies'),
  kijkOpSchool: entryOf('kijkOpSchool'),
};

export const isFormKind = (value: string): value is FormKind => (FORM_KINDS as readonly string[]).includes(value);
