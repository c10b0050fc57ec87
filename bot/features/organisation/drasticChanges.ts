import type { Tx } from '../../store/database.ts';

// The guard against a file that would empty the SWV: compared before and after, inside the import's transaction.

/** The file would take the SWV's office away, or most of its people: refused unless forced. Nothing was changed. */
export class OrgImportTooDrasticError extends Error {
  constructor(readonly problems: string[]) {
    super(`Organisation file would deactivate too much:\n${problems.join('\n')}`);
  }
}

/** Active people and admins of the SWV with this code (none yet: zero). */
export async function activeCounts(tx: Tx, code: string) {
  const swv = await tx.swv.findUnique({ where: { code } });
  if (!swv) return { people: 0, admins: 0 };
  const [people, admins] = await Promise.all([
    tx.person.count({ where: { swvId: swv.id, active: true } }),
    tx.person.count({ where: { swvId: swv.id, active: true, isAdmin: true } }),
  ]);
  return { people, admins };
}

/** Why an import is too drastic to apply without --force (empty: fine). */
export function drasticChanges(before: { people: number; admins: number }, after: { people: number; admins: number }): string[] {
  const problems: string[] = [];
  if (before.admins > 0 && after.admins === 0)
    problems.push(
      `alle ${before.admins} beheerder(s) van het SOT-bureau zouden inactief worden; dan kan niemand meer aanmeldingen beoordelen`,
    );
  const gone = before.people - after.people;
  if (before.people > 0 && gone > before.people / 2)
    problems.push(`${gone} van de ${before.people} actieve personen zouden inactief worden (meer dan de helft)`);
  return problems;
}
