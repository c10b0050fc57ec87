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

const counts = (): KindCounts => ({ created: 0, updated: 0, deactivated: 0 });

/** A summary of nothing changed yet, to count into. */
export function emptySummary(): ImportSummary {
  return {
    changed: false,
    swv: { created: false, updated: false },
    people: counts(),
    consultants: counts(),
    schools: counts(),
    coordinators: { added: 0, removed: 0 },
    jes: { schoolsUpdated: 0 },
  };
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
