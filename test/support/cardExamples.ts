// Every card the bot can show, with sample data: test/cards-render.test.ts renders each one with
// the official Adaptive Cards renderer. A new card gets an example here.
import { noticeCard } from '../../cards/notice.ts';
import { registrationCard } from '../../cards/registration.ts';
import { registrationReviewCard } from '../../cards/registrationReview.ts';
import { welcomeCard } from '../../cards/welcome.ts';
import { formCard } from '../../bot/features/requests/forms.ts';
import { chooseSchoolCard, myRequestsCard, requestChannelCard, requestReviewCard, requestSummaryCard } from '../../cards/requestCards.ts';
import type { SchoolContext } from '../../bot/features/requests/schoolContext.ts';
import { actionFormCard } from '../../cards/actionForm.ts';
import { button } from '../../cards/verbs.ts';
import { overviewCard, type OverviewCardData } from '../../cards/overviews.ts';
import { agendaCard, agendaItemFormCard, type AgendaCardData } from '../../cards/agenda.ts';
import { helpCard, staffHomeCard } from '../../bot/features/onboarding/welcome.ts';
import { reportLinksCard, reportRefusalCard } from '../../bot/features/monitoring/index.ts';
import { reminderSettingsCard } from '../../cards/reminderSettings.ts';
import { contactCard } from '../../cards/contact.ts';

const schools = [
  { id: 's1', name: 'Obs Het Kompas', brin: '12AB00' },
  { id: 's2', name: 'Cbs De Ark', brin: '34CD00' },
];
const created = new Date('2026-11-23T09:30:00Z');
const school = {
  id: 's1',
  name: 'Obs Het Kompas',
  swvId: 'swv',
  sector: 'PO',
  consultantId: 'p1',
  consultant: { person: { name: 'Anna de Vries' } },
  jesMembers: [
    { id: 'j1', role: 'smw', name: 'Fatima El Amrani', email: 'f@welzijn.nl', organisation: 'Welzijn' },
    { id: 'j2', role: 'leerplicht', name: 'Gert Jonker', email: 'g@gemeente.nl', organisation: 'Gemeente' },
  ],
} as unknown as SchoolContext;
const facts = [
  { label: 'Vraag', value: 'Hoe begeleiden we faalangst?' },
  { label: 'Leerling', value: 'Anoniem (sparren)' },
];
/** A thuiszitter's reporting duty: one row (thuiszitterFacts.ts), no warning box. */
const thuiszitterFacts = [
  { label: 'Soort', value: 'Thuiszitter' },
  { label: 'Leerling', value: 'J.B., groep 6' },
  { label: 'Verzuim', value: '5 weken (schoolweken, vakanties niet meegeteld)' },
  { label: 'DUO- en OT-melding', value: 'nog te doen — 5 weken verzuim' },
  { label: 'Vraag', value: 'Meedenken over een passend aanbod.' },
];

const audiences = [
  { value: 'PO', title: 'PO-scholen (ook sbo en so)' },
  { value: 'VO', title: 'VO-scholen' },
  { value: 'alle', title: 'Alle scholen' },
];
const agenda: AgendaCardData = {
  month: '2026-12',
  subtitle: 'Afspraken voor uw school (PO) en voor alle scholen.',
  admin: false,
  manage: false,
  previousMonth: '2026-11',
  nextMonth: '2027-01',
  months: [
    {
      label: 'December 2026',
      empty: 'In december 2026 staat er niets in de jaaragenda voor u.',
      items: [
        {
          id: 'a1',
          heading: 'Dinsdag 1 december, 15:30 uur',
          title: 'Netwerkbijeenkomst coördinatoren passend onderwijs',
          description: 'Locatie: kantoor SWV, zaal 2.',
          tag: 'Doelgroep: alle scholen',
        },
        {
          id: 'a2',
          heading: 'Kerstvakantie: zaterdag 19 december t/m zondag 3 januari',
          title: '',
          description: '',
          tag: 'Schoolvakantie · doelgroep: PO-scholen',
        },
      ],
    },
    {
      label: 'Januari 2027',
      empty: 'In januari 2027 staat er niets in de jaaragenda voor u.',
      items: [
        {
          id: 'a2',
          heading: 'Kerstvakantie: zaterdag 19 december t/m zondag 3 januari',
          title: '',
          description: '',
          tag: 'Schoolvakantie · doelgroep: PO-scholen',
        },
        { id: 'a3', heading: 'Vrijdag 15 januari', title: 'Deadline aanvragen TLV', description: '', tag: 'Doelgroep: alle scholen' },
      ],
    },
  ],
};

export const cardExamples: Record<string, () => object> = {
  welcome: () => welcomeCard({ name: 'Carla', swvName: 'Samenwerkingsverband Voorbeeldstreek PO', schools: ['Obs Het Kompas'] }),
  notice: () => noticeCard({ title: 'Kanaal gekoppeld', tone: 'good', paragraphs: ['Nieuwe aanvragen komen in dit kanaal.'] }),
  noticeWithFactsAndButton: () =>
    noticeCard({
      title: 'Hulp',
      facts: [{ label: 'School', value: 'Obs Het Kompas' }],
      actions: [{ title: 'Naar het menu', verb: 'menu.open' }],
    }),
  registration: () => registrationCard({ schools }),
  registrationWithErrors: () =>
    registrationCard({
      schools,
      values: { schoolId: '', role: 'IB-er' },
      errors: { schoolId: 'Kies uw school.' },
      note: 'Uw eerdere aanmelding is niet goedgekeurd.',
    }),
  registrationReviewPending: () =>
    registrationReviewCard({
      id: 'r1',
      name: 'Sanne Jansen',
      email: 'sanne@obs-kompas.nl',
      school: 'Obs Het Kompas (12AB00)',
      role: "IB'er",
      createdAt: created,
      status: 'pending',
    }),
  registrationReviewApproved: () =>
    registrationReviewCard({
      id: 'r1',
      name: 'Sanne Jansen',
      email: null,
      school: 'Obs Het Kompas (12AB00)',
      role: '',
      createdAt: created,
      status: 'approved',
      decidedBy: 'Eva Mulder',
      decidedAt: created,
    }),
  spreekuurForm: () => formCard('spreekuur', school),
  spreekuurFormWithErrors: () =>
    formCard(
      'spreekuur',
      school,
      { question: '', pupilGroup: 'groep 6' },
      { question: 'Beschrijf kort uw vraag.', moment1Date: 'Voorkeursmoment 1 moet vandaag of later zijn.' },
    ),
  thuiszitterForm: () => formCard('thuiszitter', school),
  dreigendForm: () => formCard('dreigend', school),
  dreigendFormWithErrors: () =>
    formCard('dreigend', school, { callbackVia: 'telefoon' }, { callbackPhone: 'Vul het nummer in waarop de consulent u kan bellen.' }),
  jesForm: () => formCard('jes', school),
  adviesForm: () => formCard('advies', school),
  kijkOpSchoolForm: () => formCard('kijkOpSchool', school),
  adviesFormVo: () => formCard('advies', { ...school, sector: 'VO' }),
  jesFormWithoutSmw: () => formCard('jes', { ...school, jesMembers: [] } as SchoolContext),
  jesFormFromCase: () =>
    formCard(
      'jes',
      school,
      { subject: 'K.L., groep 7', question: 'Hoe ondersteunen we een leerling met faalangst?' },
      {},
      { requestId: 'r1', line: 'Aanmelding vanuit SOT-2026-0001 (Spreekuur). Leerling en vraag zijn overgenomen uit die aanvraag.' },
    ),
  chooseSchool: () => chooseSchoolCard({ title: 'Spreekuur aanvragen', verb: 'spreekuur.start', schools }),
  requestReview: () =>
    requestReviewCard({
      typeLabel: 'Thuiszittermelding',
      sendsTo: 'Anna de Vries, de SOT-consulent van Obs Het Kompas, en naar het Thuiszittersteam',
      facts: thuiszitterFacts,
      warnings: [],
      submitData: { type: 'thuiszitter', schoolId: 's1', submissionId: 'x1', values: { question: 'x' } },
      edit: { verb: 'thuiszitter.edit', data: { schoolId: 's1', values: {} } },
    }),
  requestSummary: () =>
    requestSummaryCard({
      banner: 'Verstuurd naar Anna de Vries. Uw referentie: SOT-2026-0001.',
      typeLabel: 'Spreekuur',
      reference: 'SOT-2026-0001',
      facts,
      history: ['23 november 2026: Verstuurd door Carla Smit'],
      actions: [
        { title: 'Intrekken', verb: 'request.withdraw', data: { requestId: 'r1' } },
        { title: 'Mijn aanvragen', verb: 'mine.list' },
      ],
    }),
  requestChannel: () =>
    requestChannelCard({
      typeLabel: 'Thuiszittermelding',
      reference: 'SOT-2026-0001',
      school: 'Obs Het Kompas',
      about: 'J.B. · “Meedenken over een passend aanbod.”',
      consultant: { name: 'Anna de Vries', aadObjectId: '00000000-0000-4000-8000-000000000001' },
      facts: thuiszitterFacts,
      notice: 'Kopie voor het Thuiszittersteam.',
    }),
  myRequests: () =>
    myRequestsCard({
      recentDays: 60,
      asOf: '28 november 2026 om 16:40',
      items: [
        {
          id: 'r1',
          reference: 'SOT-2026-0001',
          about: 'Spreekuur · J.B. · “Hoe ondersteunen we een leerling die snel afgeleid…”',
          status: 'Nieuw, nog niet opgepakt',
          consultant: 'Anna de Vries',
          nextStep: 'Wacht tot Anna de Vries de aanvraag oppakt.',
        },
      ],
    }),
  requestChannelWithActions: () =>
    requestChannelCard({
      typeLabel: 'Spreekuur',
      reference: 'SOT-2026-0001',
      school: 'Obs Het Kompas',
      consultant: { name: 'Anna de Vries', aadObjectId: '00000000-0000-4000-8000-000000000001' },
      facts,
      actions: (['request.plan.form', 'request.ask.form', 'request.handover.form', 'request.close.form'] as const).map((verb, i) =>
        button(['Inplannen', 'Vraag stellen', 'Overdragen', 'Afronden'][i]!, verb, { requestId: 'r1' }),
      ),
      message: 'U heeft deze aanvraag opgepakt.',
      refresh: { verb: 'request.refresh', data: { requestId: 'r1' }, userIds: ['29:anna'] },
    }),
  /** A thuiszitter case picked up: eight buttons, the rarer ones under "…". */
  requestChannelWithOverflow: () =>
    requestChannelCard({
      typeLabel: 'Thuiszittermelding',
      reference: 'SOT-2026-0002',
      school: 'Obs Het Kompas',
      consultant: { name: 'Anna de Vries' },
      facts,
      actions: [
        button('Inplannen', 'request.plan.form', { requestId: 'r2' }),
        button('Vraag stellen', 'request.ask.form', { requestId: 'r2' }),
        button('Overdragen', 'request.handover.form', { requestId: 'r2' }),
        button('Afronden', 'request.close.form', { requestId: 'r2' }),
        button('Gegevens aanvullen', 'request.report.form', { requestId: 'r2' }),
        button('Terug naar school', 'request.back.form', { requestId: 'r2' }),
        button('Kijk op School voorstellen', 'request.visit.form', { requestId: 'r2' }),
        button('Aanmelden voor JES', 'request.jes.form', { requestId: 'r2' }),
      ],
    }),
  closeThuiszitterForm: () =>
    actionFormCard({
      title: 'Afronden: SOT-2026-0002',
      subtitle: 'Thuiszittermelding · Obs Het Kompas',
      inputs: [
        {
          kind: 'choice',
          id: 'outcomes',
          label: 'Uitkomst (meer dan één kan)',
          expanded: true,
          multiSelect: true,
          choices: [
            { title: 'Terug naar school', value: 'terugNaarSchool' },
            { title: 'Anders', value: 'anders' },
          ],
        },
      ],
      submit: { title: 'Afronden', verb: 'request.close', data: { requestId: 'r2', formId: 'f2' } },
      cancel: { verb: 'request.refresh', data: { requestId: 'r2' } },
    }),
  actionForm: () =>
    actionFormCard({
      title: 'Verzetten: SOT-2026-0001',
      subtitle: 'Spreekuur · Obs Het Kompas',
      intro: 'Een afspraak wordt altijd verzet naar een concrete nieuwe datum.',
      inputs: [
        { kind: 'date', id: 'date', label: 'Nieuwe datum' },
        { kind: 'time', id: 'time', label: 'Nieuwe tijd' },
        { kind: 'choice', id: 'place', label: 'Plaats', expanded: true, choices: [{ title: 'Op school', value: 'school' }] },
        { kind: 'text', id: 'interim', label: 'Wat kan er tussentijds gebeuren, en door wie?', multiline: true },
        { kind: 'toggle', id: 'duo', label: 'Gemeld bij DUO', title: 'Het verzuim is gemeld bij DUO' },
      ],
      errors: { interim: 'Spreek af wat er tussentijds gebeurt, en door wie.' },
      submit: { title: 'Verzetten', verb: 'request.move', data: { requestId: 'r1', formId: 'f1' } },
      cancel: { verb: 'request.refresh', data: { requestId: 'r1' } },
    }),
  noticeWithLink: () =>
    noticeCard({
      title: 'JES-overleg ingepland',
      paragraphs: ['Dinsdag 1 december om 14:00.'],
      links: [{ title: 'Agenda-uitnodiging (.ics)', url: 'https://sot-bot.example.nl/ics/r1/x.ics' }],
    }),
  myRequestsEmpty: () => myRequestsCard({ recentDays: 60, asOf: '28 november 2026 om 16:40', items: [] }),
  overviewCases: () => overviewCard(overviewCases(10, 3)),
  overviewCasesManySchools: () => overviewCard(overviewCases(10, 200)),
  overviewCasesEmpty: () =>
    overviewCard({
      ...overviewCases(0, 1),
      message: 'Het filter op school kon niet worden gebruikt en is weggelaten: kies opnieuw uit de lijst.',
    }),
  overviewThuiszitters: () =>
    overviewCard({
      title: 'Thuiszitters',
      intro: ['Alle open thuiszittermeldingen van het samenwerkingsverband, de nieuwste eerst, 10 per pagina.'],
      filters: overviewFilters(['Alle scholen', 'Obs Het Kompas'], ['Dreigend en thuiszitter', 'Thuiszitter', 'Dreigende thuiszitter']),
      apply: button('Filteren', 'overview.thuiszitters', { page: 0 }),
      groups: [
        {
          heading: 'Open meldingen',
          rows: Array.from({ length: 10 }, (_, i) => ({
            title: `**SOT-2026-00${10 + i}** · Obs Het Kompas`,
            facts: [
              { label: 'Soort', value: 'Thuiszitter' },
              { label: 'Status', value: 'Opgepakt' },
              { label: 'Verzuim', value: '5 schoolweken, sinds 21 oktober 2026' },
              { label: 'Meldplicht', value: 'nog te doen: DUO en OT' },
              { label: 'Terug op school', value: '23 november 2026 (gedeeltelijk)' },
              { label: 'Consulent', value: 'Bram Visser' },
            ],
            open: button(`Open SOT-2026-00${10 + i}`, 'request.refresh', { requestId: `r${i}` }),
          })),
        },
      ],
      empty: 'Er zijn geen open thuiszittermeldingen.',
      pageLine: 'Pagina 1 van 2 · 12 open meldingen',
      pager: [button('Volgende', 'overview.thuiszitters', { page: 1, filter: {} })],
      actions: [button('Vernieuwen', 'overview.thuiszitters', { page: 0, filter: {} }), button('Naar het menu', 'menu.open')],
    }),
  overviewOffice: () =>
    overviewCard({
      title: 'Overzicht per consulent',
      intro: ['Over tijd: nieuw en na meer dan 5 werkdagen nog niet opgepakt, of ingepland met een afspraakdatum die voorbij is.'],
      summary: [
        { label: 'Totaal open', value: '12' },
        { label: 'Totaal over tijd', value: '2' },
      ],
      filters: overviewFilters(['Alle scholen', 'Obs Het Kompas'], ['Alle soorten', 'Spreekuur']),
      apply: button('Filteren', 'overview.office', { page: 0 }),
      groups: [
        {
          heading: 'Per consulent',
          rows: ['Anna de Vries', 'Bram Visser'].map((name) => ({
            title: `**${name}**`,
            facts: [
              { label: 'Open', value: '6' },
              { label: 'Nieuw, niet opgepakt', value: '2' },
              { label: 'Wacht op school', value: '1' },
              { label: 'Over tijd', value: '1' },
            ],
          })),
        },
      ],
      empty: 'Er zijn nog geen consulenten.',
      pager: [],
      actions: [button('Naar het menu', 'menu.open')],
    }),
  agenda: () => agendaCard(agenda),
  agendaEmpty: () =>
    agendaCard({
      ...agenda,
      months: agenda.months.map((m) => ({ ...m, items: [] })),
      previousMonth: undefined,
    }),
  agendaManaging: () =>
    agendaCard({
      ...agenda,
      admin: true,
      manage: true,
      subtitle: 'Alle afspraken, voor elke doelgroep (u werkt bij het SOT).',
      banner: { text: 'Toegevoegd: Informatieavond ouders (woensdag 20 januari, 19:30 uur).', tone: 'good' },
      links: {
        printUrl: 'https://sot-bot.example.nl/agenda/t/2026-12',
        feedUrl: 'https://sot-bot.example.nl/agenda.ics?token=t',
        subscribeHelp: 'Zet de jaaragenda in uw eigen agenda.',
      },
    }),
  /** A month crammed full with long descriptions: the card shortens them to stay under Teams' size limit. */
  agendaCrowded: () =>
    agendaCard({
      ...agenda,
      admin: true,
      manage: true,
      months: agenda.months.map((m) => ({
        ...m,
        items: Array.from({ length: 40 }, (_, i) => ({
          id: `c${i}`,
          heading: `Dinsdag ${i % 28} december`,
          title: `Bijeenkomst ${i} ${'met een lange titel '.repeat(8)}`,
          description: 'Een lange omschrijving van wat er die dag gebeurt. '.repeat(40),
          tag: 'Doelgroep: alle scholen',
        })),
      })),
    }),
  agendaItemForm: () => agendaItemFormCard({ month: '2026-12', audiences, formId: 'f1' }),
  agendaItemFormWithErrors: () =>
    agendaItemFormCard({
      month: '2026-12',
      itemId: 'a1',
      audiences,
      formId: 'f1',
      values: {
        datum: '2027-01-10',
        tijd: '09:00',
        titel: 'Voorjaarsvakantie',
        soort: 'vakantie',
        herinneren: 'een week',
        tot: '2027-01-02',
      },
      errors: {
        tijd: 'Een vakantie duurt hele dagen: geef bij datum geen tijd ("2027-01-10T09:00"), alleen JJJJ-MM-DD.',
        herinneren: 'Herinneren "een week" moet een lijst van dagen zijn, bijvoorbeeld 14,1.',
      },
    }),
  /** A consultant who is also an admin: more buttons than fit in a row, the rest under "…". */
  staffHome: () =>
    staffHomeCard({
      personId: 'p1',
      swvId: 'swv',
      name: 'Eva Mulder',
      email: 'eva@swv.nl',
      isAdmin: true,
      isConsultant: true,
      isThuiszittersteam: false,
      schools: [],
    }),
  reportLinks: () =>
    reportLinksCard(
      [
        {
          title: 'Schooljaar 2026-2027 (tot nu)',
          url: 'https://sot-bot.example.nl/rapportage/thuiszitters/2026-2027.csv?p=p1&exp=1&sig=s',
        },
        { title: 'Schooljaar 2025-2026', url: 'https://sot-bot.example.nl/rapportage/thuiszitters/2025-2026.csv?p=p1&exp=1&sig=s' },
      ],
      '11:00',
    ),
  reportRefusal: () => reportRefusalCard(),
  reminderSettings: () =>
    reminderSettingsCard({
      intro: ['Herinneringen uit de jaaragenda en over afspraken krijgt u op werkdagen vanaf 08:00 uur.'],
      toggles: [
        { id: 'agenda', label: 'Jaaragenda', title: 'Herinneringen uit de jaaragenda', description: 'Belangrijke data.', on: true },
        { id: 'appointments', label: 'Afspraken', title: 'Herinnering vóór een afspraak', description: 'De werkdag ervoor.', on: false },
      ],
      fixed: [
        { title: 'Meldplicht thuiszitter', description: 'Wekelijks, zolang DUO en Onderwijs Transparant niet zijn vastgelegd.' },
        { title: 'TLV loopt af', description: 'Eén bericht, 8 weken van tevoren.' },
      ],
    }),
  reminderSettingsSaved: () =>
    reminderSettingsCard({
      intro: ['Herinneringen krijgt u op werkdagen vanaf 08:00 uur.'],
      banner: 'Opgeslagen. Herinneringen uit de jaaragenda: uit; herinnering vóór een afspraak: aan.',
      toggles: [
        { id: 'agenda', label: 'Jaaragenda', title: 'Herinneringen uit de jaaragenda', description: 'Data voor het SOT-team.', on: false },
        { id: 'appointments', label: 'Afspraken', title: 'Herinnering vóór een afspraak', description: 'De werkdag ervoor.', on: true },
      ],
      fixed: [],
    }),
  contact: () =>
    contactCard({
      swvName: 'Samenwerkingsverband Voorbeeldstreek PO',
      office: {
        hours: [
          { days: 'maandag, dinsdag en donderdag', times: '08:30–16:30' },
          { days: 'vrijdag', times: '08:30–12:00' },
        ],
        phone: '0512 123 456',
        email: 'sot@swv-voorbeeld.nl',
        note: 'Spreek niet in maar stuur een e-mail.',
      },
      consultants: [{ school: 'Obs Het Kompas', name: 'Anna de Vries', email: 'anna.devries@swv-voorbeeld.nl' }],
    }),
  contactNotFilledIn: () =>
    contactCard({
      swvName: 'Samenwerkingsverband Voorbeeldstreek PO',
      office: null,
      consultants: [
        { school: 'Cbs De Ark', name: 'Bram Visser', email: 'bram.visser@swv-voorbeeld.nl' },
        { school: 'Obs Het Kompas', name: null, email: null },
      ],
    }),
  contactForStaff: () =>
    contactCard({ swvName: 'Samenwerkingsverband Voorbeeldstreek PO', office: { hours: [], phone: '0512 123 456' }, consultants: [] }),
  helpWithContact: () =>
    helpCard(
      {
        personId: 'p',
        swvId: 's',
        name: 'Carla Smit',
        email: 'c@x.nl',
        isAdmin: false,
        isConsultant: false,
        isThuiszittersteam: false,
        schools,
      },
      {
        swvName: 'Samenwerkingsverband Voorbeeldstreek PO',
        office: { hours: [{ days: 'maandag', times: '08:30–16:30' }], email: 'sot@swv-voorbeeld.nl', note: 'Spreek niet in.' },
        consultants: [{ school: 'Obs Het Kompas', name: 'Anna de Vries', email: 'anna.devries@swv-voorbeeld.nl' }],
      },
    ),
  /** The staff home card of a consultant: more buttons than fit, the rest under "…". */
  noticeWithManyActions: () =>
    noticeCard({
      title: 'Welkom, Anna!',
      paragraphs: ['U bent bij de SOT-bot bekend als consulent.'],
      actions: [
        button('Spreekuur aanvragen', 'spreekuur.start', {}),
        button('Thuiszitter melden', 'thuiszitter.start', {}),
        button('Dreigende thuiszitter', 'dreigend.start', {}),
        button('JES-overleg plannen', 'jes.start', {}),
        button('Advies vragen', 'advies.start', {}),
        button('Kijk op School', 'kijkOpSchool.start', {}),
        button('Afspraken van een dag verzetten', 'casework.moveDay.form', {}),
        button('Herinneringen instellen', 'reminders.settings'),
        button('Contact met het SOT', 'contact.show'),
        button('Help', 'menu.help'),
      ],
    }),
};

function overviewFilters(schools: string[], types: string[]) {
  const choices = (titles: string[]) => titles.map((title, i) => ({ title, value: i === 0 ? 'alle' : `v${i}` }));
  return [
    { id: 'filterSchool', label: 'School', value: 'alle', choices: choices(schools) },
    { id: 'filterType', label: 'Soort', value: 'alle', choices: choices(types) },
  ];
}

/** "Mijn casussen" with `rows` rows and `schools` schools to filter by (a large SWV: the card must stay small enough). */
function overviewCases(rows: number, schools: number): OverviewCardData {
  const statuses = ['Wacht op antwoord van school', 'Ingepland: de volgende afspraken', 'Nog niet opgepakt'];
  return {
    title: 'Mijn casussen',
    intro: ['Uw open aanvragen op al uw scholen. Per groep de nieuwste eerst, 10 per pagina.'],
    summary: rows ? [{ label: 'Wacht op school', value: '3' }] : [],
    filters: [
      {
        id: 'filterSchool',
        label: 'School',
        value: 'alle',
        choices: [
          { title: 'Alle scholen', value: 'alle' },
          ...Array.from({ length: schools }, (_, i) => ({
            title: `Obs De Regenboog ${i + 1}`,
            value: `${10 + (i % 90)}AB${String(i).padStart(2, '0')}`,
          })),
        ],
      },
      {
        id: 'filterStatus',
        label: 'Status',
        value: 'waiting',
        choices: [
          { title: 'Alle open', value: 'alle' },
          { title: 'Wacht op informatie van school', value: 'waiting' },
        ],
      },
    ],
    apply: button('Filteren', 'overview.cases', { page: 0 }),
    groups: statuses.map((heading, g) => ({
      heading,
      rows: Array.from({ length: rows }, (_, i) => i)
        .filter((i) => i % 3 === g)
        .map((i) => ({
          title: `**SOT-2026-01${String(i).padStart(2, '0')}** · Thuiszittermelding · Obs De Regenboog ${i + 1}`,
          lines: ['Wacht op informatie van school · leerling J.d.B.', 'Wacht sinds 20 november 2026 (3 werkdagen)'],
          open: button(`Open SOT-2026-01${String(i).padStart(2, '0')}`, 'request.refresh', { requestId: `r${i}` }),
        })),
    })),
    empty: 'Er zijn geen open aanvragen die bij dit filter passen.',
    pageLine: rows ? 'Pagina 1 van 3 · 25 open aanvragen' : '',
    pager: rows
      ? [
          button('Vorige', 'overview.cases', { page: 0, filter: { status: 'waiting' } }),
          button('Volgende', 'overview.cases', { page: 2, filter: { status: 'waiting' } }),
        ]
      : [],
    actions: [button('Vernieuwen', 'overview.cases', { page: 1, filter: { status: 'waiting' } }), button('Naar het menu', 'menu.open')],
  };
}
