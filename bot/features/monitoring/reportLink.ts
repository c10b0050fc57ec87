// The download link of the monitoring report: signed with LINK_SECRET like the calendar files, but for a
// purpose of its own (so a calendar file's signature never opens a report), for one admin and one school
// year, and only until it expires.
import crypto from 'node:crypto';

const PURPOSE = 'rapportage-thuiszitters';

/** How long a link works after it was made. */
export const REPORT_LINK_MINUTES = 60;

export interface ReportLink {
  schoolYear: string;
  /** The admin the link was made for (the download is audited in their name). */
  personId: string;
  /** Expiry, in seconds since 1970. */
  expires: number;
}

export function signReportLink(secret: string, link: ReportLink): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`${PURPOSE}\n${link.schoolYear}\n${link.personId}\n${link.expires}`)
    .digest('base64url');
}

/** The path and query of the link: /rapportage/thuiszitters/2026-2027.csv?p=…&exp=…&sig=… */
export function reportLinkPath(secret: string, link: ReportLink): string {
  const query = new URLSearchParams({ p: link.personId, exp: String(link.expires), sig: signReportLink(secret, link) });
  return `/rapportage/thuiszitters/${encodeURIComponent(link.schoolYear)}.csv?${query}`;
}

export type LinkCheck = { ok: true; link: ReportLink } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature first (in constant time), then the expiry. */
export function verifyReportLink(secret: string, schoolYear: string, query: Record<string, string | undefined>, now: Date): LinkCheck {
  const personId = query.p ?? '';
  const expires = Number(query.exp);
  const given = Buffer.from(query.sig ?? '');
  if (!personId || !/^\d{1,12}$/.test(query.exp ?? '')) return { ok: false, reason: 'invalid' };
  const link = { schoolYear, personId, expires };
  const expected = Buffer.from(signReportLink(secret, link));
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, link };
}
