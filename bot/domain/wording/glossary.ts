/**
 * One label for one thing, everywhere (cards, lists, notices). Stored values are keys ('teams', 'online');
 * only these titles are shown.
 */
export const LABEL = {
  /** A meeting in Teams, whatever the form calls it (spreekuur, terugbellen, JES-overleg, afspraak). */
  online: 'Online (Teams)',
  onSchool: 'Op school',
  phone: 'Telefonisch',
  otherAddress: 'Ander adres',
  /** The person handling a case. */
  caseHolder: 'consulent',
} as const;

/** Variants we do not use, with the word we use instead (checked over templates and code by a test). */
export const AVOIDED: readonly { variant: RegExp; use: string }[] = [
  { variant: /Via Teams/i, use: LABEL.online },
  { variant: /behandelaar/i, use: 'consulent (of casushouder)' },
  // An aanvraag is "die" or "het", never "hem".
  { variant: /\bhem oppakt\b|\biemand hem\b/i, use: 'die / het' },
];
