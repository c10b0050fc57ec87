import type { Person } from '../../store/generated/client.ts';
import type { OrgPerson } from './orgFile.ts';

/** The file is valid, but does not fit what the database already holds; nothing was changed. */
export class OrgImportConflictError extends Error {
  constructor(readonly problems: string[]) {
    super(`Organisation file conflicts with the database:\n${problems.join('\n')}`);
  }
}

/**
 * Matches file people to database rows: first by file id, then by e-mail, then by Teams id (someone
 * approved inside Teams before the file listed them). Each row is claimed once.
 */
export function matchPeople(people: OrgPerson[], existing: Person[]): Map<string, Person> {
  const matches = new Map<string, Person>();
  const claimed = new Set<string>();
  const passes: [(p: OrgPerson) => string | undefined, (row: Person) => string | null][] = [
    [(p) => p.id, (row) => row.fileKey],
    // Rows made inside Teams may hold an address in mixed case; the file's is already lower case.
    [(p) => p.email, (row) => row.email.toLowerCase()],
    [(p) => p.aadObjectId, (row) => row.aadObjectId],
  ];
  for (const [fileValue, rowValue] of passes) {
    const rows = new Map(existing.filter((r) => !claimed.has(r.id) && rowValue(r) !== null).map((r) => [rowValue(r)!, r]));
    for (const p of people) {
      if (matches.has(p.id)) continue;
      const value = fileValue(p);
      const row = value === undefined ? undefined : rows.get(value);
      if (!row || claimed.has(row.id)) continue;
      matches.set(p.id, row);
      claimed.add(row.id);
    }
  }
  return matches;
}

/**
 * An e-mail address or Teams id that the file gives to one person while the database keeps it for
 * another row: the unique keys would refuse it, so the import stops with a clear explanation.
 */
export function checkConflicts(
  swvId: string,
  people: OrgPerson[],
  matches: Map<string, Person>,
  existing: Person[],
  aadHolders: Person[],
  finalAadOf: (p: OrgPerson) => string | null,
) {
  const problems: string[] = [];
  const fileIdOfRow = new Map([...matches].map(([fileId, row]) => [row.id, fileId]));
  const fileById = new Map(people.map((p) => [p.id, p]));
  const byEmail = new Map(existing.map((r) => [r.email.toLowerCase(), r]));
  const byAad = new Map(aadHolders.map((r) => [r.aadObjectId, r]));

  for (const p of people) {
    const self = matches.get(p.id)?.id;
    // A matched row gets its new address from the file; only an unmatched row keeps it.
    const emailHolder = byEmail.get(p.email);
    if (emailHolder && emailHolder.id !== self && !fileIdOfRow.has(emailHolder.id)) {
      problems.push(
        `Persoon '${p.id}': het e-mailadres ${p.email} hoort in de database bij ${emailHolder.name}, die niet in het bestand staat. ` +
          'Eén e-mailadres hoort bij één persoon; controleer het e-mailadres in het bestand.',
      );
    }
    const aadHolder = p.aadObjectId ? byAad.get(p.aadObjectId) : undefined;
    if (!aadHolder || aadHolder.id === self) continue;
    const holderFileId = fileIdOfRow.get(aadHolder.id);
    const holderKeepsIt = holderFileId === undefined || finalAadOf(fileById.get(holderFileId)!) === p.aadObjectId;
    if (!holderKeepsIt) continue;
    const who =
      holderFileId !== undefined
        ? `${aadHolder.name} ('${holderFileId}' in het bestand)`
        : aadHolder.swvId === swvId
          ? `${aadHolder.name}, die niet in het bestand staat`
          : `${aadHolder.name} van een ander samenwerkingsverband`;
    problems.push(
      `Persoon '${p.id}': de aadObjectId ${p.aadObjectId} is in de database al gekoppeld aan ${who}. ` +
        'Eén Teams-gebruiker hoort bij één persoon; controleer de aadObjectId in het bestand.',
    );
  }
  if (problems.length) throw new OrgImportConflictError(problems);
}
