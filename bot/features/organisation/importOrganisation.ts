import type { Db } from '../../store/database.ts';
import { activeCounts, drasticChanges, OrgImportTooDrasticError } from './drasticChanges.ts';
import { emptySummary, type ImportSummary } from './importSummary.ts';
import type { OrgFile } from './orgFile.ts';
import { syncConsultants } from './syncConsultants.ts';
import { syncPeople } from './syncPeople.ts';
import { syncSchools } from './syncSchools.ts';
import { syncSwv } from './syncSwv.ts';

// Bringing the database in line with an organisation file. One step per kind of row lives beside this file
// (syncSwv, syncPeople with matchPeople, syncConsultants, syncSchools); the guard in drasticChanges.

export { OrgImportTooDrasticError } from './drasticChanges.ts';
export { describeImportSummary, type ImportSummary, type KindCounts } from './importSummary.ts';
export { OrgImportConflictError } from './matchPeople.ts';

export interface ImportOptions {
  /** Compute what would change, then roll everything back. */
  dryRun?: boolean;
  /** Apply even when all admins or more than half of the people would be deactivated. */
  force?: boolean;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Applies a validated organisation file, all-or-nothing. Writes only differences, so importing
 * the same file again writes nothing (not even an audit entry).
 */
export async function importOrganisation(db: Db, file: OrgFile, actor: string, options: ImportOptions = {}): Promise<ImportSummary> {
  try {
    return await applyImport(db, file, actor, options);
  } catch (err) {
    if (err instanceof DryRunRollback) return err.summary;
    throw err;
  }
}

function applyImport(db: Db, file: OrgFile, actor: string, options: ImportOptions): Promise<ImportSummary> {
  return db.$transaction(
    async (tx) => {
      const before = await activeCounts(tx, file.swv.code);
      const summary = emptySummary();
      const swv = await syncSwv(tx, file, summary);
      const personIds = await syncPeople(tx, swv.id, file, summary);
      await syncConsultants(tx, swv.id, file, personIds, summary);
      await syncSchools(tx, swv.id, file, personIds, summary);

      summary.changed =
        summary.swv.created ||
        summary.swv.updated ||
        [summary.people, summary.consultants, summary.schools].some((c) => c.created + c.updated + c.deactivated > 0) ||
        summary.coordinators.added + summary.coordinators.removed + summary.jes.schoolsUpdated > 0;
      const problems = drasticChanges(before, await activeCounts(tx, file.swv.code));
      if (problems.length && !options.force && !options.dryRun) throw new OrgImportTooDrasticError(problems);
      // A dry run rolls back here: it saw exactly what the import would do, and changed nothing.
      if (options.dryRun) throw new DryRunRollback({ ...summary, warnings: problems });
      if (summary.changed) {
        await tx.auditEntry.create({
          data: { actorId: actor, action: 'org.import', subjectType: 'swv', subjectId: swv.id, details: summary },
        });
      }
      return summary;
    },
    // A first import of a large SWV writes a few thousand rows.
    { maxWait: 10_000, timeout: 120_000 },
  );
}
