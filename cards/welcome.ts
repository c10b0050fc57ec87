import { renderTemplate } from './render.ts';
import { FORM_KINDS, FORM_ENTRIES } from '../bot/domain/requests/kinds.ts';
import type { Verb } from './verbs.ts';
import { nl } from '../bot/domain/wording/register.ts';

export interface WelcomeCardData {
  /** First name or full name of the person, if known. */
  name?: string;
  swvName: string;
  schools: string[];
}

/** The menu: a button per request type a coordinator can start, then their requests and the year agenda. */
export const MENU_OPTIONS: { verb: Verb; title: string; description: string }[] = [
  ...FORM_KINDS.map((form) => ({
    verb: `${form}.start` as const,
    title: FORM_ENTRIES[form].menuTitle,
    description: FORM_ENTRIES[form].menuDescription,
  })),
  { verb: 'mine.list', title: 'Mijn aanvragen', description: nl`Wat u heeft aangevraagd en hoe het ervoor staat.` },
  { verb: 'agenda.show', title: 'Jaaragenda', description: 'De belangrijke data van het SOT voor deze en de volgende maand.' },
];

export function welcomeCard(data: WelcomeCardData) {
  return renderTemplate('welcome', {
    greeting: data.name ? `Welkom, ${data.name}!` : 'Welkom!',
    swvName: data.swvName,
    schools: data.schools,
    options: MENU_OPTIONS,
  });
}
