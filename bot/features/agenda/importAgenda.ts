import type { Prisma } from '../../store/generated/client.ts';
import type { Db } from '../../store/database.ts';
import { entryKey, type AgendaEntry } from './agendaFile.ts';

export interface AgendaImportSummary {
  created: number;
  updated: number;
  removed: number;
  changed: boolean;
}

/**
 * Makes the stored year agenda equal to the file, in one transaction. The file is the whole
 * agenda: items no longer in it are removed. The same file twice writes nothing.
 */
export async function importAgenda(db: Db, entries: AgendaEntry[], actor: string): Promise<AgendaImportSummary> {
  return db.$transaction(async (tx) => {
    const swv = await tx.swv.findFirst({ orderBy: { createdAt: 'asc' } });
    if (!swv) throw new Error('Er is nog geen organisatie geïmporteerd. Importeer eerst het organisatiebestand (npm run org:import).');
    const existing = new Map((await tx.agendaItem.findMany({ where: { swvId: swv.id } })).map((i) => [i.itemKey, i]));
    const summary: AgendaImportSummary = { created: 0, updated: 0, removed: 0, changed: false };
    for (const entry of entries) {
      const itemKey = entryKey(entry);
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
      const current = existing.get(itemKey);
      existing.delete(itemKey);
      if (!current) {
        await tx.agendaItem.create({ data: { swvId: swv.id, itemKey, ...data } });
        summary.created++;
      } else if (
        current.kind !== data.kind ||
        current.endDate !== data.endDate ||
        current.time !== data.time ||
        current.description !== data.description ||
        current.audience !== data.audience ||
        current.title !== data.title ||
        JSON.stringify(current.remindDays) !== JSON.stringify(entry.remindDays)
      ) {
        // revision: the calendar feed's SEQUENCE, so subscribed calendars update the event in place.
        await tx.agendaItem.update({ where: { id: current.id }, data: { ...data, revision: { increment: 1 } } });
        summary.updated++;
      }
    }
    if (existing.size) {
      await tx.agendaItem.deleteMany({ where: { id: { in: [...existing.values()].map((i) => i.id) } } });
      summary.removed = existing.size;
    }
    summary.changed = summary.created + summary.updated + summary.removed > 0;
    if (summary.changed) {
      await tx.auditEntry.create({
        data: { actorId: actor, action: 'agenda.import', subjectType: 'swv', subjectId: swv.id, details: { ...summary } },
      });
    }
    return summary;
  });
}

export function describeAgendaImport(s: AgendaImportSummary): string {
  if (!s.changed) return 'Geen wijzigingen: het bestand komt overeen met de jaaragenda in de database.';
  return `Jaaragenda geïmporteerd: ${s.created} nieuw, ${s.updated} gewijzigd, ${s.removed} verwijderd.`;
}
