import type { Tx } from '../../store/database.ts';
import { Prisma, type Swv } from '../../store/generated/client.ts';
import { sameContact, storedContact } from './contactSchema.ts';
import { differences } from './differences.ts';
import type { OrgFile } from './orgFile.ts';
import type { ImportSummary } from './importSummary.ts';

/**
 * Creates or updates the SWV row; only the fields the file gives. The contact block is the exception: it
 * can only come from the file, so a file without it clears it (the office has not filled it in).
 */
export async function syncSwv(tx: Tx, file: OrgFile, summary: ImportSummary): Promise<Swv> {
  const contact = storedContact(file.swv.contact);
  const contactData = { contact: contact ?? Prisma.DbNull };
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
    return tx.swv.create({ data: { code: file.swv.code, ...wanted, ...contactData } });
  }
  const patch = differences(existing, wanted);
  const contactChanged = !sameContact(existing.contact, contact);
  if (!patch && !contactChanged) return existing;
  summary.swv.updated = true;
  return tx.swv.update({ where: { id: existing.id }, data: { ...patch, ...(contactChanged ? contactData : {}) } });
}
