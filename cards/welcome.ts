import { renderTemplate } from './render.ts';
import type { Verb } from './verbs.ts';

export interface WelcomeCardData {
  /** First name or full name of the person, if known. */
  name?: string;
  swvName: string;
  schools: string[];
}

/** The menu: the three request types a coordinator can start. */
export const MENU_OPTIONS: { verb: Verb; title: string; description: string }[] = [
  { verb: 'spreekuur.start', title: 'Spreekuur aanvragen', description: 'Een vraag kort bespreken met uw SOT-consulent.' },
  {
    verb: 'thuiszitter.start',
    title: 'Thuiszitter melden',
    description: 'Een leerling die thuiszit of dreigt thuis te komen zitten (anoniem sparren kan).',
  },
  { verb: 'jes.start', title: 'JES-overleg plannen', description: 'Een overleg met jeugdhulp, SMW en leerplicht.' },
  { verb: 'mine.list', title: 'Mijn aanvragen', description: 'Wat u heeft aangevraagd en hoe het ervoor staat.' },
];

export function welcomeCard(data: WelcomeCardData) {
  return renderTemplate('welcome', {
    greeting: data.name ? `Welkom, ${data.name}!` : 'Welkom!',
    swvName: data.swvName,
    schools: data.schools,
    options: MENU_OPTIONS,
  });
}
