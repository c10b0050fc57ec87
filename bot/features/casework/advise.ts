// Advies geven (OPDC/TLV), and for a TLV what follows: continued in Onderwijs Transparant, the advices of
// the two external experts, and the SWV's decision. Only facts are kept here; the documents live in OT.
import type { FormInput } from '../../../cards/actionForm.ts';
import {
  ADVICE,
  ADVIES_KIND,
  EXPERT_ADVICE,
  type ExpertAdvice,
  type Gatekeeping,
  isTlv,
  TLV_DECISION,
  type TlvTrack,
  todayIsoIn,
} from '../../domain/requests/advies.ts';
import { tlvRouteOpen } from '../../domain/requests/record.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { toJson } from '../../store/requestRecords.ts';
import { formatIsoDate } from '../../domain/time.ts';
import { act, type CaseContext } from './act.ts';
import { choices, type FormSpec, keys, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';
import { nl } from '../../domain/wording/register.ts';

const gatekeepingOf = (ctx: CaseContext): Gatekeeping => ctx.request.gatekeeping ?? {};
const adviesKind = (ctx: CaseContext) => (ctx.request.type === 'advies' ? ctx.request.details.kind : undefined);

const adviseSpec = (ctx: CaseContext): FormSpec => {
  const kind = adviesKind(ctx);
  return {
    action: 'advise',
    title: 'Advies geven',
    intro: nl`Uw advies over ${kind ? ADVIES_KIND[kind] : 'deze aanvraag'}. De school krijgt het advies met uw motivering.${
      kind && isTlv(kind) ? ' Na een positief advies volgt u hier de TLV-aanvraag: de twee deskundigen en het besluit.' : ''
    }`,
    inputs: [
      { kind: 'choice', id: 'advice', label: 'Advies', expanded: true, required: true, choices: choices(ADVICE) },
      { kind: 'text', id: 'motivation', label: 'Motivering', multiline: true, maxLength: 2000, required: true },
      { kind: 'date', id: 'validUntil', label: 'Geldig tot', required: true },
    ],
    submitTitle: 'Advies vastleggen',
  };
};

export const adviseForm = onCase((ctx, services) => showForm(services, ctx, 'advise', () => adviseSpec(ctx)));

export const advise = onCase(async (ctx, services, data) => {
  const now = services.now();
  const f = new FormReader(data, now);
  const advice = f.choice('advice', keys(ADVICE), { required: 'Kies het advies: positief, negatief of niet nodig.' });
  const motivation = f.text('motivation', {
    required: nl`Schrijf uw motivering: de school en later OT hebben die nodig.`,
    max: 2000,
    label: 'Motivering',
  });
  const validUntil = f.date('validUntil', {
    required: 'Vul in tot wanneer het advies geldt.',
    notInPast: true,
    label: 'Geldig tot',
    maxYearsAhead: 3,
  });
  if (!f.ok || !advice || !validUntil) return showFormAgain(ctx, adviseSpec(ctx), data, f.errors);
  const kind = adviesKind(ctx);
  const followsTlv = !!kind && isTlv(kind) && advice === 'positief';
  const outcome = await act(
    services,
    ctx,
    'advise',
    async (tx, request) => {
      const gatekeeping: Gatekeeping = {
        ...(request.gatekeeping ?? {}),
        advice: { advice, motivation, validUntil, givenAt: todayIsoIn(now), givenBy: ctx.actor.name },
        ...(followsTlv ? { tlv: request.gatekeeping?.tlv ?? { experts: [] } } : {}),
      };
      const outcomeText = `Advies ${ADVICE[advice].toLowerCase()}`;
      await tx.request.update({
        where: { id: request.id },
        data: { gatekeeping: toJson(gatekeeping), advice: motivation, outcome: followsTlv ? null : outcomeText },
      });
      return {
        to: followsTlv ? 'claimed' : 'closed',
        note: outcomeText,
        coordinatorMessage: {
          title: `advies: ${ADVICE[advice].toLowerCase()}`,
          lines: [
            `${ctx.actor.name} heeft advies gegeven over ${kind ? ADVIES_KIND[kind] : nl`uw aanvraag`}: ${ADVICE[advice].toLowerCase()}.`,
            ...(followsTlv
              ? [
                  nl`U kunt de TLV nu aanvragen in Onderwijs Transparant. Leg hier vast wanneer de deskundigen adviseren en wat het besluit is.`,
                ]
              : []),
          ],
          facts: [
            { label: 'Motivering', value: motivation },
            { label: 'Geldig tot', value: formatIsoDate(validUntil) },
          ],
        },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, `Advies vastgelegd: ${ADVICE[advice].toLowerCase()}.`);
});

// ---- TLV-verloop ------------------------------------------------------------------------------

const DECISION_CHOICES = { ...TLV_DECISION, nog_niet: 'Nog geen besluit' } as const;

function tlvInputs(): FormInput[] {
  const expert = (n: 1 | 2): FormInput[] => [
    { kind: 'text', id: `expert${n}Discipline`, label: `Deskundige ${n}: discipline (bijv. orthopedagoog)`, maxLength: 100 },
    { kind: 'date', id: `expert${n}Date`, label: `Deskundige ${n}: advies ontvangen op` },
    { kind: 'choice', id: `expert${n}Advice`, label: `Deskundige ${n}: advies`, expanded: true, choices: choices(EXPERT_ADVICE) },
  ];
  return [
    { kind: 'toggle', id: 'inOt', label: 'Onderwijs Transparant', title: 'De TLV-aanvraag loopt in Onderwijs Transparant' },
    ...expert(1),
    ...expert(2),
    { kind: 'choice', id: 'decision', label: 'Besluit van het samenwerkingsverband', expanded: true, choices: choices(DECISION_CHOICES) },
    { kind: 'date', id: 'tlvStart', label: 'TLV geldig vanaf' },
    { kind: 'date', id: 'tlvEnd', label: 'TLV geldig tot' },
  ];
}

const tlvSpec: FormSpec = {
  action: 'tlv',
  title: 'TLV-verloop vastleggen',
  intro:
    'Alleen de feiten: de stukken staan in Onderwijs Transparant. Een TLV vraagt het schriftelijke advies van twee onafhankelijke deskundigen.',
  inputs: tlvInputs(),
  submitTitle: 'Vastleggen',
};

/** The current TLV track as form values, so the form shows what was recorded before. */
function tlvValues(track: TlvTrack | undefined): Record<string, string> {
  const values: Record<string, string> = { inOt: track?.inOtSince ? 'true' : 'false', decision: track?.decision?.outcome ?? '' };
  track?.experts.forEach((e, i) => {
    values[`expert${i + 1}Discipline`] = e.discipline;
    values[`expert${i + 1}Date`] = e.received;
    values[`expert${i + 1}Advice`] = e.advice;
  });
  if (track?.decision?.start) values.tlvStart = track.decision.start;
  if (track?.decision?.end) values.tlvEnd = track.decision.end;
  return values;
}

const NOT_YET = 'Dit kan pas na een positief advies over een TLV.';

export const tlvForm = onCase(async (ctx, services) => {
  if (!tlvRouteOpen(ctx.request)) return answerWith(services, ctx, { ok: false, request: ctx.request, message: NOT_YET }, '');
  return showForm(services, ctx, 'tlv', () => tlvSpec, tlvValues(gatekeepingOf(ctx).tlv));
});

export const tlv = onCase(async (ctx, services, data) => {
  if (!tlvRouteOpen(ctx.request)) return answerWith(services, ctx, { ok: false, request: ctx.request, message: NOT_YET }, '');
  const now = services.now();
  const f = new FormReader(data, now);
  const experts: ExpertAdvice[] = [];
  for (const n of [1, 2] as const) {
    const discipline = f.text(`expert${n}Discipline`, { max: 100, label: `Discipline deskundige ${n}` });
    const received = f.date(`expert${n}Date`, { notInFuture: true, label: `Datum advies deskundige ${n}` });
    const advice = f.choice(`expert${n}Advice`, keys(EXPERT_ADVICE));
    const filled = [discipline, received, advice].filter(Boolean).length;
    if (filled > 0 && filled < 3) {
      if (!discipline) f.fail(`expert${n}Discipline`, `Vul de discipline van deskundige ${n} in, of laat deze deskundige helemaal leeg.`);
      if (!received) f.fail(`expert${n}Date`, `Vul in wanneer deskundige ${n} adviseerde.`);
      if (!advice) f.fail(`expert${n}Advice`, `Kies het advies van deskundige ${n}.`);
    }
    if (discipline && received && advice) experts.push({ discipline, received, advice });
  }
  const decision = f.choice('decision', keys(DECISION_CHOICES));
  const start = f.date('tlvStart', { label: 'TLV geldig vanaf', maxYearsAhead: 3 });
  const end = f.date('tlvEnd', { label: 'TLV geldig tot', maxYearsAhead: 10 });
  const decided = decision === 'toegekend' || decision === 'afgewezen';
  if (decided && experts.length < 2) f.fail('decision', 'Een besluit volgt op de adviezen van twee deskundigen: vul die eerst in.');
  if (decision === 'toegekend') {
    if (!start) f.fail('tlvStart', 'Vul in vanaf wanneer de TLV geldt.');
    if (!end) f.fail('tlvEnd', 'Vul in tot wanneer de TLV geldt.');
    if (start && end && end <= start) f.fail('tlvEnd', 'De einddatum moet na de startdatum liggen.');
  }
  if (!f.ok) return showFormAgain(ctx, tlvSpec, data, f.errors);

  const inOt = String(data.inOt) === 'true';
  const outcome = await act(
    services,
    ctx,
    'tlv',
    async (tx, request) => {
      const before = request.gatekeeping?.tlv ?? { experts: [] };
      const track: TlvTrack = {
        inOtSince: inOt ? (before.inOtSince ?? todayIsoIn(now)) : undefined,
        experts,
        decision: decided ? { outcome: decision, start, end, decidedOn: before.decision?.decidedOn ?? todayIsoIn(now) } : undefined,
      };
      const closing = decided
        ? decision === 'toegekend'
          ? `TLV toegekend (${formatIsoDate(start!)} tot ${formatIsoDate(end!)})`
          : 'TLV afgewezen'
        : null;
      await tx.request.update({
        where: { id: request.id },
        data: { gatekeeping: toJson({ ...(request.gatekeeping ?? {}), tlv: track }), ...(closing ? { outcome: closing } : {}) },
      });
      const lines = [
        `${ctx.actor.name} heeft het verloop van de TLV-aanvraag bijgewerkt.`,
        ...(closing ? [`Besluit van het samenwerkingsverband: ${closing}.`] : []),
      ];
      return {
        to: closing ? 'closed' : undefined,
        note: closing ?? `Deskundigen: ${experts.length} van 2${inOt ? ', loopt in OT' : ''}`,
        coordinatorMessage: { title: closing ? 'besluit TLV' : 'TLV-verloop bijgewerkt', lines },
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, 'Vastgelegd.');
});
