/** The number users quote: "SOT-2027-0042" (year of filing, Dutch time; numbered per year). */
export function formatReference(year: number, sequence: number): string {
  return `SOT-${year}-${String(sequence).padStart(4, '0')}`;
}
