// The card gallery: every card template, and the main states of the case card, rendered by the official
// Adaptive Cards renderer in headless Chromium (the renderer of test/cards-render.test.ts) with sample data.
// Fixed sample clock and fixed dates, so the same code gives the same pictures.
import fs from 'node:fs';
import path from 'node:path';
import { requestChannelCard, requestSummaryCard, SHOW_MY_ACTIONS, type Fact } from '../../cards/requestCards.ts';
import { noticeCard } from '../../cards/notice.ts';
import { button } from '../../cards/verbs.ts';
import { requestFacts } from '../../bot/features/requests/facts.ts';
import { aboutLine, aboutTail } from '../../bot/domain/requests/aboutLine.ts';
import { appointmentSentence } from '../../bot/domain/requests/appointments.ts';
import type { TypedDetails } from '../../bot/domain/requests/record.ts';
import { STATUS_LABEL, type Pupil, type RequestStatus } from '../../bot/domain/requests/types.ts';
import { cardExamples } from '../../test/support/cardExamples.ts';
import { startCardRenderer, type CardRenderer } from '../../test/support/cardRenderer.ts';

/** The sample clock: a Wednesday morning in November 2026. */
export const SAMPLE_NOW = new Date('2026-11-25T09:00:00Z');

export interface GalleryCard {
  /** File name without .png; a template's own picture has the template's name. */
  name: string;
  /** One Dutch line: what it is and who sees it. */
  caption: string;
  card: () => object;
}

// Without a Teams id: the renderer would show Teams' mention markup (<at>…</at>) literally.
const CONSULTANT = { name: 'Anouk Bos' };
const SCHOOL = 'Obs De Regenboog';
const example = (name: string) => {
  const make = cardExamples[name];
  if (!make) throw new Error(`test/support/cardExamples.ts has no example "${name}"`);
  return make;
};

const spreekuur: TypedDetails = {
  type: 'spreekuur',
  details: {
    question: 'Een leerling in groep 7 heeft moeite met plannen. Hoe helpen we de ouders en de leerkracht?',
    withWhom: ['ouders', 'leerkracht'],
    withWhomOther: '',
    moments: [
      { date: '2026-12-02', dayPart: 'ochtend' },
      { date: '2026-12-03', dayPart: 'middag' },
    ],
    form: 'school',
    urgency: 'normaal',
  },
};
const spreekuurPupil: Pupil = { kind: 'identified', name: 'Daan Verbeek', initials: 'D.V.', group: 'groep 7' };

const thuiszitter: TypedDetails = {
  type: 'thuiszitter',
  details: {
    kind: 'thuiszitter',
    firstAbsentDate: '2026-10-19',
    reason: 'psychisch',
    reasonOther: '',
    tried: 'Gesprekken met ouders en leerling, een aangepast rooster, de schoolmaatschappelijk werker.',
    question: 'Hoe krijgen we deze leerling weer (deels) naar school?',
    urgency: 'hoog',
    reporting: {},
  },
};
const thuiszitterPupil: Pupil = { kind: 'identified', name: 'Noor Hendriks', birthDate: '2015-03-14', initials: 'N.H.', group: 'groep 6' };

const PLANNED: Fact = { label: 'Afspraak', value: 'woensdag 2 december 2026 om 10:00, op school' };
const handling = (status: RequestStatus, extra: Fact[] = []): Fact[] => [
  { label: 'Status', value: STATUS_LABEL[status] },
  ...(status === 'new' ? [] : [{ label: 'Opgepakt door', value: CONSULTANT.name }]),
  ...extra,
];
const caseButtons = (titles: string[]) => titles.map((title) => button(title, 'request.refresh', { requestId: 'voorbeeld' }));

/** The case card in the consultant's channel, as the consultant sees it after the personal-view button. */
function caseCard(
  request: TypedDetails,
  pupil: Pupil,
  status: RequestStatus,
  options: { extra?: Fact[]; actions?: string[]; message?: string } = {},
) {
  return requestChannelCard({
    typeLabel: request.type === 'spreekuur' ? 'Spreekuur' : 'Thuiszittermelding',
    reference: request.type === 'spreekuur' ? 'SOT-2026-0014' : 'SOT-2026-0015',
    school: SCHOOL,
    consultant: CONSULTANT,
    facts: [...handling(status, options.extra), ...requestFacts(request, pupil, 'channel', SAMPLE_NOW)],
    about: aboutLine({ ...request, pupil }),
    actions: options.actions ? caseButtons(options.actions) : undefined,
    message: options.message,
  });
}

export const GALLERY: GalleryCard[] = [
  { name: 'welcome', caption: 'Welkom na de installatie, met het menu voor een IB’er.', card: example('welcome') },
  { name: 'staffHome', caption: 'Het menu voor een SOT-consulent.', card: example('staffHome') },
  { name: 'registration', caption: 'Aanmelden: de IB’er kiest de eigen school.', card: example('registration') },
  { name: 'registrationWithErrors', caption: 'Aanmelden met een foutmelding.', card: example('registrationWithErrors') },
  { name: 'registrationReview', caption: 'Een aanmelding die het SOT nog moet goedkeuren.', card: example('registrationReviewPending') },
  { name: 'chooseSchool', caption: 'Eerst de school kiezen (IB’er van meer scholen).', card: example('chooseSchool') },
  { name: 'spreekuurForm', caption: 'Het formulier voor een spreekuur.', card: example('spreekuurForm') },
  { name: 'spreekuurFormWithErrors', caption: 'Het spreekuurformulier met foutmeldingen.', card: example('spreekuurFormWithErrors') },
  { name: 'thuiszitterForm', caption: 'Het formulier voor een thuiszittermelding.', card: example('thuiszitterForm') },
  { name: 'dreigendForm', caption: 'Het korte formulier voor een dreigende thuiszitter.', card: example('dreigendForm') },
  { name: 'jesForm', caption: 'Aanmelden voor het JES-overleg.', card: example('jesForm') },
  { name: 'adviesForm', caption: 'Een adviesaanvraag (arrangement of TLV).', card: example('adviesForm') },
  { name: 'kijkOpSchoolForm', caption: 'Kijk op School aanvragen.', card: example('kijkOpSchoolForm') },
  { name: 'requestReview', caption: 'Controleren voor het versturen (thuiszittermelding).', card: example('requestReview') },
  {
    name: 'requestSummary',
    caption: 'De bevestiging voor de IB’er na het versturen, met referentie.',
    card: () =>
      requestSummaryCard({
        banner: `Verstuurd naar ${CONSULTANT.name}.`,
        typeLabel: 'Spreekuur',
        reference: 'SOT-2026-0014',
        facts: requestFacts(spreekuur, spreekuurPupil, 'coordinator', SAMPLE_NOW),
        history: ['25 november 2026: Verstuurd door Sanne Jansen'],
        actions: [
          { title: 'Intrekken', verb: 'request.withdraw', data: { requestId: 'voorbeeld' } },
          { title: 'Mijn aanvragen', verb: 'mine.list' },
        ],
      }),
  },
  {
    name: 'requestChannel',
    caption: 'Een nieuwe aanvraag in het kanaal van de consulent (voor iedereen, zonder leerlinggegevens).',
    card: () =>
      requestChannelCard({
        typeLabel: 'Spreekuur',
        reference: 'SOT-2026-0014',
        school: SCHOOL,
        consultant: CONSULTANT,
        facts: handling('new'),
        actions: [button(SHOW_MY_ACTIONS, 'request.refresh', { requestId: 'voorbeeld' })],
      }),
  },
  {
    name: 'case-new',
    caption: 'Nieuwe aanvraag, zoals de consulent haar ziet: oppakken of overdragen.',
    card: () => caseCard(spreekuur, spreekuurPupil, 'new', { actions: ['Oppakken', 'Overdragen'] }),
  },
  {
    name: 'case-claimed',
    caption: 'Opgepakt: de consulent kan inplannen, een vraag stellen, overdragen of afronden.',
    card: () =>
      caseCard(spreekuur, spreekuurPupil, 'claimed', {
        actions: ['Inplannen', 'Vraag stellen', 'Overdragen', 'Afronden'],
        message: 'U heeft deze aanvraag opgepakt.',
      }),
  },
  {
    name: 'case-planned',
    caption: 'Ingepland: de afspraak staat op de kaart.',
    card: () => caseCard(spreekuur, spreekuurPupil, 'planned', { extra: [PLANNED], actions: ['Verzetten', 'Vraag stellen', 'Afronden'] }),
  },
  {
    name: 'case-thuiszitter',
    caption: 'Een thuiszitter met meldplicht (DUO en Onderwijs Transparant).',
    card: () =>
      caseCard(thuiszitter, thuiszitterPupil, 'claimed', {
        actions: ['Inplannen', 'Vraag stellen', 'Gegevens aanvullen', 'Afronden'],
      }),
  },
  {
    name: 'case-closed',
    caption: 'Afgerond, met de uitkomst.',
    card: () =>
      caseCard(spreekuur, spreekuurPupil, 'closed', {
        extra: [PLANNED, { label: 'Uitkomst', value: 'Advies gegeven aan ouders en leerkracht; een planningsbord in de klas.' }],
      }),
  },
  { name: 'actionForm', caption: 'Een actieformulier van de consulent (verzetten) met een foutmelding.', card: example('actionForm') },
  { name: 'myRequests', caption: 'Mijn aanvragen: de lijst van de IB’er.', card: example('myRequests') },
  {
    name: 'notice',
    caption: 'Een bericht aan de IB’er: de afspraak is gepland.',
    card: () =>
      noticeCard({
        title: `Spreekuur SOT-2026-0014: ingepland — ${aboutTail({ ...spreekuur, pupil: spreekuurPupil })}`,
        tone: 'good',
        paragraphs: [
          `${CONSULTANT.name} heeft een afspraak gepland.`,
          appointmentSentence('spreekuur', { date: '2026-12-02', time: '10:00', place: 'Op school' }, CONSULTANT.name),
        ],
        actions: [{ title: 'Mijn aanvragen', verb: 'mine.list' }],
      }),
  },
  { name: 'overview', caption: 'Het overzicht van open aanvragen voor het SOT.', card: example('overviewCases') },
  { name: 'agenda', caption: 'De jaaragenda van het SWV.', card: example('agenda') },
  { name: 'reminderSettings', caption: 'Herinneringen instellen.', card: example('reminderSettings') },
  { name: 'contact', caption: 'Contact met het SOT.', card: example('contact') },
];

/** Template names (cards/templates/*.json); the gallery has a picture named after each. */
export function templateNames(): string[] {
  const dir = path.join(import.meta.dirname, '..', '..', 'cards', 'templates');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Writes <outDir>/<name>.png for every gallery card and <outDir>/README.md (an index). One browser, one page.
 * Returns the files written.
 */
export async function writeGallery(outDir: string, options: { renderer?: CardRenderer; onCard?: (name: string) => void } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const renderer = options.renderer ?? (await startCardRenderer({ width: 500 }));
  const files: string[] = [];
  try {
    for (const entry of GALLERY) {
      const file = path.join(outDir, `${entry.name}.png`);
      const result = await renderer.screenshot(entry.card(), file);
      if (result.errors.length) throw new Error(`${entry.name}: ${result.errors.join('; ')}`);
      files.push(file);
      options.onCard?.(entry.name);
    }
  } finally {
    if (!options.renderer) await renderer.close();
  }
  const index = [
    '# Kaarten',
    '',
    'Elke kaart van de SOT-bot, met voorbeeldgegevens (geen echte personen), getekend door de officiële',
    'Adaptive Cards-renderer in Chromium. Opnieuw maken: `npm run cards`.',
    '',
    ...GALLERY.flatMap((entry) => [`## ${entry.name}`, '', entry.caption, '', `![${entry.caption}](${entry.name}.png)`, '']),
  ].join('\n');
  const readme = path.join(outDir, 'README.md');
  fs.writeFileSync(readme, index);
  return [...files, readme];
}
