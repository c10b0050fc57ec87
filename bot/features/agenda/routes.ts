// The year agenda on the web, behind each person's token (tokens.ts):
//   GET /agenda/YYYY-MM?token=…      the printable month (HTML, A4)
//   GET /agenda/YYYY-MM.pdf?token=…  the same page as a PDF (503 with a Dutch page when Chromium is missing)
//   GET /agenda.ics?token=…          the calendar feed to subscribe to
// HEAD works too. A revoked token answers 410, any other bad token (or a deactivated person) 403.
import type { HttpAnswer, HttpRoute } from '../../httpRoute.ts';
import type { Services } from '../../services.ts';
import { agendaItemsBetween, agendaItemsFor, swvById } from '../../store/agendaItems.ts';
import { agendaViewOf, audiencesOf } from './audience.ts';
import { agendaFeed } from './feed.ts';
import type { PdfPrinter } from './pdf.ts';
import { messagePage, monthBounds, monthKey, monthWindow, parseMonth, renderMonthPage, shiftMonth, type MonthRef } from './printMonth.ts';
import { checkAgendaToken, type TokenCheck } from './tokens.ts';
import { nl } from '../../domain/wording/register.ts';

/** Personal pages: never in a shared cache, never indexed, no referrer with the token in it. */
const PRIVATE = {
  'cache-control': 'private, max-age=300',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
};
const NO_STORE = { ...PRIVATE, 'cache-control': 'private, no-store' };
/** The pages load nothing: inline styles only, no scripts. */
const HTML_POLICY = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};
const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

const htmlAnswer = (status: number, body: string, headers = NO_STORE): HttpAnswer => ({
  status,
  contentType: HTML,
  body,
  headers: { ...headers, ...HTML_POLICY },
});

const OPEN_IN_TEAMS = nl`Open de jaaragenda in de SOT-bot in Teams voor uw persoonlijke link.`;

/** Why a token was refused, in Dutch: a title and one or two lines. */
function refusal(reason: Exclude<TokenCheck, { ok: true }>['reason']): { status: number; title: string; lines: string[] } {
  switch (reason) {
    case 'revoked':
      return {
        status: 410,
        title: 'Deze link is ingetrokken',
        lines: [
          'Het SOT-bureau heeft deze persoonlijke agendalink ingetrokken.',
          nl`${OPEN_IN_TEAMS} Had u de agenda in Outlook of Google Agenda gezet? Voeg hem dan met de nieuwe link opnieuw toe.`,
        ],
      };
    case 'inactive':
      return {
        status: 403,
        title: 'Deze link werkt niet meer',
        lines: [
          'Deze agendalink hoort bij iemand die niet meer bij het samenwerkingsverband staat ingeschreven.',
          'Klopt dat niet? Neem contact op met het SOT-bureau.',
        ],
      };
    default:
      return { status: 403, title: 'Deze link werkt niet', lines: ['Deze agendalink is niet (meer) geldig.', OPEN_IN_TEAMS] };
  }
}

export function agendaRoutes(services: Services, pdf: PdfPrinter): HttpRoute[] {
  const { db, logger } = services;
  const { baseUrl, tokenFor } = services.agendaLinks;
  const linkTo = (path: string, token: string) => `${baseUrl}${path}?token=${encodeURIComponent(token)}`;

  /** The token's holder and what they see, or the answer that refuses it. */
  async function reader(token: string | null, asHtml: boolean) {
    const check = await checkAgendaToken(db, tokenFor, token);
    if (check.ok) {
      const view = agendaViewOf(check.holder);
      return { ok: true as const, holder: check.holder, view, audiences: audiencesOf(view) };
    }
    const r = refusal(check.reason);
    logger.info({ route: 'agenda', reason: check.reason }, 'agenda link refused');
    const answer: HttpAnswer = asHtml
      ? htmlAnswer(r.status, messagePage(r.title, r.lines))
      : { status: r.status, contentType: TEXT, body: `${r.title}. ${r.lines.join(' ')}\n`, headers: NO_STORE };
    return { ok: false as const, answer };
  }

  const month: HttpRoute = {
    path: '/agenda/:month',
    handle: async ({ month: raw = '' }, { query }) => {
      const wantsPdf = raw.endsWith('.pdf');
      const ref = parseMonth(wantsPdf ? raw.slice(0, -4) : raw, services.now());
      if (!ref) {
        const { from, to } = monthWindow(services.now());
        return htmlAnswer(
          400,
          messagePage('Deze maand bestaat niet', [
            nl`Een maand schrijft u als jaar en maand, bijvoorbeeld ${from + 1}-09 voor september ${from + 1}. Het kan een maand zijn van januari ${from} tot en met december ${to}.`,
          ]),
        );
      }
      const token = query.get('token');
      const who = await reader(token, true);
      if (!who.ok) return who.answer;
      const swv = await swvById(db, who.holder.swvId);
      const { first, last } = monthBounds(ref);
      const items = await agendaItemsBetween(db, who.holder.swvId, who.audiences, first, last);
      const inWindow = (m: MonthRef) => parseMonth(monthKey(m), services.now()) !== null;
      const previous = shiftMonth(ref, -1);
      const next = shiftMonth(ref, 1);
      const key = monthKey(ref);
      const html = renderMonthPage({
        swvName: swv?.name ?? 'Samenwerkingsverband',
        month: ref,
        items,
        view: who.view,
        generatedAt: services.now(),
        links: {
          previous: inWindow(previous) ? linkTo(`/agenda/${monthKey(previous)}`, token!) : undefined,
          next: inWindow(next) ? linkTo(`/agenda/${monthKey(next)}`, token!) : undefined,
          pdf: linkTo(`/agenda/${key}.pdf`, token!),
        },
      });
      if (!wantsPdf) {
        logger.debug({ route: 'agenda.month', personId: who.holder.id }, 'agenda month served');
        return htmlAnswer(200, html, PRIVATE);
      }
      const file = await pdf.print(html);
      if (!file) {
        return htmlAnswer(
          503,
          messagePage(
            'De pdf kan nu niet worden gemaakt',
            [
              'Het maken van een pdf lukt op dit moment niet.',
              nl`Open de webpagina van deze maand en druk die af: Ctrl+P (op een Mac Cmd+P), papier A4 staand. Daar kunt u ook "Opslaan als pdf" kiezen.`,
            ],
            { href: linkTo(`/agenda/${key}`, token!), text: `Naar de webpagina van ${key}` },
          ),
        );
      }
      logger.debug({ route: 'agenda.pdf', personId: who.holder.id }, 'agenda PDF served');
      return {
        status: 200,
        contentType: 'application/pdf',
        body: file,
        headers: { ...PRIVATE, 'content-disposition': `inline; filename="jaaragenda-${key}.pdf"` },
      };
    },
  };

  const feed: HttpRoute = {
    path: '/agenda.ics',
    handle: async (_params, { query }) => {
      const who = await reader(query.get('token'), false);
      if (!who.ok) return who.answer;
      const swv = (await swvById(db, who.holder.swvId)) ?? { name: 'Samenwerkingsverband', code: 'swv' };
      const items = await agendaItemsFor(db, who.holder.swvId, who.audiences);
      logger.debug({ route: 'agenda.feed', personId: who.holder.id }, 'agenda feed served');
      return {
        status: 200,
        contentType: 'text/calendar; charset=utf-8',
        body: agendaFeed({ swv, items, view: who.view }),
        headers: { ...PRIVATE, 'content-disposition': 'inline; filename="jaaragenda.ics"' },
      };
    },
  };

  return [month, feed];
}
