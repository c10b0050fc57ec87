// "Thuiszitters": every open thuiszitter signal of the SWV, for the Thuiszittersteam and the SOT office.
// Per signal: school, reference, dreigend or thuiszitter, weeks absent in school weeks (the school's
// holidays left out), the DUO/OT reporting duty, back at school, and who picked it up. No pupil data.
import { DateTime } from 'luxon';
import { type OverviewRow, overviewCard } from '../../../cards/overviews.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import {
  hasReportingDuty,
  REPORTING_DUTY_WEEKS,
  type RETURN_EXTENT,
  reportingDone,
  THUISZITTER_KIND,
  type ThuiszitterInput,
  weeksAbsent,
} from '../../domain/requests/thuiszitter.ts';
import { OPEN_STATUSES, type RequestStatus, STATUS_LABEL } from '../../domain/requests/types.ts';
import type { Actor } from '../../domain/roles.ts';
import { type Holiday, type HolidayRegion, holidayRegionOf } from '../../domain/schoolCalendar.ts';
import { ZONE } from '../../domain/time.ts';
import type { Services } from '../../services.ts';
import { holidaysByRegion } from '../../store/holidays.ts';
import {
  auditOverviewRead,
  type OverviewFilter,
  type ThuiszitterRow,
  thuiszitterCount,
  thuiszitterPage,
  thuiszitterSchools,
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

const KINDS = Object.keys(THUISZITTER_KIND) as ThuiszitterInput['kind'][];

/** "2026-10-21" → "21 oktober 2026" */
const shortDate = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).setLocale('nl').toFormat('d MMMM yyyy');
const BACK_EXTENT: Record<keyof typeof RETURN_EXTENT, string> = { volledig: 'volledig', gedeeltelijk: 'gedeeltelijk' };

const schoolWeeks = (n: number) => (n === 1 ? '1 schoolweek' : `${n} schoolweken`);

/** "DUO en OT gemeld", "nog te doen: …" or "nog geen 4 weken". */
export function dutyText(details: ThuiszitterRow['details'], now: Date, holidays: readonly Holiday[]): string {
  if (!hasReportingDuty(details, now, holidays)) return `nog geen ${REPORTING_DUTY_WEEKS} weken`;
  const done = reportingDone(details);
  if (done.duo && done.ot) return 'DUO en OT gemeld';
  return `nog te doen: ${[!done.duo && 'DUO', !done.ot && 'OT'].filter(Boolean).join(' en ')}`;
}

function thuiszitterRow(row: ThuiszitterRow, now: Date, holidays: readonly Holiday[]): OverviewRow {
  const d = row.details;
  const absence = d.firstAbsentDate
    ? `${schoolWeeks(weeksAbsent(d, now, holidays))}, sinds ${shortDate(d.firstAbsentDate)}`
    : 'Geen eerste verzuimdag vastgelegd';
  return {
    title: `**${row.reference}** · ${row.school}`,
    facts: [
      { label: 'Soort', value: THUISZITTER_KIND[d.kind] ?? 'Thuiszitter' },
      { label: 'Status', value: STATUS_LABEL[row.status] },
      { label: 'Verzuim', value: absence },
      { label: 'Meldplicht', value: dutyText(d, now, holidays) },
      ...(d.backToSchool
        ? [
            {
              label: 'Terug op school',
              value: `${shortDate(d.backToSchool.date)} (${BACK_EXTENT[d.backToSchool.extent] ?? 'volledig'})`,
            },
          ]
        : []),
      { label: 'Consulent', value: row.handlerName ?? 'nog niet opgepakt' },
    ],
    open: button(`Open ${row.reference}`, 'request.refresh', { requestId: row.id }),
  };
}

export async function thuiszittersOverview(services: Services, actor: Actor, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const { db } = services;
  const now = services.now();
  const schools = await thuiszitterSchools(db, actor.swvId);
  const specs: FilterSpec[] = [
    { key: 'school', label: 'School', all: 'Alle scholen', choices: schools.map((s) => ({ title: s.name, value: s.brin })) },
    {
      key: 'type',
      label: 'Soort melding',
      all: 'Dreigend en thuiszitter',
      choices: KINDS.map((k) => ({ title: THUISZITTER_KIND[k], value: k })),
    },
    { key: 'status', label: 'Status', all: 'Alle open', choices: OPEN_STATUSES.map((s) => ({ title: STATUS_LABEL[s], value: s })) },
  ];
  const asked = askedView(data);
  const { filter, dropped } = checkFilter(asked, specs);
  const query: OverviewFilter = {
    schoolId: schools.find((s) => s.brin === filter.school)?.id,
    kind: filter.type as ThuiszitterInput['kind'] | undefined,
    status: filter.status as RequestStatus | undefined,
  };

  const total = await thuiszitterCount(db, actor.swvId, query);
  const page = pageOf(total, asked.page);
  const rows = total ? await thuiszitterPage(db, actor.swvId, query, page) : [];
  // One holiday query per page: both regions, each school picks its own (PO dates for bao, sbo and so).
  const holidays: Record<HolidayRegion, Holiday[]> = rows.length ? await holidaysByRegion(db, actor.swvId) : { PO: [], VO: [] };
  if (rows.length) {
    await auditOverviewRead(db, {
      actorId: actor.personId,
      overview: 'thuiszitters',
      at: now,
      details: { page: page.index, shown: rows.length, total, filter },
    });
  }

  return overviewCard({
    title: 'Thuiszitters',
    intro: [
      'Alle open thuiszittermeldingen van het samenwerkingsverband, de nieuwste eerst, 10 per pagina. Verzuim telt in schoolweken: de schoolvakanties uit de jaaragenda tellen niet mee.',
      `Meldplicht: vanaf ${REPORTING_DUTY_WEEKS} weken verzuim meldt de school bij DUO én in Onderwijs Transparant (OT).`,
    ],
    message: droppedMessage(dropped),
    filters: filterInputs(specs, filter),
    apply: applyButton('overview.thuiszitters'),
    groups: [{ heading: 'Open meldingen', rows: rows.map((r) => thuiszitterRow(r, now, holidays[holidayRegionOf(r.sector)])) }],
    empty:
      Object.keys(filter).length > 0
        ? 'Er zijn geen open thuiszittermeldingen die bij dit filter passen.'
        : 'Er zijn geen open thuiszittermeldingen.',
    pageLine: total ? pageLine(page, total, ['open melding', 'open meldingen']) : '',
    pager: pager('overview.thuiszitters', page, filter),
    actions: [refreshButton('overview.thuiszitters', page.index, filter), button('Naar het menu', 'menu.open')],
  });
}
