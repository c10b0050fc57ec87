// Which reminders a person turned off (herinneringen instellen). Only the kinds that are no legal duty
// or escalation can be turned off; no row means everything on.
import type { Db, Tx } from './database.ts';

/** The reminder kinds a person may turn off. */
export const OPTIONAL_REMINDERS = ['agenda', 'appointments'] as const;
export type OptionalReminder = (typeof OPTIONAL_REMINDERS)[number];
export type ReminderSettings = Record<OptionalReminder, boolean>;

export const ALL_ON: ReminderSettings = { agenda: true, appointments: true };

export async function reminderSettingsOf(db: Db | Tx, personId: string): Promise<ReminderSettings> {
  const row = await db.reminderPreference.findUnique({ where: { personId } });
  return row ? { agenda: row.agenda, appointments: row.appointments } : { ...ALL_ON };
}

/**
 * Stores a person's settings and audits the change (who, which kinds, on or off: no other data). Returns
 * false when nothing changed (then nothing is written, not even an audit entry).
 */
export async function saveReminderSettings(db: Db, personId: string, wanted: ReminderSettings): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await reminderSettingsOf(tx, personId);
    const changed = OPTIONAL_REMINDERS.filter((kind) => current[kind] !== wanted[kind]);
    if (changed.length === 0) return false;
    await tx.reminderPreference.upsert({ where: { personId }, create: { personId, ...wanted }, update: wanted });
    await tx.auditEntry.create({
      data: {
        actorId: personId,
        action: 'reminders.settings',
        subjectType: 'person',
        subjectId: personId,
        details: Object.fromEntries(changed.map((kind) => [kind, wanted[kind] ? 'aan' : 'uit'])),
      },
    });
    return true;
  });
}

/** The people who turned a kind of reminder off (few): the scheduler leaves them out. */
export async function turnedOff(db: Db, kind: OptionalReminder): Promise<Set<string>> {
  const rows = await db.reminderPreference.findMany({ where: { [kind]: false }, select: { personId: true } });
  return new Set(rows.map((r) => r.personId));
}
