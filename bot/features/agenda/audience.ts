// Which year-agenda items a person sees on the printable month and in the calendar feed.
import { holidayRegionOf, type HolidayRegion } from '../../domain/schoolCalendar.ts';
import type { AgendaTokenHolder } from '../../store/agendaTokens.ts';

/** SOT staff see everything; a coordinator their schools' region(s) plus "alle". */
export type AgendaView = { kind: 'sot' } | { kind: 'schools'; regions: HolidayRegion[] };

export function agendaViewOf(holder: Pick<AgendaTokenHolder, 'sotStaff' | 'schoolSectors'>): AgendaView {
  if (holder.sotStaff) return { kind: 'sot' };
  const regions = [...new Set(holder.schoolSectors.map(holidayRegionOf))].sort();
  return { kind: 'schools', regions };
}

/** The audiences to show; null means every item (also audiences added later, such as the SOT's own). */
export function audiencesOf(view: AgendaView): string[] | null {
  return view.kind === 'sot' ? null : [...view.regions, 'alle'];
}

/** Whether to mark items with their audience (when more than one region is shown; items for "alle" are not marked). */
export const showsAudience = (view: AgendaView): boolean => view.kind === 'sot' || view.regions.length > 1;

/** A short Dutch line saying what the page or feed holds. */
export function viewLabel(view: AgendaView): string {
  if (view.kind === 'sot') return 'Alle onderdelen (SOT)';
  if (view.regions.length === 0) return 'Voor alle scholen';
  if (view.regions.length === 2) return 'Voor PO- en VO-scholen';
  return view.regions[0] === 'VO' ? 'Voor VO-scholen' : 'Voor PO-scholen (ook sbo en so)';
}
