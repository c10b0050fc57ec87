import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../../../cards/notice.ts';
import { cardAttachment } from '../../../cards/render.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';
import { resolveActor } from '../../teams/turn.ts';
import { nl } from '../../domain/wording/register.ts';

type LinkTarget = { kind: 'self' } | { kind: 'office' } | { kind: 'thuiszittersteam' } | { kind: 'consultant'; query: string };

/** "koppel", "koppel administratie", "koppel thuiszittersteam", "koppel <naam of e-mail>". */
export function parseLinkCommand(text: string): LinkTarget | null {
  const match = /^\s*koppel(?:\s+(.*))?$/i.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return null;
  const rest = (match[1] ?? '').trim();
  if (!rest || /^(mij|mijzelf|mezelf)$/i.test(rest)) return { kind: 'self' };
  if (/^(administratie|sot-bureau|bureau|beheer)$/i.test(rest)) return { kind: 'office' };
  if (/^thuiszitters(team)?$/i.test(rest)) return { kind: 'thuiszittersteam' };
  return { kind: 'consultant', query: rest };
}

export async function linkChannel(context: TurnContext, services: Services): Promise<void> {
  const reply = (title: string, paragraphs: string[], tone: 'good' | 'attention' = 'good') =>
    context.sendActivity({ attachments: [cardAttachment(noticeCard({ title, paragraphs, tone }))] });

  const teamId: string | undefined = context.activity.channelData?.team?.id;
  const channelId: string | undefined = context.activity.channelData?.channel?.id;
  if (!teamId || !channelId) {
    await reply(
      'Koppelen kan alleen in een kanaal',
      ['Vermeld @SOT-bot in het kanaal van het team waar de aanvragen moeten komen en typ daar "koppel".'],
      'attention',
    );
    return;
  }
  const target = parseLinkCommand(context.activity.text ?? '') ?? { kind: 'self' as const };
  const actor = await resolveActor(context, services);
  if (!actor) {
    await reply(
      nl`U staat niet in de organisatielijst`,
      ['Alleen consulenten en beheerders van het SOT kunnen kanalen koppelen.'],
      'attention',
    );
    return;
  }
  const result = await applyLink(services, actor, target, { teamId, channelId, tenantId: context.activity.conversation?.tenantId });
  await reply(result.ok ? 'Kanaal gekoppeld' : 'Koppelen is niet gelukt', [result.message], result.ok ? 'good' : 'attention');
}

async function applyLink(
  services: Services,
  actor: Actor,
  target: LinkTarget,
  channel: { teamId: string; channelId: string; tenantId?: string },
): Promise<{ ok: boolean; message: string }> {
  const { db } = services;
  const audit = (action: string, subjectType: string, subjectId: string) =>
    db.auditEntry.create({ data: { actorId: actor.personId, action, subjectType, subjectId, details: channel } });

  if (target.kind === 'self') {
    if (!actor.isConsultant) {
      return {
        ok: false,
        message:
          'Alleen een SOT-consulent kan een kanaal aan zichzelf koppelen. Beheerders typen "koppel" met de naam of het e-mailadres van de consulent.',
      };
    }
    await db.consultant.update({ where: { personId: actor.personId }, data: { teamId: channel.teamId, channelId: channel.channelId } });
    await audit('channel.link', 'consultant', actor.personId);
    return { ok: true, message: nl`Nieuwe aanvragen van uw scholen komen vanaf nu in dit kanaal, ${actor.name}.` };
  }
  if (!actor.isAdmin) {
    return {
      ok: false,
      message:
        'Alleen beheerders van het SOT-bureau kunnen dit kanaal aan iemand anders of aan het SOT-bureau koppelen. Consulenten typen alleen "koppel".',
    };
  }
  if (target.kind === 'office' || target.kind === 'thuiszittersteam') {
    const office = target.kind === 'office';
    await db.swv.update({
      where: { id: actor.swvId },
      data: office
        ? { adminTeamId: channel.teamId, adminChannelId: channel.channelId }
        : { tztTeamId: channel.teamId, tztChannelId: channel.channelId },
    });
    await audit(office ? 'channel.linkOffice' : 'channel.linkThuiszittersteam', 'swv', actor.swvId);
    return {
      ok: true,
      message: office
        ? 'Dit is nu het kanaal van het SOT-bureau: aanmeldingen en aanvragen zonder gekoppeld consulentenkanaal komen hier.'
        : 'Thuiszittermeldingen worden vanaf nu ook in dit kanaal geplaatst voor het Thuiszittersteam.',
    };
  }
  const query = target.query.toLowerCase();
  const candidates = await db.consultant.findMany({
    where: { active: true, person: { swvId: actor.swvId, active: true } },
    include: { person: true },
  });
  const matches = candidates.filter((c) => c.person.email === query || c.person.name.toLowerCase() === query);
  const loose = matches.length ? matches : candidates.filter((c) => c.person.name.toLowerCase().includes(query));
  if (loose.length !== 1) {
    const names = loose.map((c) => c.person.name).join(', ');
    return {
      ok: false,
      message: loose.length
        ? `"${target.query}" past bij meerdere consulenten (${names}). Gebruik het e-mailadres.`
        : `Ik vind geen consulent "${target.query}". Gebruik de naam of het e-mailadres zoals in de organisatielijst.`,
    };
  }
  const consultant = loose[0]!;
  await db.consultant.update({ where: { personId: consultant.personId }, data: { teamId: channel.teamId, channelId: channel.channelId } });
  await audit('channel.link', 'consultant', consultant.personId);
  return { ok: true, message: `Nieuwe aanvragen van de scholen van ${consultant.person.name} komen vanaf nu in dit kanaal.` };
}
