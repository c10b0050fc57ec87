// "Overzicht" for the SOT office: per consultant how many open requests they have, how many nobody picked
// up, how many wait for the school, and how many are overdue (overdue.ts). Counts only: no pupil data, no
// references, so nothing here needs an audit entry.
import { type OverviewRow, overviewCard } from '../../../cards/overviews.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { REQUEST_TYPES, type RequestType } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import {
  consultantCount,
  consultantPage,
  type OverviewFilter,
  openCountsByConsultant,
  overdueByConsultant,
  schoolsWithOpenRequests,
} from '../../store/overviewQueries.ts';
import {
  applyButton,
  askedView,
  checkFilter,
  droppedMessage,
  type FilterSpec,
  filterInputs,
  pageLine,
  pageOf,
  pager,
  refreshButton,
} from './listView.ts';
import { OVERDUE_EXPLAINED, overdueLimits } from './overdue.ts';

interface Counts {
  open: number;
  unpicked: number;
  waiting: number;
  overdue: number;
}

const zero = (): Counts => ({ open: 0, unpicked: 0, waiting: 0, overdue: 0 });

function countFacts(c: Counts) {
  return [
    { label: 'Open', value: String(c.open) },
    { label: 'Nieuw, niet opgepakt', value: String(c.unpicked) },
    { label: 'Wacht op school', value: String(c.waiting) },
    { label: 'Over tijd', value: String(c.overdue) },
  ];
}

export async function officeOverview(services: Services, actor: Actor, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const { db } = services;
  const now = services.now();
  const schools = await schoolsWithOpenRequests(db, actor.swvId);
  const specs: FilterSpec[] = [
    { key: 'school', label: 'School', all: 'Alle scholen', choices: schools.map((s) => ({ title: s.name, value: s.brin })) },
    {
      key: 'type',
      label: 'Soort aanvraag',
      all: 'Alle soorten',
      choices: REQUEST_TYPES.map((t) => ({ title: REQUEST_KINDS[t].label, value: t })),
    },
  ];
  const asked = askedView(data);
  const { filter, dropped } = checkFilter(asked, specs);
  const query: OverviewFilter = {
    schoolId: schools.find((s) => s.brin === filter.school)?.id,
    type: filter.type as RequestType | undefined,
  };

  const total = await consultantCount(db, actor.swvId, query);
  const page = pageOf(total, asked.page);
  const consultants = total ? await consultantPage(db, actor.swvId, query, page) : [];
  // Two small aggregates over the SWV's open requests: the rows' counts and the totals in one go.
  const [byStatus, overdue] = await Promise.all([
    openCountsByConsultant(db, actor.swvId, query),
    overdueByConsultant(db, actor.swvId, query, overdueLimits(now)),
  ]);
  const counts = new Map<string, Counts>();
  const totals = zero();
  for (const g of byStatus) {
    const c = counts.get(g.consultantId) ?? zero();
    c.open += g.count;
    totals.open += g.count;
    if (g.status === 'new') {
      c.unpicked += g.count;
      totals.unpicked += g.count;
    }
    if (g.status === 'waiting') {
      c.waiting += g.count;
      totals.waiting += g.count;
    }
    counts.set(g.consultantId, c);
  }
  for (const [consultantId, n] of overdue) {
    const c = counts.get(consultantId) ?? zero();
    c.overdue = n;
    totals.overdue += n;
    counts.set(consultantId, c);
  }

  const rows: OverviewRow[] = consultants.map((c) => ({
    title: `**${c.name}**${c.active ? '' : ' (niet meer actief)'}`,
    facts: countFacts(counts.get(c.personId) ?? zero()),
  }));
  const filtering = Object.keys(filter).length > 0;
  return overviewCard({
    title: 'Overzicht per consulent',
    intro: [
      filtering
        ? 'De open aanvragen die bij het filter passen, per consulent aan wie ze zijn toegewezen. Alleen aantallen, geen leerlinggegevens.'
        : 'De open aanvragen van het samenwerkingsverband per consulent aan wie ze zijn toegewezen. Alleen aantallen, geen leerlinggegevens.',
      OVERDUE_EXPLAINED,
    ],
    message: droppedMessage(dropped),
    summary: totals.open || totals.overdue ? countFacts(totals).map((f) => ({ ...f, label: `Totaal ${f.label.toLowerCase()}` })) : [],
    filters: filterInputs(specs, filter),
    apply: applyButton('overview.office'),
    groups: [{ heading: 'Per consulent', rows }],
    empty: filtering ? 'Geen consulent heeft open aanvragen die bij dit filter passen.' : 'Er zijn nog geen consulenten.',
    pageLine: total ? pageLine(page, total, ['consulent', 'consulenten']) : '',
    pager: pager('overview.office', page, filter),
    actions: [refreshButton('overview.office', page.index, filter), button('Naar het menu', 'menu.open')],
  });
}
