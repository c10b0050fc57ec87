// The SOT office revokes a person's agenda links: "agenda intrekken <naam of e-mail>" in the personal chat.
// The links (printable month, PDF, calendar feed) then answer 410; the person's next look at the agenda
// in Teams gives new ones. Audited as agenda.revokeLinks.
import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../../../cards/render.ts';
import { noticeCard } from '../../../cards/notice.ts';
import type { Services } from '../../services.ts';
import { findPeopleForAgendaRevoke, revokeAgendaTokens } from '../../store/agendaTokens.ts';
import { onCommand, type App } from '../../teams/routes.ts';
import { resolveActor } from '../../teams/turn.ts';
import { nl } from '../../domain/wording/register.ts';

export const REVOKE_COMMAND = /^\s*agenda(?:link(?:s)?)?\s+intrekken\b\s*(.*)$/is;
const EXAMPLE = 'agenda intrekken c.smit@school.nl';

export function registerAgendaLinks(app: App, services: Services): void {
  onCommand(app, 'agenda.revokeLinks', REVOKE_COMMAND, 'personal', (context) => revokeLinks(context, services));
}

async function reply(context: TurnContext, card: ReturnType<typeof noticeCard>) {
  await context.sendActivity({ attachments: [cardAttachment(card)] });
}

export async function revokeLinks(context: TurnContext, services: Services): Promise<void> {
  const actor = await resolveActor(context, services);
  if (!actor?.isAdmin) {
    await reply(
      context,
      noticeCard({
        title: 'Alleen voor het SOT-bureau',
        tone: 'attention',
        paragraphs: [
          nl`Agendalinks intrekken kan alleen het SOT-bureau. Denkt u dat iemand anders uw agendalink heeft? Neem dan contact op met het SOT-bureau.`,
        ],
      }),
    );
    return;
  }
  const query = (REVOKE_COMMAND.exec(context.activity.text ?? '')?.[1] ?? '').trim().replace(/^["'<]|[">']$/g, '');
  if (query.length < 2) {
    await reply(
      context,
      noticeCard({
        title: 'Wiens agendalinks?',
        paragraphs: [
          `Typ achter "agenda intrekken" de naam of het e-mailadres van de persoon, bijvoorbeeld: ${EXAMPLE}`,
          'Zijn of haar links naar de afdrukbare maand, de pdf en het agenda-abonnement werken daarna niet meer; bij de volgende keer dat de persoon de agenda opent in de SOT-bot, komen er nieuwe.',
        ],
      }),
    );
    return;
  }
  const people = await findPeopleForAgendaRevoke(services.db, actor.swvId, query);
  if (people.length === 0) {
    await reply(
      context,
      noticeCard({
        title: 'Niemand gevonden',
        tone: 'warning',
        paragraphs: [
          `Er staat niemand met de naam of het e-mailadres "${query}" in de organisatie. Controleer de spelling, of gebruik het e-mailadres.`,
        ],
      }),
    );
    return;
  }
  if (people.length > 1) {
    const shown = people.slice(0, 10);
    await reply(
      context,
      noticeCard({
        title: nl`Wie bedoelt u?`,
        tone: 'warning',
        paragraphs: [
          nl`"${query}" past bij ${people.length > 10 ? 'meer dan 10' : people.length} mensen. Er is niets ingetrokken. Typ het e-mailadres van wie u bedoelt, bijvoorbeeld: agenda intrekken ${shown[0]!.email}`,
        ],
        facts: shown.map((p) => ({ label: p.name, value: `${p.email}${p.active ? '' : ' (niet meer actief)'}` })),
      }),
    );
    return;
  }
  const person = people[0]!;
  const revoked = await revokeAgendaTokens(services.db, person.id, actor.personId, services.now());
  services.logger.info({ route: 'agenda.revokeLinks', personId: person.id, revoked }, 'agenda links revoked');
  await reply(
    context,
    noticeCard(
      revoked > 0
        ? {
            title: 'Agendalinks ingetrokken',
            tone: 'good',
            paragraphs: [
              `De persoonlijke agendalinks van ${person.name} werken niet meer: de afdrukbare maand, de pdf en het agenda-abonnement.`,
              `Opent ${person.name} de jaaragenda weer in de SOT-bot, dan komen er nieuwe links. Een abonnement in Outlook of Google Agenda moet dan opnieuw worden toegevoegd.`,
            ],
            facts: [
              { label: 'Naam', value: person.name },
              { label: 'E-mail', value: person.email },
            ],
          }
        : {
            title: 'Geen agendalinks om in te trekken',
            paragraphs: [`${person.name} heeft op dit moment geen agendalinks. Er is niets veranderd.`],
            facts: [
              { label: 'Naam', value: person.name },
              { label: 'E-mail', value: person.email },
            ],
          },
    ),
  );
}
