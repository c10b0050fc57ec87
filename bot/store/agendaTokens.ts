// Personal agenda link tokens (bot/features/agenda/tokens.ts decides what a token is). Only a hash of a
// token is stored; a person has at most one token that is not revoked.
import type { Db } from './database.ts';
import { lockFor } from './locks.ts';

/** The person a token belongs to, with what decides which agenda items they see. */
export interface AgendaTokenHolder {
  id: string;
  swvId: string;
  active: boolean;
  /** SOT staff: an admin of the office, an active consultant or a member of the Thuiszittersteam. */
  sotStaff: boolean;
  /** Sectors (PO, SBO, SO, VO, …) of the active schools this person coordinates. */
  schoolSectors: string[];
}

export interface StoredAgendaToken {
  id: string;
  personId: string;
  revokedAt: Date | null;
  holder: AgendaTokenHolder;
}

const holderSelect = {
  id: true,
  swvId: true,
  active: true,
  isAdmin: true,
  isThuiszittersteam: true,
  consultant: { select: { active: true } },
  coordinates: { select: { school: { select: { sector: true, active: true } } } },
} as const;

type HolderRow = {
  id: string;
  swvId: string;
  active: boolean;
  isAdmin: boolean;
  isThuiszittersteam: boolean;
  consultant: { active: boolean } | null;
  coordinates: { school: { sector: string; active: boolean } }[];
};

function toHolder(p: HolderRow): AgendaTokenHolder {
  return {
    id: p.id,
    swvId: p.swvId,
    active: p.active,
    sotStaff: p.isAdmin || p.isThuiszittersteam || !!p.consultant?.active,
    schoolSectors: p.coordinates.filter((c) => c.school.active).map((c) => c.school.sector),
  };
}

/** The token row with this hash (revoked or not), with its person; null when there is none. */
export async function findAgendaToken(db: Db, tokenHash: string): Promise<StoredAgendaToken | null> {
  const row = await db.agendaToken.findUnique({
    where: { tokenHash },
    select: { id: true, personId: true, revokedAt: true, person: { select: holderSelect } },
  });
  return row ? { id: row.id, personId: row.personId, revokedAt: row.revokedAt, holder: toHolder(row.person) } : null;
}

/**
 * The id of the person's current token row, made when there is none. `hashOf(id)` is the hash the
 * row must hold: a row whose hash no longer matches (LINK_SECRET was changed) is revoked and replaced.
 * Returns null for an unknown or deactivated person. One transaction per person at a time.
 */
export async function currentAgendaToken(
  db: Db,
  personId: string,
  newId: () => string,
  hashOf: (tokenId: string) => string,
  now: Date,
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await lockFor(tx, `agendaToken:${personId}`);
    const person = await tx.person.findUnique({ where: { id: personId }, select: { active: true } });
    if (!person?.active) return null;
    const current = await tx.agendaToken.findMany({ where: { personId, revokedAt: null }, orderBy: { createdAt: 'asc' } });
    const valid = current.find((t) => t.tokenHash === hashOf(t.id));
    const stale = current.filter((t) => t !== valid);
    if (stale.length) await tx.agendaToken.updateMany({ where: { id: { in: stale.map((t) => t.id) } }, data: { revokedAt: now } });
    if (valid) return valid.id;
    const id = newId();
    await tx.agendaToken.create({ data: { id, personId, tokenHash: hashOf(id), createdAt: now } });
    return id;
  });
}

/** Revokes every token of the person that is not revoked yet, and audits it (also when there was none); returns how many. */
export async function revokeAgendaTokens(db: Db, personId: string, actorId: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockFor(tx, `agendaToken:${personId}`);
    const { count } = await tx.agendaToken.updateMany({ where: { personId, revokedAt: null }, data: { revokedAt: now } });
    await tx.auditEntry.create({
      data: { actorId, action: 'agenda.revokeLinks', subjectType: 'person', subjectId: personId, details: { revoked: count } },
    });
    return count;
  });
}

/** People of an SWV matching a name (part of it) or an e-mail address, for the office's revoke command. */
export async function findPeopleForAgendaRevoke(
  db: Db,
  swvId: string,
  query: string,
): Promise<{ id: string; name: string; email: string; active: boolean }[]> {
  const q = query.trim();
  const select = { id: true, name: true, email: true, active: true } as const;
  if (q.includes('@')) {
    return db.person.findMany({ where: { swvId, email: { equals: q, mode: 'insensitive' } }, select });
  }
  const people = await db.person.findMany({
    where: { swvId, name: { contains: q, mode: 'insensitive' } },
    select,
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    take: 11,
  });
  // An exact name wins over people whose name merely contains it.
  const exact = people.filter((p) => p.name.localeCompare(q, 'nl', { sensitivity: 'base' }) === 0);
  return exact.length ? exact : people;
}
