import type { Db } from '../../store/database.ts';
import { nl } from '../../domain/wording/register.ts';

/** The school a coordinator files for, with its consultant and standing JES members. */
export async function loadSchoolFor(db: Db, allowed: readonly { id: string }[], schoolId: string | undefined) {
  if (!schoolId || !allowed.some((s) => s.id === schoolId)) return null;
  return db.school.findUnique({
    where: { id: schoolId },
    include: { swv: true, consultant: { include: { person: true } }, jesMembers: { orderBy: { position: 'asc' } } },
  });
}
export type SchoolContext = NonNullable<Awaited<ReturnType<typeof loadSchoolFor>>>;

export function schoolLine(school: SchoolContext): string {
  return nl`${school.name} · uw SOT-consulent: ${school.consultant.person.name}`;
}
