// Turns a request's stored fields into the lines people read. Who reads decides how much of the
// pupil is shown: the coordinator sees what they typed; the channel card shows initials only.
import { formatDate, formatIsoDate, formatLocalDateTime } from '../../domain/time.ts';
import { DAY_PARTS, FORMS, WITH_WHOM } from '../../domain/requests/spreekuur.ts';
import type { Holiday } from '../../domain/schoolCalendar.ts';
import { thuiszitterFacts } from './thuiszitterFacts.ts';
import { JES_LOCATION, JES_OPTIONAL, JES_ROLE_LABEL, type JesParticipant } from '../../domain/requests/jes.ts';
import {
  ADVICE,
  ADVIES_KIND,
  EXPERT_ADVICE,
  type Gatekeeping,
  PARENTS_AGREE,
  PARENTS_KNOW,
  TLV_DECISION,
} from '../../domain/requests/advies.ts';
import type { TypedDetails } from '../../domain/requests/record.ts';
import { URGENCY, type Pupil } from '../../domain/requests/types.ts';
import { type Audience, pupilLine } from './pupilLine.ts';
import type { Fact } from '../../../cards/requestCards.ts';

export type { Audience } from './pupilLine.ts';

export function requestFacts(
  request: TypedDetails,
  pupil: Pupil | null | undefined,
  audience: Audience,
  now: Date,
  /** The school's holidays, for a thuiszitter's school weeks absent. */
  holidays: readonly Holiday[] = [],
  /** A closed or withdrawn request (then `now` is when it ended). */
  ended = false,
): Fact[] {
  switch (request.type) {
    case 'spreekuur': {
      const d = request.details;
      const withWhom = d.withWhom.map((w) => (w === 'anders' ? d.withWhomOther || 'Anders' : WITH_WHOM[w])).join(', ');
      return [
        { label: 'Vraag', value: d.question },
        { label: 'Met wie', value: withWhom },
        { label: 'Leerling', value: pupilLine(pupil, audience) },
        { label: 'Voorkeur', value: d.moments.map((m) => `${formatIsoDate(m.date)}, ${DAY_PARTS[m.dayPart].toLowerCase()}`).join('; ') },
        { label: 'Vorm', value: FORMS[d.form] },
        { label: 'Urgentie', value: URGENCY[d.urgency] },
      ];
    }
    case 'thuiszitter':
      return thuiszitterFacts(request.details, pupil, audience, now, holidays, ended);
    case 'jes': {
      const d = request.details;
      return [
        { label: 'Leerling of onderwerp', value: d.subject },
        { label: 'Vraag', value: d.question },
        { label: 'Deelnemers', value: d.participants.map(participantLine).join('; ') },
        { label: 'Voorgestelde momenten', value: d.moments.map(formatLocalDateTime).join('; ') },
        { label: 'Locatie', value: d.location === 'anders' ? d.address : JES_LOCATION[d.location] },
      ];
    }
    case 'advies': {
      const d = request.details;
      return [
        { label: 'Advies over', value: ADVIES_KIND[d.kind] },
        { label: 'Leerling', value: pupilLine(pupil, audience) },
        { label: 'Vraag', value: d.question },
        { label: 'Redenen', value: d.reasons },
        { label: 'Wat de school al deed', value: d.tried },
        { label: 'Ouders op de hoogte', value: PARENTS_KNOW[d.parentsKnow] },
        { label: 'Ouders akkoord', value: PARENTS_AGREE[d.parentsAgree] },
        ...(d.desiredStart ? [{ label: 'Gewenste start', value: formatIsoDate(d.desiredStart) }] : []),
      ];
    }
    case 'kijkOpSchool': {
      const d = request.details;
      return [
        { label: 'Wat bekijken', value: d.question },
        { label: 'Groep of klas', value: d.group },
        { label: 'Leerling', value: pupilLine(pupil, audience) },
        // A visit the consultant proposed has no preferred moments: it was planned at once.
        ...(d.moments.length
          ? [
              {
                label: 'Voorkeur',
                value: d.moments.map((m) => `${formatIsoDate(m.date)}, ${DAY_PARTS[m.dayPart].toLowerCase()}`).join('; '),
              },
            ]
          : []),
      ];
    }
    default:
      return unknownType(request);
  }
}

/** The compiler makes sure every type is handled above; at run time an unknown type shows nothing. */
function unknownType(request: never): Fact[] {
  void request;
  return [];
}

/** The consultant's advice and, for a TLV, the experts and the SWV's decision (facts only; documents are in OT). */
export function gatekeepingFacts(gatekeeping: Gatekeeping | null): Fact[] {
  if (!gatekeeping) return [];
  const facts: Fact[] = [];
  const a = gatekeeping.advice;
  if (a) {
    facts.push({
      label: 'Advies consulent',
      value: `${ADVICE[a.advice]} (${a.givenBy}, ${formatIsoDate(a.givenAt)}), geldig tot ${formatIsoDate(a.validUntil)}`,
    });
    facts.push({ label: 'Motivering', value: a.motivation });
  }
  const tlv = gatekeeping.tlv;
  if (tlv) {
    facts.push({
      label: 'In Onderwijs Transparant',
      value: tlv.inOtSince ? `Ja, sinds ${formatIsoDate(tlv.inOtSince)}` : 'Nog niet vastgelegd',
    });
    for (const [i, e] of tlv.experts.entries()) {
      facts.push({
        label: `Deskundige ${i + 1}`,
        value: `${e.discipline}: ${EXPERT_ADVICE[e.advice].toLowerCase()} (${formatIsoDate(e.received)})`,
      });
    }
    if (tlv.experts.length < 2) facts.push({ label: 'Deskundigen', value: `${tlv.experts.length} van de 2 adviezen binnen` });
    const d = tlv.decision;
    if (d)
      facts.push({
        label: 'Besluit SWV',
        value:
          d.outcome === 'toegekend' && d.start && d.end
            ? `Toegekend, ${formatIsoDate(d.start)} tot ${formatIsoDate(d.end)}`
            : TLV_DECISION[d.outcome],
      });
  }
  return facts;
}

const PARTICIPANT_ROLE: Record<string, string> = {
  consultant: 'SOT-consulent',
  smw: 'schoolmaatschappelijk werk',
  leerplicht: 'leerplicht',
  jgz: 'JGZ',
  ouders: 'ouders',
  leerkracht: 'leerkracht',
  other: 'overig',
};

function participantLine(p: JesParticipant): string {
  if (!p.name) return (JES_OPTIONAL as Record<string, string>)[p.role] ?? JES_ROLE_LABEL[p.role] ?? 'Deelnemer';
  return `${p.name} (${PARTICIPANT_ROLE[p.role] ?? 'deelnemer'})`;
}

const EVENT_LABEL: Record<string, string> = {
  submitted: 'Verstuurd',
  withdrawn: 'Ingetrokken',
  claim: 'Opgepakt',
  plan: 'Ingepland',
  move: 'Verzet',
  ask: 'Vraag gesteld',
  answer: 'Vraag beantwoord',
  handover: 'Overgedragen',
  close: 'Afgerond',
  report: 'Gegevens en meldingen bijgewerkt',
  back: 'Terug naar school',
  identify: 'Leerling alsnog genoemd',
  advise: 'Advies gegeven',
  tlv: 'TLV-verloop bijgewerkt',
  visit: 'Kijk op School voorgesteld',
  jes: 'Aangemeld voor JES',
  expire: 'Automatisch afgesloten (lange tijd geen activiteit)',
};

/** One line per history entry. Notes of hand-overs are internal to the SOT and left out for schools. */
export function historyLines(
  events: { at: Date; action: string; note: string | null; actorName?: string }[],
  audience: Audience,
): string[] {
  return events.map((e) => {
    const note = e.note && !(audience === 'coordinator' && e.action === 'handover') ? ` (${e.note})` : '';
    return `${formatDate(e.at)}: ${EVENT_LABEL[e.action] ?? e.action}${e.actorName ? ` door ${e.actorName}` : ''}${note}`;
  });
}
