// People who asked for access but never became known leave no personal data behind: registrations
// (name, e-mail, school) and the chats of unknown users are deleted after a set period.
import type { Db } from '../../store/database.ts';

export async function purgeStaleContacts(db: Db, now: Date, policy: { registrationDays: number; unknownContactDays: number }) {
  const registrationsBefore = new Date(now.getTime() - policy.registrationDays * 86_400_000);
  const contactsBefore = new Date(now.getTime() - policy.unknownContactDays * 86_400_000);
  return db.$transaction(async (tx) => {
    // Decided ones from their decision on; pending ones nobody decided from their filing.
    const registrations = await tx.registration.deleteMany({
      where: { OR: [{ decidedAt: { lt: registrationsBefore } }, { status: 'pending', createdAt: { lt: registrationsBefore } }] },
    });
    const known = await tx.person.findMany({ where: { aadObjectId: { not: null } }, select: { aadObjectId: true } });
    const contacts = await tx.unknownUserConversation.deleteMany({
      where: { updatedAt: { lt: contactsBefore }, aadObjectId: { notIn: known.map((p) => p.aadObjectId!) } },
    });
    if (registrations.count + contacts.count > 0) {
      await tx.auditEntry.create({
        data: {
          at: now,
          action: 'retention.purge',
          subjectType: 'contacts',
          details: { registrations: registrations.count, unknownContacts: contacts.count, ...policy },
        },
      });
    }
    return { registrationsPurged: registrations.count, unknownContactsPurged: contacts.count };
  });
}
