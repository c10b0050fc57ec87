// Bereikbaarheid: how to reach the SOT office (the organisation file's swv.contact) and, for a
// coordinator, their school's own consultant (one line per school). SOT staff see the office only.
import type { TurnContext } from 'botbuilder';
import { type ContactCardData, contactCard } from '../../../cards/contact.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { type Actor, isCoordinator } from '../../domain/roles.ts';
import type { Db } from '../../store/database.ts';
import { activeSwv } from '../../store/directory.ts';
import type { Services } from '../../services.ts';
import { resolveActor } from '../../teams/turn.ts';
import { DAYS, type OfficeHours, readContact } from '../organisation/contactSchema.ts';

/** "maandag, dinsdag en donderdag" */
const listing = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);

/** The office hours by day in week order; days with the same hours on one line. */
export function hoursByDay(hours: readonly OfficeHours[]): { days: string; times: string }[] {
  const byDay = new Map<string, OfficeHours[]>();
  for (const day of DAYS) {
    const periods = hours.filter((h) => h.day === day).sort((a, b) => (a.from < b.from ? -1 : 1));
    if (periods.length) byDay.set(day, periods);
  }
  const groups = new Map<string, string[]>();
  for (const [day, periods] of byDay) {
    const times = listing(periods.map((p) => `${p.from}–${p.to}`));
    groups.set(times, [...(groups.get(times) ?? []), day]);
  }
  return [...groups].map(([times, days]) => ({ days: listing(days), times }));
}

/** What the contact card and the help card show to this person (null: someone not in the directory). */
export async function contactFor(db: Db, actor: Actor | null): Promise<ContactCardData | null> {
  const swv = actor ? await db.swv.findUnique({ where: { id: actor.swvId } }) : await activeSwv(db);
  if (!swv) return null;
  const contact = readContact(swv.contact);
  const office = contact && {
    hours: hoursByDay(contact.hours ?? []),
    phone: contact.phone,
    email: contact.email,
    note: contact.note,
  };
  const consultants = actor && isCoordinator(actor) ? await consultantsOf(db, actor) : [];
  return { swvName: swv.name, office, consultants };
}

/** The consultant of each of the coordinator's schools, in the order of their schools. */
async function consultantsOf(db: Db, actor: Actor): Promise<ContactCardData['consultants']> {
  const schools = await db.school.findMany({
    where: { id: { in: actor.schools.map((s) => s.id) }, active: true },
    select: {
      id: true,
      name: true,
      consultant: { select: { active: true, person: { select: { name: true, email: true, active: true } } } },
    },
  });
  const byId = new Map(schools.map((s) => [s.id, s]));
  return actor.schools.flatMap((own) => {
    const school = byId.get(own.id);
    if (!school) return [];
    const { consultant } = school;
    const known = consultant.active && consultant.person.active;
    return [{ school: school.name, name: known ? consultant.person.name : null, email: known ? consultant.person.email : null }];
  });
}

/** The contact card for whoever asked. */
export async function showContact(context: TurnContext, services: Services): Promise<AdaptiveCardJson> {
  const data = await contactFor(services.db, await resolveActor(context, services));
  return contactCard(data ?? { swvName: 'het samenwerkingsverband', office: null, consultants: [] });
}
