import type { Tx } from '../../store/database.ts';
import type { Swv } from '../../store/generated/client.ts';
import { differences } from './differences.ts';
import type { OrgFile } from './orgFile.ts';
import type { ImportSummary } from './importSummary.ts';

/** Creates or updates the SWV row; only the fields the file gives. */
export async function syncSwv(tx: Tx, file: OrgFile, summary: ImportSummary): Promise<Swv> {
  const wanted = {
    name: file.swv.name,
    ...(file.swv.tenantId !== undefined && { tenantId: file.swv.tenantId }),
    ...(file.thuiszittersteamChannel && {
      tztTeamId: file.thuiszittersteamChannel.teamId,
      tztChannelId: file.thuiszittersteamChannel.channelId,
    }),
  };
  const existing = await tx.swv.findUnique({ where: { code: file.swv.code } });
  if (!existing) {
    summary.swv.created = true;
    return tx.swv.create({ data: { code: file.swv.code, ...wanted } });
  }
  const patch = differences(existing, wanted);
  if (!patch) return existing;
  summary.swv.updated = true;
  return tx.swv.update({ where: { id: existing.id }, data: patch });
}
