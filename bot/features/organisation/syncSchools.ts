import crypto from 'node:crypto';
import type { Tx } from '../../store/database.ts';
import { differences } from './differences.ts';
import type { ImportSummary } from './importSummary.ts';
import type { OrgFile, OrgJesMember } from './orgFile.ts';

/** Schools with their coordinators and standing JES members; schools no longer listed are deactivated. */
export async function syncSchools(tx: Tx, swvId: string, file: OrgFile, personIds: Map<string, string>, summary: ImportSummary) {
  const existing = new Map(
    (
      await tx.school.findMany({
        where: { swvId },
        include: { coordinators: true, jesMembers: { orderBy: { position: 'asc' } } },
      })
    ).map((s) => [s.brin, s]),
  );
  const newCoordinators: { schoolId: string; personId: string; source: string }[] = [];
  const newJesMembers: { schoolId: string; position: number; role: string; name: string; email: string; organisation: string }[] = [];

  for (const s of file.schools) {
    // A new consultant only changes the school; open requests keep their assignee until the admin
    // chooses to move them (a separate action), as the organisation-file contract requires.
    const wanted = { name: s.name, sector: s.sector, consultantId: personIds.get(s.consultant)!, active: true };
    const current = existing.get(s.brin);
    let schoolId: string;
    if (!current) {
      schoolId = crypto.randomUUID();
      await tx.school.create({ data: { id: schoolId, swvId, brin: s.brin, ...wanted } });
      summary.schools.created++;
    } else {
      schoolId = current.id;
      const patch = differences(current, wanted);
      if (patch) {
        await tx.school.update({ where: { id: schoolId }, data: patch });
        summary.schools.updated++;
      }
    }

    // Only rows the file made are the file's to remove; coordinators approved in Teams stay.
    const wantedCoordinators = new Set(s.coordinators.map((id) => personIds.get(id)!));
    const currentCoordinators = current?.coordinators ?? [];
    const removed = currentCoordinators.filter((c) => c.source === 'import' && !wantedCoordinators.has(c.personId)).map((c) => c.personId);
    if (removed.length) {
      await tx.schoolCoordinator.deleteMany({ where: { schoolId, personId: { in: removed } } });
      summary.coordinators.removed += removed.length;
    }
    const present = new Set(currentCoordinators.map((c) => c.personId));
    for (const personId of wantedCoordinators) {
      if (!present.has(personId)) newCoordinators.push({ schoolId, personId, source: 'import' });
    }

    const wantedJes = (s.jes ?? []).map(jesRow);
    if (!sameJesList(current?.jesMembers ?? [], wantedJes)) {
      if (current?.jesMembers.length) await tx.jesMember.deleteMany({ where: { schoolId } });
      newJesMembers.push(...wantedJes.map((m, position) => ({ schoolId, position, ...m })));
      summary.jes.schoolsUpdated++;
    }
  }

  if (newCoordinators.length) await tx.schoolCoordinator.createMany({ data: newCoordinators });
  summary.coordinators.added += newCoordinators.length;
  if (newJesMembers.length) await tx.jesMember.createMany({ data: newJesMembers });

  const inFile = new Set(file.schools.map((s) => s.brin));
  for (const s of existing.values()) {
    if (inFile.has(s.brin) || !s.active) continue;
    await tx.school.update({ where: { id: s.id }, data: { active: false } });
    summary.schools.deactivated++;
  }
}

type JesRow = { role: string; name: string; email: string; organisation: string };

const jesRow = (m: OrgJesMember): JesRow => ({ role: m.role, name: m.name, email: m.email, organisation: m.organisation ?? '' });

function sameJesList(current: JesRow[], wanted: JesRow[]): boolean {
  return (
    current.length === wanted.length &&
    current.every((m, i) => {
      const w = wanted[i]!;
      return m.role === w.role && m.name === w.name && m.email === w.email && m.organisation === w.organisation;
    })
  );
}
