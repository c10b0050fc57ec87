// Admins of the SOT office change the year agenda from the card: add, change and remove items. The form has
// the import's columns and runs the import's checks (agendaFile.ts checkAgendaRow); an item's identity is the
// import's (entryKey), so a later import of the whole year updates what was made here instead of adding it
// twice. Every change is audited; a removed item's reminders that were queued but not yet sent are withdrawn.
import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { AGENDA_FORM_LABELS, type AgendaFormField, agendaItemFormCard } from '../../../cards/agenda.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { AdaptiveCardJson } from '../../../cards/render.ts';
import { button } from '../../../cards/verbs.ts';
import type { Actor } from '../../domain/roles.ts';
import { cleanText } from '../../domain/text.ts';
import type { Prisma } from '../../store/generated/client.ts';
import type { Tx } from '../../store/database.ts';
import { lockFor } from '../../store/locks.ts';
import type { Services } from '../../services.ts';
import { resolveActor } from '../../teams/turn.ts';
import { agendaCardFor, audienceLabel } from './agendaCard.ts';
import { AUDIENCES, type AgendaColumn, type AgendaEntry, type AgendaRow, checkAgendaRow, entryKey } from './agendaFile.ts';
import { addMonths, checkMonth, currentMonth, type Month, monthDays, whenLabel } from './months.ts';

const ACTIONS = { add: 'agenda.item.add', change: 'agenda.item.change', remove: 'agenda.item.remove' } as const;

/** Someone who is not an admin pressed an edit button (a forged or forwarded card). */
function refusal(): AdaptiveCardJson {
  return noticeCard({
    title: 'Dit kan alleen het SOT-bureau',
    tone: 'attention',
    paragraphs: ['Alleen beheerders van het SOT-bureau kunnen de jaaragenda aanpassen. Er is niets gewijzigd.'],
    actions: [button('Naar de jaaragenda', 'agenda.show', {}), button('Naar het menu', 'menu.open')],
  }) as AdaptiveCardJson;
}

async function admin(context: TurnContext, services: Services): Promise<Actor | null> {
  const actor = await resolveActor(context, services);
  if (actor?.isAdmin) return actor;
  services.logger.warn({ personId: actor?.personId ?? null }, 'agenda change refused: not an admin');
  return null;
}

/** The month the card came from (to return to); a month out of range falls back to this month. */
const monthOf = (services: Services, data: Record<string, unknown>): Month =>
  checkMonth(data.month, services.now()) ?? currentMonth(services.now());
const idOf = (value: unknown) => (typeof value === 'string' && value.length <= 100 ? value : undefined);

const CHOICE_TITLE: Record<string, string> = {
  PO: 'PO-scholen (ook sbo en so)',
  VO: 'VO-scholen',
  alle: 'Alle scholen',
  SOT: 'Alleen het SOT (intern)',
};
const audienceChoices = () => AUDIENCES.map((a) => ({ value: a, title: CHOICE_TITLE[a] ?? audienceLabel(a) }));

type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;
function findItem(db: Services['db'] | Tx, swvId: string, itemId: string | undefined) {
  return itemId ? db.agendaItem.findFirst({ where: { id: itemId, swvId } }) : Promise.resolve(null);
}

const itemLabel = (item: { kind: string; date: string; endDate: string | null; time: string | null; title: string }) =>
  `${item.title} (${whenLabel({ ...item, id: '', description: '', audience: '' })})`;

/** The card after an edit: the two months that show the item, in managing mode, with what happened. */
function monthShowing(month: Month, item: { date: string; endDate: string | null } | null, now: Date): Month {
  if (!item) return month;
  const from = monthDays(month).from;
  const to = monthDays(addMonths(month, 1)).to;
  if (item.date <= to && (item.endDate ?? item.date) >= from) return month;
  return checkMonth(item.date.slice(0, 7), now) ?? month;
}

/** "Item toevoegen" and "Wijzigen": the form, empty or with the item's values. */
export async function itemForm(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await admin(context, services);
  if (!actor) return refusal();
  const month = monthOf(services, data);
  const itemId = idOf(data.itemId);
  const item = await findItem(services.db, actor.swvId, itemId);
  if (itemId && !item) return gone(services, actor, month);
  return agendaItemFormCard({
    month,
    itemId: item?.id,
    audiences: audienceChoices(),
    values: item ? valuesOf(item) : {},
    formId: crypto.randomUUID(),
  });
}

function valuesOf(item: ItemRow): Partial<Record<AgendaFormField, string>> {
  return {
    datum: item.date,
    tijd: item.time ?? '',
    titel: item.title,
    omschrijving: item.description,
    doelgroep: item.audience,
    herinneren: (item.remindDays as number[]).join(','),
    soort: item.kind,
    tot: item.kind === 'vakantie' ? (item.endDate ?? '') : '',
  };
}

const gone = (services: Services, actor: Actor, month: Month) =>
  agendaCardFor(services, actor, month, {
    manage: true,
    banner: {
      text: 'Dit item staat niet meer in de jaaragenda (verwijderd, of vervangen door een import). Er is niets gewijzigd.',
      tone: 'attention',
    },
  });

/** What was typed, as text: cleaned and trimmed; anything that is not text counts as empty. */
function typed(data: Record<string, unknown>): Record<AgendaFormField, string> {
  const read = (field: AgendaFormField) => {
    const v = data[field];
    return typeof v === 'string' || typeof v === 'number' ? cleanText(String(v)).trim() : '';
  };
  return Object.fromEntries(Object.keys(AGENDA_FORM_LABELS).map((f) => [f, read(f as AgendaFormField)])) as Record<AgendaFormField, string>;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The form's values through the import's checks (every field at once). The date and time fields are the
 * file's "datum" (JJJJ-MM-DD or JJJJ-MM-DDTUU:MM); a problem that only the time causes is shown at the time.
 */
function check(
  values: Record<AgendaFormField, string>,
  now: Date,
): { entry: AgendaEntry } | { errors: Partial<Record<AgendaFormField, string>> } {
  const time = /^\d{2}:\d{2}(:00)?$/.test(values.tijd) ? values.tijd.slice(0, 5) : values.tijd;
  const row: AgendaRow = {
    datum: time ? `${values.datum}T${time}` : values.datum,
    titel: values.titel,
    omschrijving: values.omschrijving,
    doelgroep: values.doelgroep,
    herinneren: values.herinneren,
    soort: values.soort,
    tot: values.tot,
  };
  const result = checkAgendaRow(row, now, { everyField: true });
  if (result.ok) return { entry: result.entry };
  const dateAlone = time ? checkAgendaRow({ ...row, datum: values.datum }, now, { everyField: true }) : null;
  const timeCaused = !!dateAlone && (dateAlone.ok || !dateAlone.problems.some((p) => p.column === 'datum'));
  const fieldOf = (column: AgendaColumn): AgendaFormField => (column === 'datum' && timeCaused ? 'tijd' : column);
  const errors: Partial<Record<AgendaFormField, string>> = {};
  for (const p of result.problems) errors[fieldOf(p.column)] ??= capitalise(p.message);
  if (!values.datum) errors.datum = 'Vul de datum in.';
  if (!values.doelgroep) errors.doelgroep = 'Kies de doelgroep.';
  return { errors };
}

type Saved =
  | { ok: true; banner: string; item: { date: string; endDate: string | null } | null }
  | { ok: false; errors: Partial<Record<AgendaFormField, string>> };

/** "Opslaan" on the form: checked as the import checks a line, then stored in one transaction and audited. */
export async function saveItem(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await admin(context, services);
  if (!actor) return refusal();
  const now = services.now();
  const month = monthOf(services, data);
  const itemId = idOf(data.itemId);
  const formId = idOf(data.formId);
  const values = typed(data);
  const again = (errors: Partial<Record<AgendaFormField, string>>) =>
    agendaItemFormCard({ month, itemId, audiences: audienceChoices(), values, errors, formId: formId ?? crypto.randomUUID() });
  const checked = check(values, now);
  if ('errors' in checked) return again(checked.errors);
  const saved = await services.db.$transaction((tx) => store(tx, services, actor, checked.entry, itemId, formId));
  if (saved === 'gone') return gone(services, actor, month);
  if (!saved.ok) return again(saved.errors);
  return agendaCardFor(services, actor, monthShowing(month, saved.item, now), {
    manage: true,
    banner: { text: saved.banner, tone: 'good' },
  });
}

/** A repeated submit of the same form (double click, Teams retry): the audit entry of the first one. */
async function earlier(tx: Tx, formId: string | undefined) {
  if (!formId) return null;
  return tx.auditEntry.findFirst({
    where: { subjectType: 'agendaItem', action: { in: Object.values(ACTIONS) }, details: { path: ['formId'], equals: formId } },
  });
}

async function store(
  tx: Tx,
  services: Services,
  actor: Actor,
  entry: AgendaEntry,
  itemId: string | undefined,
  formId: string | undefined,
): Promise<Saved | 'gone'> {
  // One change of an SWV's agenda at a time: the identity check and the repeat check hold until commit.
  await lockFor(tx, `agenda:${actor.swvId}`);
  const first = await earlier(tx, formId);
  if (first) {
    const d = first.details as { date?: string; endDate?: string | null; title?: string };
    return {
      ok: true,
      banner: `Opgeslagen: ${d.title ?? 'het item'}.`,
      item: d.date ? { date: d.date, endDate: d.endDate ?? null } : null,
    };
  }
  const current = await findItem(tx, actor.swvId, itemId);
  if (itemId && !current) return 'gone';
  const itemKey = entryKey(entry);
  const clash = await tx.agendaItem.findFirst({ where: { swvId: actor.swvId, itemKey, ...(current ? { id: { not: current.id } } : {}) } });
  if (clash) {
    const message =
      entry.kind === 'vakantie'
        ? 'Er staat al een vakantie met dezelfde eerste dag, doelgroep en titel in de jaaragenda. Wijzig die, of kies een andere titel.'
        : 'Er staat al een item met dezelfde datum, tijd en titel in de jaaragenda. Wijzig dat, of kies een andere titel.';
    return { ok: false, errors: { titel: message } };
  }
  const data = {
    kind: entry.kind,
    date: entry.date,
    endDate: entry.endDate ?? null,
    time: entry.time ?? null,
    title: entry.title,
    description: entry.description,
    audience: entry.audience,
    remindDays: entry.remindDays as Prisma.InputJsonValue,
  };
  const audit = async (action: string, subjectId: string, extra: Record<string, unknown> = {}) =>
    tx.auditEntry.create({
      data: {
        at: services.now(),
        actorId: actor.personId,
        action,
        subjectType: 'agendaItem',
        subjectId,
        details: {
          formId: formId ?? null,
          itemKey,
          date: data.date,
          endDate: data.endDate,
          title: data.title,
          ...extra,
        } as Prisma.InputJsonValue,
      },
    });
  if (!current) {
    const created = await tx.agendaItem.create({ data: { swvId: actor.swvId, itemKey, ...data } });
    await audit(ACTIONS.add, created.id);
    return { ok: true, banner: `Toegevoegd: ${itemLabel(created)}.`, item: created };
  }
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
    (k) =>
      JSON.stringify(current[k]) !== JSON.stringify(data[k]) && !(k === 'remindDays' && sameDays(current.remindDays, entry.remindDays)),
  );
  if (!changed.length) return { ok: true, banner: 'Er is niets gewijzigd.', item: current };
  let saved: ItemRow;
  if (current.itemKey === itemKey) {
    // revision: the calendar feed's SEQUENCE, so subscribed calendars update the event in place.
    saved = await tx.agendaItem.update({ where: { id: current.id }, data: { ...data, revision: { increment: 1 } } });
    await withdrawQueuedReminders(tx, current.id); // queued again with the new text when still due
  } else {
    // Another identity (date, time or title; for a holiday first day, audience or title), as an import of
    // the changed agenda would: the old item goes, with its queued reminders, and a new one takes its place.
    await withdrawQueuedReminders(tx, current.id);
    await tx.agendaItem.delete({ where: { id: current.id } });
    saved = await tx.agendaItem.create({ data: { swvId: actor.swvId, itemKey, ...data } });
  }
  await audit(ACTIONS.change, saved.id, {
    changed,
    ...(saved.id !== current.id ? { replaces: current.id, previousKey: current.itemKey } : {}),
  });
  return { ok: true, banner: `Gewijzigd: ${itemLabel(saved)}.`, item: saved };
}

const sameDays = (stored: unknown, days: number[]) => JSON.stringify(stored) === JSON.stringify(days);

/**
 * Reminders of the item that were queued but not sent yet (and are not being sent right now) are withdrawn.
 * The scheduler queues an agenda reminder on its day with the key "agenda:<item id>:<days>:<person>", so
 * after this a removed item sends nothing more, and a changed one is queued again with its new text.
 */
async function withdrawQueuedReminders(tx: Tx, itemId: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "Delivery" WHERE "dedupeKey" LIKE ${`agenda:${itemId}:%`} AND status = 'pending' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`;
}

/** "Verwijderen": asks first. */
export async function removeForm(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await admin(context, services);
  if (!actor) return refusal();
  const month = monthOf(services, data);
  const item = await findItem(services.db, actor.swvId, idOf(data.itemId));
  if (!item) return gone(services, actor, month);
  const reminders = (item.remindDays as number[]).length
    ? 'Coördinatoren krijgen er dan geen herinnering meer over; herinneringen die al klaarstaan, worden ingetrokken.'
    : 'Er staan geen herinneringen voor dit item.';
  return noticeCard({
    title: 'Item uit de jaaragenda verwijderen?',
    tone: 'warning',
    paragraphs: [
      itemLabel(item),
      reminders,
      'Staat het item ook in het agendabestand? Haal het daar ook weg, anders komt het bij de volgende import terug.',
    ],
    actions: [
      button('Ja, verwijderen', 'agenda.item.remove', { month, itemId: item.id, formId: crypto.randomUUID() }),
      button('Nee, terug', 'agenda.show', { month, manage: true }),
    ],
  }) as AdaptiveCardJson;
}

/** "Ja, verwijderen": the item goes, with its queued reminders; audited. */
export async function removeItem(context: TurnContext, services: Services, data: Record<string, unknown>): Promise<AdaptiveCardJson> {
  const actor = await admin(context, services);
  if (!actor) return refusal();
  const month = monthOf(services, data);
  const itemId = idOf(data.itemId);
  const formId = idOf(data.formId);
  const banner = await services.db.$transaction(async (tx) => {
    await lockFor(tx, `agenda:${actor.swvId}`);
    const first = await earlier(tx, formId);
    if (first) return `Verwijderd: ${(first.details as { title?: string }).title ?? 'het item'}.`;
    const item = await findItem(tx, actor.swvId, itemId);
    if (!item) return null;
    await withdrawQueuedReminders(tx, item.id);
    await tx.agendaItem.delete({ where: { id: item.id } });
    await tx.auditEntry.create({
      data: {
        at: services.now(),
        actorId: actor.personId,
        action: ACTIONS.remove,
        subjectType: 'agendaItem',
        subjectId: item.id,
        details: { formId: formId ?? null, itemKey: item.itemKey, date: item.date, endDate: item.endDate, title: item.title },
      },
    });
    return `Verwijderd: ${itemLabel(item)}.`;
  });
  if (!banner) return gone(services, actor, month);
  return agendaCardFor(services, actor, month, { manage: true, banner: { text: banner, tone: 'good' } });
}
