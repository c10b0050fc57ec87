import { z } from 'zod';

// `swv.contact` in the organisation file: how schools reach the SOT office (bereikbaarheid). Optional; a
// file without it means what it always did. Messages in Dutch, like the rest of the file's checks.

export const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;
export type Day = (typeof DAYS)[number];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_HOURS = 21;
const MAX_NOTE = 300;

const time = z.string().trim().regex(TIME, { message: 'is geen tijd: schrijf UU:MM, bijvoorbeeld 08:30' });

const hours = z
  .object({
    day: z.string().trim().toLowerCase().pipe(z.enum(DAYS)),
    from: time,
    to: time,
  })
  .superRefine((h, ctx) => {
    if (TIME.test(h.from) && TIME.test(h.to) && h.from >= h.to) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `moet later zijn dan from (${h.from})` });
    }
  });

/** Digits, spaces, a leading +, dashes and brackets; 6 to 15 digits ("0512 123 456", "+31 512 123456"). */
const phone = z
  .string()
  .trim()
  .refine((p) => /^\+?[0-9 ()-]+$/.test(p) && /^[0-9]{6,15}$/.test(p.replace(/\D/g, '')), {
    message: 'is geen telefoonnummer: gebruik cijfers, spaties, eventueel + - of haakjes (voorbeeld: 0512 123 456)',
  });

export const contactSchema = z
  .object({
    hours: z
      .array(hours)
      .max(MAX_HOURS, { message: `mag hoogstens ${MAX_HOURS} tijdvakken bevatten` })
      .optional(),
    phone: phone.optional(),
    email: z.string().trim().toLowerCase().email({ message: 'is geen geldig e-mailadres (voorbeeld: sot@swv.nl)' }).optional(),
    note: z
      .string()
      .trim()
      .min(1)
      .max(MAX_NOTE, { message: `is langer dan ${MAX_NOTE} tekens; houd de opmerking kort` })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.hours?.length && c.phone === undefined && c.email === undefined && c.note === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'is leeg: vul ten minste een van hours, phone, email of note in, of laat contact weg',
      });
    }
  });

const TIME_OK = (t: unknown): t is string => typeof t === 'string' && TIME.test(t.trim());

/**
 * Two periods on one day that overlap are a typing error (a split day is fine: 08:30–12:00 and
 * 13:00–16:30). Checked on the raw file, like the references, so it is listed together with any other
 * mistake rather than only once those are fixed.
 */
export function checkContactHours(root: Record<string, unknown>): { path: string; message: string }[] {
  const swv = root.swv as { contact?: { hours?: unknown } } | undefined;
  const hours = swv?.contact?.hours;
  if (!Array.isArray(hours)) return [];
  const periods = hours.map((h) => {
    const { day, from, to } = (h ?? {}) as Record<string, unknown>;
    const name = typeof day === 'string' ? day.trim().toLowerCase() : '';
    if (!(DAYS as readonly string[]).includes(name) || !TIME_OK(from) || !TIME_OK(to)) return null;
    return from.trim() < to.trim() ? { day: name, from: from.trim(), to: to.trim() } : null;
  });
  const errors: { path: string; message: string }[] = [];
  periods.forEach((b, j) => {
    if (!b) return;
    const i = periods.findIndex((a, k) => k < j && a !== null && a.day === b.day && a.from < b.to && b.from < a.to);
    if (i >= 0) {
      const a = periods[i]!;
      errors.push({ path: `$.swv.contact.hours[${j}]`, message: `overlapt met $.swv.contact.hours[${i}] (${a.day} ${a.from}–${a.to})` });
    }
  });
  return errors;
}

export type SwvContact = z.output<typeof contactSchema>;
export type OfficeHours = NonNullable<SwvContact['hours']>[number];

/**
 * The contact as stored (Swv.contact): only the keys that have a value, hours in the file's order.
 * Stored JSON comes back with its keys in another order, so comparisons use `sameContact`.
 */
export function storedContact(contact: SwvContact | undefined): SwvContact | null {
  if (!contact) return null;
  return {
    ...(contact.hours?.length ? { hours: contact.hours.map(({ day, from, to }) => ({ day, from, to })) } : {}),
    ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
    ...(contact.email !== undefined ? { email: contact.email } : {}),
    ...(contact.note !== undefined ? { note: contact.note } : {}),
  };
}

/** Key order does not count (PostgreSQL's jsonb sorts keys its own way); array order does. */
export function sameContact(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A stored contact read back, or null when there is none (or it is unreadable). */
export function readContact(json: unknown): SwvContact | null {
  if (json === null || json === undefined) return null;
  const parsed = contactSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
