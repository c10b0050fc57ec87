import crypto from 'node:crypto';
import type { Tx } from '../../store/database.ts';
import type { Person, Prisma } from '../../store/generated/client.ts';
import { differences } from './differences.ts';
import type { ImportSummary } from './importSummary.ts';
import { checkConflicts, matchPeople } from './matchPeople.ts';
import type { OrgFile, OrgPerson } from './orgFile.ts';

/** Returns the database id of every person in the file, by file id. */
export async function syncPeople(tx: Tx, swvId: string, file: OrgFile, summary: ImportSummary): Promise<Map<string, string>> {
  const existing = await tx.person.findMany({ where: { swvId } });
  const matches = matchPeople(file.people, existing);
  const admins = new Set(file.roles?.admins ?? []);
  const tzt = new Set(file.roles?.thuiszittersteam ?? []);

  const wantedOf = (p: OrgPerson, current?: Person) => ({
    fileKey: p.id,
    name: p.name,
    email: p.email,
    // Never cleared: the bot learns it on first contact when the file does not have it.
    aadObjectId: p.aadObjectId ?? current?.aadObjectId ?? null,
    isAdmin: admins.has(p.id),
    isThuiszittersteam: tzt.has(p.id),
    active: true,
  });

  const aadHolders = await tx.person.findMany({
    where: { aadObjectId: { in: file.people.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : [])) } },
  });
  checkConflicts(swvId, file.people, matches, existing, aadHolders, (p) => wantedOf(p, matches.get(p.id)).aadObjectId);

  const updates: { id: string; data: Partial<ReturnType<typeof wantedOf>> }[] = [];
  const creates: Prisma.PersonCreateManyInput[] = [];
  const ids = new Map<string, string>();
  for (const p of file.people) {
    const current = matches.get(p.id);
    const wanted = wantedOf(p, current);
    if (!current) {
      const id = crypto.randomUUID();
      creates.push({ id, swvId, ...wanted });
      ids.set(p.id, id);
      continue;
    }
    ids.set(p.id, current.id);
    const patch = differences(current, wanted);
    if (patch) updates.push({ id: current.id, data: patch });
  }

  // Two people swapping an e-mail address or Teams id would trip the unique keys halfway; park
  // the changing values first. Only happens when something changes, so re-imports stay write-free.
  const parking = updates.filter((u) => u.data.email !== undefined || u.data.aadObjectId !== undefined);
  if (parking.length > 1) {
    for (const u of parking) {
      await tx.person.update({
        where: { id: u.id },
        data: {
          ...(u.data.email !== undefined && { email: `parked-${crypto.randomUUID()}@invalid` }),
          ...(u.data.aadObjectId !== undefined && { aadObjectId: null }),
        },
      });
    }
  }
  for (const u of updates) await tx.person.update({ where: { id: u.id }, data: u.data });
  summary.people.updated += updates.length;

  // Only people that came from a file; people approved inside Teams (no fileKey) are not the file's to remove.
  const matchedIds = new Set([...matches.values()].map((p) => p.id));
  const gone = existing.filter((p) => p.fileKey !== null && !matchedIds.has(p.id) && (p.active || p.isAdmin || p.isThuiszittersteam));
  for (const p of gone) {
    await tx.person.update({ where: { id: p.id }, data: { active: false, isAdmin: false, isThuiszittersteam: false } });
    if (p.active) summary.people.deactivated++;
    else summary.people.updated++;
  }

  if (creates.length) await tx.person.createMany({ data: creates });
  summary.people.created += creates.length;
  return ids;
}
