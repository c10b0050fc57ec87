import type { Tx } from '../../store/database.ts';
import { differences } from './differences.ts';
import type { ImportSummary } from './importSummary.ts';
import type { OrgFile } from './orgFile.ts';

/** Consultants as the file lists them; those no longer listed are deactivated, not removed. */
export async function syncConsultants(tx: Tx, swvId: string, file: OrgFile, personIds: Map<string, string>, summary: ImportSummary) {
  const existing = new Map((await tx.consultant.findMany({ where: { person: { swvId } } })).map((c) => [c.personId, c]));
  const inFile = new Set<string>();
  for (const c of file.consultants) {
    const personId = personIds.get(c.person)!;
    inFile.add(personId);
    // Without a channel in the file, a channel linked from inside Teams is kept.
    const wanted = { active: true, ...(c.channel && { teamId: c.channel.teamId, channelId: c.channel.channelId }) };
    const current = existing.get(personId);
    if (!current) {
      await tx.consultant.create({ data: { personId, ...wanted } });
      summary.consultants.created++;
      continue;
    }
    const patch = differences(current, wanted);
    if (patch) {
      await tx.consultant.update({ where: { personId }, data: patch });
      summary.consultants.updated++;
    }
  }
  for (const c of existing.values()) {
    if (inFile.has(c.personId) || !c.active) continue;
    await tx.consultant.update({ where: { personId: c.personId }, data: { active: false } });
    summary.consultants.deactivated++;
  }
}
