// A generated organisation file (contract 1, ../shared/contracts/README.md) large enough for the
// benchmarks: `coordinators` coordinators, a few per school, schools spread over consultants with a
// linked channel each, one admin. Identities are deterministic, so every process can rebuild them.
import type { OrgFile } from '../../bot/features/organisation/orgFile.ts';

export const BENCH_TENANT_ID = '00000000-0000-4000-8000-0000000000b1';

export interface BenchUser {
  /** Teams user id ("29:…"). */
  id: string;
  aadObjectId: string;
  name: string;
}

const hex12 = (n: number) => n.toString(16).padStart(12, '0');

/** Coordinator number `i` (0-based) as a Teams user. */
export function coordinator(i: number): BenchUser {
  return { id: `29:bench-coord-${i}`, aadObjectId: `00000000-0000-4000-8001-${hex12(i)}`, name: `Coördinator ${i}` };
}

/** The personal chat id the bench clients use for a user (the bot learns it from their first activity). */
export function personalConversationId(user: BenchUser): string {
  return `a:personal-${user.id}`;
}

/** BRIN codes: 4 characters [0-9A-Z]; 36^4 is plenty. */
function brin(i: number): string {
  return i.toString(36).toUpperCase().padStart(4, '0');
}

export interface OrgShape {
  coordinators: number;
  /** Coordinators per school (the last school may have fewer). */
  perSchool?: number;
  /** Schools per consultant. */
  schoolsPerConsultant?: number;
}

export function generateOrg({ coordinators, perSchool = 4, schoolsPerConsultant = 60 }: OrgShape): OrgFile {
  const schools = Math.ceil(coordinators / perSchool);
  const consultants = Math.max(1, Math.ceil(schools / schoolsPerConsultant));
  const people: OrgFile['people'] = [];
  for (let c = 0; c < consultants; c++) {
    people.push({
      id: `consultant-${c}`,
      name: `Consulent ${c}`,
      email: `consulent${c}@swv-bench.nl`,
      aadObjectId: `00000000-0000-4000-8002-${hex12(c)}`,
    });
  }
  people.push({ id: 'admin-0', name: 'Beheerder Bench', email: 'beheer@swv-bench.nl', aadObjectId: `00000000-0000-4000-8003-${hex12(0)}` });
  for (let i = 0; i < coordinators; i++) {
    const u = coordinator(i);
    people.push({ id: `coord-${i}`, name: u.name, email: `coord${i}@school-bench.nl`, aadObjectId: u.aadObjectId });
  }
  return {
    swv: { name: 'Samenwerkingsverband Benchstreek', code: 'PO2998', tenantId: BENCH_TENANT_ID },
    people,
    consultants: Array.from({ length: consultants }, (_, c) => ({
      person: `consultant-${c}`,
      channel: { teamId: '19:team-bench@thread.tacv2', channelId: `19:kanaal-${c}@thread.tacv2` },
    })),
    schools: Array.from({ length: schools }, (_, s) => ({
      brin: brin(s),
      name: `Bench school ${s}`,
      sector: (['PO', 'SBO', 'SO', 'VO'] as const)[s % 4]!,
      consultant: `consultant-${Math.floor(s / schoolsPerConsultant)}`,
      coordinators: Array.from({ length: Math.min(perSchool, coordinators - s * perSchool) }, (_, k) => `coord-${s * perSchool + k}`),
      jes: [{ role: 'smw' as const, name: `SMW ${s}`, email: `smw${s}@welzijn-bench.nl`, organisation: 'Welzijn Benchstreek' }],
    })),
    roles: { admins: ['admin-0'], thuiszittersteam: [] },
  };
}
