// Every card the bot can show, with sample data: test/cards-render.test.ts renders each one with
// the official Adaptive Cards renderer. A new card gets an example here.
import { noticeCard } from './notice.ts';
import { registrationCard } from './registration.ts';
import { registrationReviewCard } from './registrationReview.ts';
import { welcomeCard } from './welcome.ts';

const schools = [
  { id: 's1', name: 'Obs Het Kompas', brin: '12AB00' },
  { id: 's2', name: 'Cbs De Ark', brin: '34CD00' },
];
const created = new Date('2026-11-23T09:30:00Z');

export const cardExamples: Record<string, () => object> = {
  welcome: () => welcomeCard({ name: 'Carla', swvName: 'Samenwerkingsverband Voorbeeldstreek PO', schools: ['Obs Het Kompas'] }),
  notice: () => noticeCard({ title: 'Kanaal gekoppeld', tone: 'good', paragraphs: ['Nieuwe aanvragen komen in dit kanaal.'] }),
  noticeWithFactsAndButton: () =>
    noticeCard({ title: 'Hulp', facts: [{ label: 'School', value: 'Obs Het Kompas' }], actions: [{ title: 'Naar het menu', verb: 'menu.open' }] }),
  registration: () => registrationCard({ schools }),
  registrationWithErrors: () =>
    registrationCard({ schools, values: { schoolId: '', role: 'IB-er' }, errors: { schoolId: 'Kies uw school.' }, note: 'Uw eerdere aanmelding is niet goedgekeurd.' }),
  registrationReviewPending: () =>
    registrationReviewCard({ id: 'r1', name: 'Sanne Jansen', email: 'sanne@obs-kompas.nl', school: 'Obs Het Kompas (12AB00)', role: "IB'er", createdAt: created, status: 'pending' }),
  registrationReviewApproved: () =>
    registrationReviewCard({ id: 'r1', name: 'Sanne Jansen', email: null, school: 'Obs Het Kompas (12AB00)', role: '', createdAt: created, status: 'approved', decidedBy: 'Eva Mulder', decidedAt: created }),
};
