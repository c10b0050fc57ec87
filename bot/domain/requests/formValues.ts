import { DateTime } from 'luxon';
import { ZONE } from '../time.ts';
import type { FieldErrors } from './types.ts';
import { cleanText } from '../text.ts';

/**
 * Reads card input values (always strings, or absent) and collects Dutch errors per field.
 * Used by the three request types; every check the card itself makes is repeated here.
 */
export class FormReader {
  readonly errors: FieldErrors = {};
  constructor(
    private readonly values: Record<string, unknown>,
    readonly now: Date,
  ) {}

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  fail(field: string, message: string): void {
    this.errors[field] ??= message;
  }

  /** The value as typed, cleaned of control characters (text.ts), trimmed; objects and arrays count as empty. */
  raw(field: string): string {
    const v = this.values[field];
    if (v === undefined || v === null || typeof v === 'object') return '';
    return cleanText(String(v)).trim();
  }

  text(field: string, opts: { required?: string; max: number; label: string }): string {
    const v = this.raw(field);
    if (!v && opts.required) this.fail(field, opts.required);
    if (v.length > opts.max) this.fail(field, `${opts.label} is te lang: maximaal ${opts.max} tekens (nu ${v.length}).`);
    return v;
  }

  choice<T extends string>(field: string, allowed: readonly T[], opts: { required?: string } = {}): T | undefined {
    const v = this.raw(field);
    if (!v) {
      if (opts.required) this.fail(field, opts.required);
      return undefined;
    }
    if (!allowed.includes(v as T)) {
      this.fail(field, 'Kies een van de mogelijkheden uit de lijst.');
      return undefined;
    }
    return v as T;
  }

  /** Multi-select: Teams sends "a,b,c". */
  choices<T extends string>(field: string, allowed: readonly T[]): T[] {
    const v = this.raw(field);
    if (!v) return [];
    const picked = [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (picked.some((p) => !allowed.includes(p as T))) this.fail(field, 'Kies alleen uit de mogelijkheden in de lijst.');
    return picked.filter((p): p is T => allowed.includes(p as T));
  }

  /** A calendar date (YYYY-MM-DD, as Input.Date sends it) in Dutch time. */
  date(
    field: string,
    opts: { required?: string; notInFuture?: boolean; notInPast?: boolean; label: string; maxYearsAhead?: number },
  ): string | undefined {
    const v = this.raw(field);
    if (!v) {
      if (opts.required) this.fail(field, opts.required);
      return undefined;
    }
    const d = DateTime.fromISO(v, { zone: ZONE });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !d.isValid) {
      this.fail(field, `${opts.label}: vul een bestaande datum in (dag-maand-jaar).`);
      return undefined;
    }
    const today = this.today();
    if (opts.notInFuture && d > today) this.fail(field, `${opts.label} kan niet in de toekomst liggen.`);
    if (opts.notInPast && d < today) this.fail(field, `${opts.label} moet vandaag of later zijn.`);
    if (d.year < 1990 || d.year > today.year + (opts.maxYearsAhead ?? 2)) this.fail(field, `${opts.label}: controleer het jaartal.`);
    return v;
  }

  /** A time (HH:MM, as Input.Time sends it). */
  time(field: string, opts: { required?: string; label: string }): string | undefined {
    const v = this.raw(field);
    if (!v) {
      if (opts.required) this.fail(field, opts.required);
      return undefined;
    }
    const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      this.fail(field, `${opts.label}: vul een tijd in als uu:mm, bijvoorbeeld 09:30.`);
      return undefined;
    }
    return `${m[1]!.padStart(2, '0')}:${m[2]}`;
  }

  email(field: string, opts: { required?: string; label: string }): string | undefined {
    const v = this.raw(field).toLowerCase();
    if (!v) {
      if (opts.required) this.fail(field, opts.required);
      return undefined;
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || v.length > 200) {
      this.fail(field, `${opts.label}: dit is geen geldig e-mailadres.`);
      return undefined;
    }
    return v;
  }

  today(): DateTime {
    return DateTime.fromJSDate(this.now, { zone: ZONE }).startOf('day');
  }
}
