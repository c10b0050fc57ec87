// A thuiszitter case as the practice follows it: the fuller facts added later (absence, reason, what was
// tried, the DUO, leerplicht and Onderwijs Transparant facts with their dates), and the return to school,
// which stops the count of weeks absent and can close the case.
import { DateTime } from 'luxon';
import type { FormInput } from '../../../cards/actionForm.ts';
import { FormReader } from '../../domain/requests/formValues.ts';
import { decide } from '../../domain/requests/lifecycle.ts';
import {
  readAbsence,
  readReporting,
  RETURN_EXTENT,
  THUISZITTER_KIND,
  THUISZITTER_REASONS,
  type ThuiszitterInput,
} from '../../domain/requests/thuiszitter.ts';
import { formatIsoDate, ZONE } from '../../domain/time.ts';
import { toJson } from '../../store/requestRecords.ts';
import { act, type CaseContext } from './act.ts';
import { choices, type FormSpec, keys, showForm, showFormAgain } from './actionForms.ts';
import { answerWith, formIdOf, onCase } from './handler.ts';

type Details = Omit<ThuiszitterInput, 'pupil'>;

const detailsOf = (ctx: CaseContext): Details | undefined => (ctx.request.type === 'thuiszitter' ? ctx.request.details : undefined);

const REPORT_INPUTS: FormInput[] = [
  { kind: 'choice', id: 'kind', label: 'Soort melding', expanded: true, required: true, choices: choices(THUISZITTER_KIND) },
  { kind: 'date', id: 'firstAbsentDate', label: 'Eerste verzuimdag' },
  { kind: 'choice', id: 'reason', label: 'Belangrijkste reden', choices: choices(THUISZITTER_REASONS), placeholder: 'Kies een reden' },
  { kind: 'text', id: 'reasonOther', label: 'Andere reden, namelijk', maxLength: 200 },
  { kind: 'text', id: 'tried', label: 'Wat heeft de school al geprobeerd?', multiline: true, maxLength: 2000 },
  { kind: 'date', id: 'duoDate', label: 'Verzuim gemeld bij DUO op' },
  { kind: 'date', id: 'leerplichtDate', label: 'Leerplichtambtenaar betrokken sinds' },
  { kind: 'text', id: 'leerplichtName', label: 'Naam leerplichtambtenaar (optioneel)', maxLength: 100 },
  { kind: 'date', id: 'otDate', label: 'Gemeld in Onderwijs Transparant op' },
];

const reportSpec: FormSpec = {
  action: 'report',
  title: 'Gegevens aanvullen',
  intro:
    'De school meldt verzuim bij het verzuimregister van DUO; DUO geeft het door aan de leerplichtambtenaar. Na vier weken thuis meldt de school de leerling ook in Onderwijs Transparant. Bij een thuiszitter is de eerste verzuimdag nodig. Vul de datum in van wat gedaan is.',
  inputs: REPORT_INPUTS,
  submitTitle: 'Opslaan',
};

function reportValues(d: Details): Record<string, string> {
  return {
    kind: d.kind,
    firstAbsentDate: d.firstAbsentDate ?? '',
    reason: d.reason ?? '',
    reasonOther: d.reasonOther,
    tried: d.tried,
    duoDate: d.reporting?.duo ?? '',
    leerplichtDate: d.reporting?.leerplicht ?? '',
    leerplichtName: d.reporting?.leerplichtName ?? '',
    otDate: d.reporting?.ot ?? '',
  };
}

export const reportForm = onCase((ctx, services) => {
  const d = detailsOf(ctx);
  return showForm(services, ctx, 'report', () => reportSpec, d ? reportValues(d) : undefined);
});

export const report = onCase(async (ctx, services, data) => {
  const f = new FormReader(data, services.now());
  const kind = f.choice('kind', keys(THUISZITTER_KIND), { required: 'Kies of het om een dreigende thuiszitter of een thuiszitter gaat.' });
  const absence = readAbsence(f, kind);
  const tried = f.text('tried', { max: 2000, label: 'Wat al geprobeerd is' });
  const reporting = readReporting(f);
  const back = detailsOf(ctx)?.backToSchool;
  if (back && absence.firstAbsentDate && absence.firstAbsentDate > back.date)
    f.fail('firstAbsentDate', `De eerste verzuimdag ligt na de dag terug naar school (${formatIsoDate(back.date)}).`);
  if (!f.ok || !kind) return showFormAgain(ctx, reportSpec, data, f.errors);
  const outcome = await act(
    services,
    ctx,
    'report',
    async (tx, request) => {
      if (request.type !== 'thuiszitter') return { refuse: 'Dit kan alleen bij een thuiszittermelding.' };
      const before = request.details;
      const { firstAbsentDate: _f, reason: _r, ...rest } = before;
      const details: Details = { ...rest, kind, ...absence, tried, reporting };
      await tx.request.update({ where: { id: request.id }, data: { details: toJson(details) } });
      return { note: changeNote(before, details) };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, 'De gegevens zijn opgeslagen.');
});

/** What changed, for the history: facts only, no free text. */
function changeNote(before: Details, after: Details): string {
  const changed: string[] = [];
  if (before.kind !== after.kind) changed.push(`nu: ${THUISZITTER_KIND[after.kind].toLowerCase()}`);
  if (before.firstAbsentDate !== after.firstAbsentDate) changed.push('eerste verzuimdag');
  if (before.reason !== after.reason || before.reasonOther !== after.reasonOther) changed.push('reden');
  if (before.tried !== after.tried) changed.push('wat al geprobeerd is');
  const r0 = before.reporting ?? {};
  const r1 = after.reporting;
  if (r0.duo !== r1.duo) changed.push(r1.duo ? 'gemeld bij DUO' : 'DUO-melding gewist');
  if (r0.leerplicht !== r1.leerplicht || r0.leerplichtName !== r1.leerplichtName) changed.push('leerplichtambtenaar');
  if (r0.ot !== r1.ot) changed.push(r1.ot ? 'gemeld in Onderwijs Transparant' : 'OT-melding gewist');
  return changed.length ? changed.join(', ') : 'niets gewijzigd';
}

/** A return planned more than this far ahead is not a fact yet. */
const MAX_DAYS_AHEAD = 60;

const backSpec = (ctx: CaseContext): FormSpec => ({
  action: 'back',
  title: 'Terug naar school',
  intro: 'Vanaf deze dag telt het verzuim niet meer door. Gaat de leerling maar een deel van de tijd, kies dan "gedeeltelijk".',
  inputs: [
    { kind: 'date', id: 'date', label: 'Terug naar school op', required: true },
    { kind: 'choice', id: 'extent', label: 'Volledig of gedeeltelijk', expanded: true, required: true, choices: choices(RETURN_EXTENT) },
    { kind: 'text', id: 'note', label: 'Toelichting (optioneel)', multiline: true, maxLength: 500 },
    ...(mayClose(ctx)
      ? [{ kind: 'toggle' as const, id: 'close', label: 'Afronden', title: 'De melding afronden met uitkomst "Terug naar school"' }]
      : []),
  ],
  submitTitle: 'Vastleggen',
});

const mayClose = (ctx: CaseContext) => decide('close', { type: ctx.request.type, status: ctx.request.status }, ctx.roles).allowed;

export const backForm = onCase((ctx, services) => showForm(services, ctx, 'back', () => backSpec(ctx), { extent: 'volledig' }));

export const back = onCase(async (ctx, services, data) => {
  const now = services.now();
  const f = new FormReader(data, now);
  const date = f.date('date', { required: 'Vul in sinds wanneer de leerling weer naar school gaat.', label: 'Terug naar school op' });
  const extent = f.choice('extent', keys(RETURN_EXTENT), { required: 'Kies of de leerling volledig of gedeeltelijk terug is.' });
  const note = f.text('note', { max: 500, label: 'Toelichting' });
  const first = detailsOf(ctx)?.firstAbsentDate;
  if (date && first && date < first) f.fail('date', `Deze datum ligt vóór de eerste verzuimdag (${formatIsoDate(first)}).`);
  if (date && DateTime.fromISO(date, { zone: ZONE }) > f.today().plus({ days: MAX_DAYS_AHEAD }))
    f.fail('date', `Vul een datum in tot uiterlijk ${MAX_DAYS_AHEAD} dagen vooruit.`);
  if (!f.ok || !date || !extent) return showFormAgain(ctx, backSpec(ctx), data, f.errors);
  const closing = f.raw('close') === 'true';
  const line = `${RETURN_EXTENT[extent]} terug naar school sinds ${formatIsoDate(date)}`;
  const outcome = await act(
    services,
    ctx,
    'back',
    async (tx, request, _to) => {
      if (request.type !== 'thuiszitter') return { refuse: 'Dit kan alleen bij een thuiszittermelding.' };
      const roles = ctx.roles;
      const close = closing && decide('close', { type: request.type, status: request.status }, roles).allowed;
      const details: Details = { ...request.details, backToSchool: { date, extent }, ...(close ? { outcomes: ['terugNaarSchool'] } : {}) };
      await tx.request.update({
        where: { id: request.id },
        data: { details: toJson(details), ...(close ? { outcome: 'Terug naar school', advice: note || null, openQuestion: null } : {}) },
      });
      return {
        note: note ? `${line} (${note})` : line,
        ...(close ? { to: 'closed' as const } : {}),
        ...(ctx.roles.includes('assignee') || ctx.roles.includes('thuiszittersteam')
          ? {
              coordinatorMessage: {
                title: close ? 'afgerond: terug naar school' : 'terug naar school',
                lines: [`${ctx.actor.name} heeft vastgelegd: ${line.toLowerCase()}.${close ? ' De melding is afgerond.' : ''}`],
              },
            }
          : {}),
      };
    },
    formIdOf(data),
  );
  return answerWith(services, ctx, outcome, closing ? 'Vastgelegd en afgerond.' : 'Vastgelegd: terug naar school.');
});
