// Activities already handled, shared by every instance on one database (duplicate detection).
import type { Db } from './database.ts';

/** Records the activity as handled; false when some instance already did. One insert per turn. */
export async function claimActivity(db: Db, key: string, at: Date): Promise<boolean> {
  const { count } = await db.seenActivity.createMany({ data: [{ key, at }], skipDuplicates: true });
  return count > 0;
}

/** A turn that failed did not handle the activity: Teams' retry must get through. */
export async function releaseActivity(db: Db, key: string): Promise<void> {
  await db.seenActivity.deleteMany({ where: { key } });
}

export async function purgeSeenActivities(db: Db, before: Date): Promise<number> {
  const { count } = await db.seenActivity.deleteMany({ where: { at: { lt: before } } });
  return count;
}
