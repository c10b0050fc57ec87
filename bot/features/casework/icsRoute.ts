import type { Logger } from '../../log.ts';
import type { HttpRoute } from '../../httpRoute.ts';
import type { Db } from '../../store/database.ts';
import { appointmentInvitation, verifyRequestLink } from './ics.ts';

/** GET /ics/:requestId/:token.ics: the calendar file of a planned appointment (for a JES-overleg the invitation the coordinator forwards). */
export function icsRoute(db: Db, secret: string, logger: Logger): HttpRoute {
  return {
    path: '/ics/:requestId/:file',
    handle: async ({ requestId = '', file = '' }) => {
      const token = file.replace(/\.ics$/, '');
      const notFound = { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Deze agenda-uitnodiging bestaat niet (meer).' };
      if (!verifyRequestLink(secret, requestId, token)) return notFound;
      const invitation = await appointmentInvitation(db, requestId);
      if (!invitation) return notFound;
      await db.auditEntry.create({ data: { action: 'request.downloadIcs', subjectType: 'request', subjectId: requestId } });
      logger.info({ route: 'ics', requestId }, 'calendar file served');
      return { status: 200, contentType: 'text/calendar; charset=utf-8', body: invitation.ics, filename: invitation.fileName };
    },
  };
}
