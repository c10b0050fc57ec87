import type { Db } from './database.ts';
import type { Actor } from '../domain/roles.ts';

const actorInclude = {
  consultant: true,
  coordinates: { include: { school: true } },
} as const;

type PersonWithRoles = NonNullable<Awaited<ReturnType<typeof findByAad>>>;

function findByAad(db: Db, aadObjectId: string) {
  return db.person.findFirst({ where: { aadObjectId, active: true }, include: actorInclude });
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

export async function actorByAadObjectId(db: Db, aadObjectId: string): Promise<Actor | null> {
  const person = await findByAad(db, aadObjectId);
  return person ? toActor(person) : null;
}

/**
 * First contact: the directory may know the person by e-mail only. Links the Teams id so the
 * next message is recognised directly. Returns null when no active person has that e-mail.
 */
export async function linkByEmail(db: Db, email: string, aadObjectId: string): Promise<Actor | null> {
  const person = await db.person.findFirst({
    where: { email: email.trim().toLowerCase(), active: true, aadObjectId: null },
  });
  if (!person) return null;
  await db.person.update({ where: { id: person.id }, data: { aadObjectId } });
  await db.auditEntry.create({
    data: { actorId: person.id, action: 'person.linkTeamsAccount', subjectType: 'person', subjectId: person.id },
  });
  return actorByAadObjectId(db, aadObjectId);
}

export async function activeSwv(db: Db) {
  // One deployment serves one SWV today; the model allows more.
  return db.swv.findFirst({ orderBy: { createdAt: 'asc' } });
}
