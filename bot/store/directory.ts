import type { Db } from './database.ts';
import type { Actor } from '../domain/roles.ts';

const actorInclude = {
  consultant: true,
  coordinates: { include: { school: true } },
} as const;

type PersonWithRoles = NonNullable<Awaited<ReturnType<typeof findByAad>>>;

/**
 * A person is bound by (tenant, AAD object id): the object id counts only inside the tenant of the
 * person's SWV. An SWV without a tenant in the organisation file is served only where the tenant gate
 * lets the activity in (BOT_TENANT_ID, or local mode).
 */
function inTenant(tenantId: string | undefined) {
  return { OR: [{ tenantId: null }, ...(tenantId ? [{ tenantId: { equals: tenantId, mode: 'insensitive' as const } }] : [])] };
}

function findByAad(db: Db, aadObjectId: string, tenantId: string | undefined) {
  return db.person.findFirst({ where: { aadObjectId, active: true, swv: inTenant(tenantId) }, include: actorInclude });
}

function toActor(p: PersonWithRoles): Actor {
  return {
    personId: p.id,
    swvId: p.swvId,
    name: p.name,
    email: p.email,
    teamsUserId: p.teamsUserId,
    isAdmin: p.isAdmin,
    isThuiszittersteam: p.isThuiszittersteam,
    isConsultant: !!p.consultant?.active,
    schools: p.coordinates
      .filter((c) => c.school.active)
      .map((c) => ({ id: c.school.id, name: c.school.name, brin: c.school.brin }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  };
}

export async function actorByAadObjectId(db: Db, aadObjectId: string, tenantId: string | undefined): Promise<Actor | null> {
  const person = await findByAad(db, aadObjectId, tenantId);
  return person ? toActor(person) : null;
}

/**
 * First contact: the directory may know the person by e-mail only. Links the Teams id so the next
 * message is recognised directly — only a person not bound yet, and only inside their SWV's tenant
 * (the e-mail comes from that tenant's member list). Returns null when no such person exists.
 */
export async function linkByEmail(db: Db, email: string, aadObjectId: string, tenantId: string | undefined): Promise<Actor | null> {
  const person = await db.person.findFirst({
    where: { email: email.trim().toLowerCase(), active: true, aadObjectId: null, swv: inTenant(tenantId) },
  });
  if (!person) return null;
  // Conditional update: two first contacts at once cannot both bind the same person.
  const bound = await db.person.updateMany({ where: { id: person.id, aadObjectId: null }, data: { aadObjectId } });
  if (bound.count === 0) return null;
  await db.auditEntry.create({
    data: { actorId: person.id, action: 'person.linkTeamsAccount', subjectType: 'person', subjectId: person.id },
  });
  return actorByAadObjectId(db, aadObjectId, tenantId);
}

export async function activeSwv(db: Db) {
  // One deployment serves one SWV today; the model allows more.
  return db.swv.findFirst({ orderBy: { createdAt: 'asc' } });
}

/** The tenants the SWVs in the directory name. */
export async function organisationTenantIds(db: Db): Promise<string[]> {
  const swvs = await db.swv.findMany({ where: { tenantId: { not: null } }, select: { tenantId: true } });
  return swvs.map((s) => s.tenantId!);
}

/** The active schools of an SWV by name: the SOT files on behalf of any of them. */
export async function activeSchoolsOf(db: Db, swvId: string): Promise<{ id: string; name: string; brin: string }[]> {
  return db.school.findMany({ where: { swvId, active: true }, select: { id: true, name: true, brin: true }, orderBy: { name: 'asc' } });
}
