// "Mijn casussen": a consultant's open cases across their schools (theirs as consultant, or picked up by
// them), grouped as they work them: waiting for the school, planned, not picked up yet, picked up. Rows show
// the pupil's initials at most; the case card (request.refresh) has the rest, for those entitled to it.
import { type OverviewGroup, type OverviewRow, overviewCard } from '../../../cards/overviews.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import { REQUEST_KINDS } from '../../domain/requests/kinds.ts';
import { OPEN_STATUSES, REQUEST_TYPES, type RequestStatus, type RequestType, STATUS_LABEL } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import { formatDate, formatLocalDateTime } from '../../domain/time.ts';
import type { Services } from '../../services.ts';
import {
  auditOverviewRead,
  type CaseloadOwner,
  type CaseRow,
  caseloadCounts,
  caseloadPage,
  caseloadSchools,
  type OverviewFilter,
} from '../../store/overviewQueries.ts';
import { workingDaysSince } from '../reminders/due.ts';
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
import { appointmentPassed } from './overdue.ts';
import { nl } from '../../domain/wording/register.ts';

/** The groups in the order a consultant works them; caseloadPage sorts by status the same way. */
export const CASE_GROUPS: { status: RequestStatus; heading: string }[] = [
  { status: 'waiting', heading: 'Wacht op antwoord van school' },
  { status: 'planned', heading: 'Ingepland: de volgende afspraken' },
  { status: 'new', heading: 'Nog niet opgepakt' },
  { status: 'claimed', heading: 'Opgepakt, nog niet ingepland' },
];

const SHORT_STATUS: Partial<Record<RequestStatus, string>> = {
  waiting: 'Wacht op school',
  planned: 'Ingepland',
  new: 'Nog niet opgepakt',
  claimed: 'Opgepakt',
};

const days = (n: number) => (n === 1 ? '1 werkdag' : `${n} werkdagen`);

function pupilText(row: CaseRow): string {
  switch (row.pupil.kind) {
    case 'initials':
      return `leerling ${row.pupil.initials}`;
    case 'anonymous':
      return 'leerling anoniem';
    case 'none':
      return 'geen leerling genoemd';
  }
}

/** The date that matters for this row: the appointment, or since when it waits. */
function whenText(row: CaseRow, now: Date): string {
  switch (row.status) {
    case 'planned': {
      if (!row.appointment) return 'Ingepland, zonder afspraak';
      const at = formatLocalDateTime(`${row.appointment.date}T${row.appointment.time}`);
      return appointmentPassed(row.appointment.date, now) ? `Afspraak was ${at}: nog niet afgerond of verzet` : `Afspraak: ${at}`;
    }
    case 'waiting':
      return `Wacht sinds ${formatDate(row.since)} (${days(workingDaysSince(row.since, now))})`;
    case 'new':
      return `Wacht op oppakken sinds ${formatDate(row.since)} (${days(workingDaysSince(row.since, now))})`;
    default:
      return `Ingediend op ${formatDate(row.createdAt)}`;
  }
}

function caseRow(row: CaseRow, now: Date): OverviewRow {
  return {
    title: `**${row.reference}** · ${REQUEST_KINDS[row.type].label} · ${row.school}`,
    lines: [`${STATUS_LABEL[row.status]} · ${pupilText(row)}`, whenText(row, now)],
    open: button(`Open ${row.reference}`, 'request.refresh', { requestId: row.id }),
  };
}

/** Planned ones by their appointment, soonest first; the others as the page has them (newest first). */
function grouped(rows: CaseRow[], now: Date): OverviewGroup[] {
  return CASE_GROUPS.map(({ status, heading }) => {
    const inGroup = rows.filter((r) => r.status === status);
    if (status === 'planned') {
      const key = (r: CaseRow) => (r.appointment ? `${r.appointment.date}T${r.appointment.time}` : '9999');
      inGroup.sort((a, b) => key(a).localeCompare(key(b)));
    }
    return { heading, rows: inGroup.map((r) => caseRow(r, now)) };
  });
}

export async function casesOverview(services: Services, actor: Actor, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const { db } = services;
  const now = services.now();
  const owner: CaseloadOwner = {
    swvId: actor.swvId,
    personId: actor.personId,
    ...(actor.isConsultant ? {} : { onlyType: 'thuiszitter' as const }),
  };
  const schools = await caseloadSchools(db, owner);
  const specs: FilterSpec[] = [
    { key: 'school', label: 'School', all: 'Alle scholen', choices: schools.map((s) => ({ title: s.name, value: s.brin })) },
    ...(owner.onlyType
      ? []
      : [
          {
            key: 'type' as const,
            label: 'Soort aanvraag',
            all: 'Alle soorten',
            choices: REQUEST_TYPES.map((t) => ({ title: REQUEST_KINDS[t].label, value: t })),
          },
        ]),
    { key: 'status', label: 'Status', all: 'Alle open', choices: OPEN_STATUSES.map((s) => ({ title: STATUS_LABEL[s], value: s })) },
  ];
  const asked = askedView(data);
  const { filter, dropped } = checkFilter(asked, specs);
  const query: OverviewFilter = {
    schoolId: schools.find((s) => s.brin === filter.school)?.id,
    type: filter.type as RequestType | undefined,
    status: filter.status as RequestStatus | undefined,
  };

  const counts = await caseloadCounts(db, owner, query);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const page = pageOf(total, asked.page);
  const rows = total ? await caseloadPage(db, owner, query, page) : [];
  if (rows.length) {
    await auditOverviewRead(db, {
      actorId: actor.personId,
      overview: 'cases',
      at: now,
      details: { page: page.index, shown: rows.length, total, filter },
    });
  }

  const filtering = Object.keys(filter).length > 0;
  return overviewCard({
    title: 'Mijn casussen',
    intro: [
      actor.isConsultant
        ? nl`Uw open aanvragen op al uw scholen: als consulent, of omdat u ze heeft opgepakt. Per groep de nieuwste eerst, 10 per pagina. Open een aanvraag voor de details en uw knoppen.`
        : nl`De thuiszittermeldingen die u heeft opgepakt. Per groep de nieuwste eerst, 10 per pagina. Open een melding voor de details en uw knoppen.`,
    ],
    message: droppedMessage(dropped),
    summary: total ? CASE_GROUPS.map(({ status }) => ({ label: SHORT_STATUS[status]!, value: String(counts.get(status) ?? 0) })) : [],
    filters: filterInputs(specs, filter),
    apply: applyButton('overview.cases'),
    groups: grouped(rows, now),
    empty: filtering
      ? 'Er zijn geen open aanvragen die bij dit filter passen.'
      : nl`U heeft geen open aanvragen. Nieuwe aanvragen van uw scholen verschijnen als kaart in uw kanaal.`,
    pageLine: total ? pageLine(page, total, ['open aanvraag', 'open aanvragen']) : '',
    pager: pager('overview.cases', page, filter),
    actions: [refreshButton('overview.cases', page.index, filter), button('Naar het menu', 'menu.open')],
  });
}
