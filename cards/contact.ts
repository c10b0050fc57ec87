import { renderTemplate } from './render.ts';
import { nl } from '../bot/domain/wording/register.ts';

/** How to reach the SOT: the office (null when the organisation file has no contact block) and the consultants. */
export interface ContactCardData {
  swvName: string;
  office: {
    /** Days with the same hours together: { days: "maandag, dinsdag en donderdag", times: "08:30–16:30" }. */
    hours: { days: string; times: string }[];
    phone?: string;
    email?: string;
    note?: string;
  } | null;
  /** The viewer's own schools (coordinators), one line per school; empty for SOT staff. */
  consultants: { school: string; name: string | null; email: string | null }[];
}

const consultantLine = (c: ContactCardData['consultants'][number]) =>
  c.name ? `${c.name}${c.email ? `, ${c.email}` : ''}` : 'nog geen vaste consulent; neem contact op met het SOT-bureau';

/** Contact met het SOT: the office's days, hours, phone, e-mail and note, and the school's own consultant. */
export function contactCard(data: ContactCardData) {
  const office = data.office;
  return renderTemplate('contact', {
    swvName: data.swvName,
    hasOffice: !!office,
    hours: office?.hours ?? [],
    reach: [
      ...(office?.phone ? [{ label: 'Telefoon', value: office.phone }] : []),
      ...(office?.email ? [{ label: 'E-mail', value: office.email }] : []),
    ],
    note: office?.note ?? '',
    consultants: data.consultants.map((c) => ({ school: c.school, line: consultantLine(c) })),
  });
}

/** The same, as lines for the help card. */
export function contactParagraphs(data: ContactCardData): string[] {
  const office = data.office;
  const lines = [`**Contact met het SOT-bureau** (${data.swvName})`];
  if (!office) lines.push('Het SOT-bureau heeft zijn bereikbaarheid nog niet ingevuld.');
  else {
    if (office.hours.length) lines.push(`Bereikbaar: ${office.hours.map((h) => `${h.days} ${h.times}`).join('; ')}.`);
    const reach = [office.phone && `telefoon ${office.phone}`, office.email && `e-mail ${office.email}`].filter(Boolean).join(', ');
    if (reach) lines.push(`${reach.charAt(0).toUpperCase()}${reach.slice(1)}.`);
    if (office.note) lines.push(office.note);
  }
  if (data.consultants.length === 1) {
    const [c] = data.consultants;
    lines.push(nl`Uw consulent (${c!.school}): ${consultantLine(c!)}.`);
  } else if (data.consultants.length > 1) {
    lines.push(nl`Uw consulenten: ${data.consultants.map((c) => `${c.school}: ${consultantLine(c)}`).join('; ')}.`);
  }
  return lines;
}
