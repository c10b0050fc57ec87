import fs from 'node:fs';
import path from 'node:path';
import { validateOrgFile } from '../../bot/features/organisation/orgFile.ts';
import { importOrganisation } from '../../bot/features/organisation/importOrganisation.ts';
import type { Database } from '../../bot/store/database.ts';

/** People of test/fixtures/org.example.json as Teams users (user ids are made up, as Teams' are). */
export const PEOPLE = {
  anna: { id: '29:anna', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Anna de Vries' }, // consultant, channel linked
  bram: { id: '29:bram', aadObjectId: '00000000-0000-4000-8000-000000000002', name: 'Bram Visser' }, // consultant + thuiszittersteam
  carla: { id: '29:carla', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Carla Smit' }, // coordinator Obs Het Kompas
  dirk: { id: '29:dirk', aadObjectId: '00000000-0000-4000-8000-000000000004', name: 'Dirk Bakker' }, // coordinator Cbs De Ark
  eva: { id: '29:eva', aadObjectId: '00000000-0000-4000-8000-000000000005', name: 'Eva Mulder' }, // SOT admin
  stranger: { id: '29:stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Sanne Onbekend' },
};
export const ANNA_CHANNEL = { teamId: '19:team-sot@thread.tacv2', channelId: '19:kanaal-anna@thread.tacv2' };

export function readFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures', name), 'utf8'));
}

export async function importFixture(db: Database, name = 'org.example.json') {
  const parsed = validateOrgFile(readFixture(name));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return importOrganisation(db.prisma, parsed.file, 'test');
}
