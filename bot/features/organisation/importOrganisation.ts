import crypto from 'node:crypto';
import type { Db, Tx } from '../../store/database.ts';
import type { Person, Prisma, Swv } from '../../store/generated/client.ts';
import type { OrgFile, OrgJesMember, OrgPerson } from './orgFile.ts';

export type KindCounts = { created: number; updated: number; deactivated: number };

/** What an import changed; counts only, so it can go into the audit log as is. */
export type ImportSummary = {
  changed: boolean;
  swv: { created: boolean; updated: boolean };
  people: KindCounts;
  consultants: KindCounts;
  schools: KindCounts;
  coordinators: { added: number; removed: number };
  /** Schools whose list of standing JES members was replaced. */
  jes: { schoolsUpdated: number };
  /** A dry run: what would have been refused without --force. */
  warnings?: string[];
};

/** The file is valid, but does not fit what the database already holds; nothing was changed. */
export class OrgImportConflictError extends Error {
  constructor(readonly problems: string[]) {
    super(`Organisation file conflicts with the database:\n${problems.join('\n')}`);
  }
}

const counts = (): KindCounts => ({ created: 0, updated: 0, deactivated: 0 });

/** The file would take the SWV's office away, or most of its people: refused unless forced. Nothing was changed. */
export class OrgImportTooDrasticError extends Error {
  constructor(readonly problems: string[]) {
    super(`Organisation file would deactivate too much:\n${problems.join('\n')}`);
  }
}

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

async function activeCounts(tx: Tx, code: string) {
  const swv = await tx.swv.findUnique({ where: { code } });
  if (!swv) return { people: 0, admins: 0 };
  const [people, admins] = await Promise.all([
    tx.person.count({ where: { swvId: swv.id, active: true } }),
    tx.person.count({ where: { swvId: swv.id, active: true, isAdmin: true } }),
  ]);
  return { people, admins };
}

/** Why an import is too drastic to apply without --force (empty: fine). */
function drasticChanges(before: { people: number; admins: number }, after: { people: number; admins: number }): string[] {
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
      const summary: ImportSummary = {
        changed: false,
        swv: { created: false, updated: false },
        people: counts(),
        consultants: counts(),
        schools: counts(),
        coordinators: { added: 0, removed: 0 },
        jes: { schoolsUpdated: 0 },
      };
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

async function syncSwv(tx: Tx, file: OrgFile, summary: ImportSummary): Promise<Swv> {
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

/** Returns the database id of every person in the file, by file id. */
async function syncPeople(tx: Tx, swvId: string, file: OrgFile, summary: ImportSummary): Promise<Map<string, string>> {
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

/**
 * Matches file people to database rows: first by file id, then by e-mail, then by Teams id (someone
 * approved inside Teams before the file listed them). Each row is claimed once.
 */
function matchPeople(people: OrgPerson[], existing: Person[]): Map<string, Person> {
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
function checkConflicts(
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

async function syncConsultants(tx: Tx, swvId: string, file: OrgFile, personIds: Map<string, string>, summary: ImportSummary) {
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

async function syncSchools(tx: Tx, swvId: string, file: OrgFile, personIds: Map<string, string>, summary: ImportSummary) {
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

/** The fields of `wanted` whose value differs from `current`, or undefined when none do. */
function differences<W extends object>(current: object, wanted: W): Partial<W> | undefined {
  const patch: Partial<W> = {};
  let changed = false;
  for (const key of Object.keys(wanted) as (keyof W & string)[]) {
    if (wanted[key] !== (current as Record<string, unknown>)[key]) {
      patch[key] = wanted[key];
      changed = true;
    }
  }
  return changed ? patch : undefined;
}

/** One Dutch sentence for the SOT office, e.g. "Organisatie geïmporteerd: 2 scholen nieuw, 1 persoon inactief gezet." */
export function describeImportSummary(summary: ImportSummary): string {
  if (!summary.changed) return 'Geen wijzigingen: het bestand komt overeen met de database.';
  const parts: string[] = [];
  if (summary.swv.created) parts.push('samenwerkingsverband aangemaakt');
  if (summary.swv.updated) parts.push('gegevens van het samenwerkingsverband bijgewerkt');
  const kinds: [KindCounts, string, string][] = [
    [summary.people, 'persoon', 'personen'],
    [summary.consultants, 'consulent', 'consulenten'],
    [summary.schools, 'school', 'scholen'],
  ];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  for (const [c, one, many] of kinds) {
    if (c.created) parts.push(`${n(c.created, one, many)} nieuw`);
    if (c.updated) parts.push(`${n(c.updated, one, many)} bijgewerkt`);
    if (c.deactivated) parts.push(`${n(c.deactivated, one, many)} inactief gezet`);
  }
  if (summary.coordinators.added) parts.push(`${n(summary.coordinators.added, 'coördinator', 'coördinatoren')} gekoppeld aan een school`);
  if (summary.coordinators.removed)
    parts.push(`${n(summary.coordinators.removed, 'coördinator', 'coördinatoren')} losgekoppeld van een school`);
  if (summary.jes.schoolsUpdated) parts.push(`vaste JES-leden van ${n(summary.jes.schoolsUpdated, 'school', 'scholen')} bijgewerkt`);
  return `Organisatie geïmporteerd: ${parts.join(', ')}.`;
}
