// Activities already handled, shared by every instance on one database (duplicate detection).
import type { Db } from './database.ts';

/** Whether some instance finished handling the activity. */
export async function activitySeen(db: Db, key: string): Promise<boolean> {
  return (await db.seenActivity.count({ where: { key } })) > 0;
}

/** Records the activity as handled, once its turn finished (a repeat of the same key is ignored). */
export async function recordActivity(db: Db, key: string, at: Date): Promise<void> {
  await db.seenActivity.createMany({ data: [{ key, at }], skipDuplicates: true });
}

/** A turn that failed did not handle the activity: Teams' retry must get through. */
export async function releaseActivity(db: Db, key: string): Promise<void> {
  await db.seenActivity.deleteMany({ where: { key } });
}

export async function purgeSeenActivities(db: Db, before: Date): Promise<number> {
  const { count } = await db.seenActivity.deleteMany({ where: { at: { lt: before } } });
  return count;
}
