import type { HttpRoute } from '../../httpRoute.ts';
import type { Logger } from '../../log.ts';
import type { Db } from '../../store/database.ts';
import { verifyReportLink } from './reportLink.ts';
import { parseSchoolYear } from './schoolYear.ts';
import { reportCsv, thuiszitterReport } from './thuiszitterReport.ts';
import { nl } from '../../domain/wording/register.ts';

const text = (status: number, body: string) => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
  headers: { 'cache-control': 'no-store' },
});

const NEW_LINK = nl`Typ "rapportage" in uw chat met de SOT-bot voor een nieuwe link.`;
export const FORBIDDEN_TEXT = {
  invalid: `Deze downloadlink is niet geldig. ${NEW_LINK}`,
  expired: `Deze downloadlink is verlopen (een link werkt een uur). ${NEW_LINK}`,
  notAdmin: 'Deze rapportage is alleen voor beheerders van het SOT-bureau.',
};

/**
 * GET /rapportage/thuiszitters/:schooljaar.csv?p=…&exp=…&sig=…: the anonymised report, for the admin the
 * link was made for, while the link is valid and they are still an admin. Each download is audited.
 */
export function reportRoute(db: Db, secret: string, logger: Logger, now: () => Date): HttpRoute {
  return {
    path: '/rapportage/thuiszitters/:file',
    handle: async ({ file = '' }, request) => {
      const query: Record<string, string> = {};
      for (const [name, value] of request.query) query[name] ??= value;
      const schoolYear = /^(\d{4}-\d{4})\.csv$/.exec(file)?.[1];
      if (!schoolYear) return text(404, 'Deze rapportage bestaat niet.');
      const at = now();
      const check = verifyReportLink(secret, schoolYear, query, at);
      if (!check.ok) {
        logger.warn({ route: 'rapportage', reason: check.reason }, 'report link refused');
        return text(403, FORBIDDEN_TEXT[check.reason]);
      }
      const person = await db.person.findUnique({
        where: { id: check.link.personId },
        select: { id: true, swvId: true, isAdmin: true, active: true },
      });
      if (!person?.isAdmin || !person.active) {
        logger.warn({ route: 'rapportage', reason: 'notAdmin' }, 'report link refused');
        return text(403, FORBIDDEN_TEXT.notAdmin);
      }
      const year = parseSchoolYear(schoolYear, at);
      if (!year.ok) return text(404, year.message);
      const report = await thuiszitterReport(db, person.swvId, year.year, at);
      await db.auditEntry.create({
        data: {
          actorId: person.id,
          action: 'report.download',
          subjectType: 'report',
          subjectId: `thuiszitters:${schoolYear}`,
          details: { schoolYear, quarters: report.quarters.length, signals: report.signals, rows: report.rows.length },
        },
      });
      logger.info({ route: 'rapportage', quarters: report.quarters.length, rows: report.rows.length }, 'report served');
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        body: reportCsv(report.rows),
        filename: `thuiszitters-${schoolYear}.csv`,
        headers: { 'cache-control': 'no-store' },
      };
    },
  };
}
