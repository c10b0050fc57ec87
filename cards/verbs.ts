// Every card action (Action.Execute verb) the bot knows, once, with the data the bot puts on the card.
// Routes register these verbs and cards use them; test/verbs.test.ts checks that each verb has a route and
// that the templates name no other verb. What a card sends back is never trusted: handlers check it again.
import type { FormKind } from '../bot/domain/requests/kinds.ts';

type None = Record<string, never>;
type RequestRef = { requestId: string };
/** A form's submit: the formId makes a repeated submit (double click, Teams retry) have one effect. */
type FormSubmit = RequestRef & { formId: string };
type SchoolChoice = { schoolId?: string };
/** The first month the agenda card showed ("2026-12"), to return to. */
type AgendaMonth = { month: string };
/** A JES-overleg filed from a case ("Aanmelden voor JES"): the case's id, looked up again on every step. */
type JesLink = { linkedRequestId?: string };

/**
 * An overview's page and the filter it shows. Paging buttons carry both; the "Filteren" button carries none
 * and the filter comes from the card's inputs (filterSchool, filterType, filterStatus). Checked again on the server.
 */
export type OverviewView = { page?: number; filter?: { school?: string; type?: string; status?: string } };

/** Per form (a request type, or the short dreigend form): start the dialog, check it (review) and go back to the form (edit). */
type DialogVerbs = {
  [T in FormKind as `${T}.start`]: SchoolChoice;
} & {
  [T in FormKind as `${T}.review`]: SchoolChoice;
} & {
  [T in FormKind as `${T}.edit`]: { schoolId: string; values: Record<string, string> };
};

export type VerbData = DialogVerbs & {
  'jes.review': JesLink;
  'jes.edit': JesLink;
  'menu.open': None;
  'menu.help': None;
  'registration.submit': None;
  'registration.approve': { registrationId: string };
  'registration.reject': { registrationId: string };
  'request.confirm': { submissionId: string; type: FormKind; schoolId: string; values: Record<string, string> } & JesLink;
  'mine.list': None;
  'request.view': RequestRef;
  'request.withdraw': RequestRef;
  'request.refresh': RequestRef;
  'request.claim': RequestRef;
  'request.plan.form': RequestRef;
  'request.plan': FormSubmit;
  'request.move.form': RequestRef;
  'request.move': FormSubmit;
  'request.ask.form': RequestRef;
  'request.ask': FormSubmit;
  'request.handover.form': RequestRef;
  'request.handover': FormSubmit;
  'request.close.form': RequestRef;
  'request.close': FormSubmit;
  'request.report.form': RequestRef;
  'request.report': FormSubmit;
  'request.back.form': RequestRef;
  'request.back': FormSubmit;
  'request.advise.form': RequestRef;
  'request.advise': FormSubmit;
  'request.tlv.form': RequestRef;
  'request.tlv': FormSubmit;
  'request.visit.form': RequestRef;
  'request.visit': FormSubmit;
  /** Aanmelden voor JES: the JES form, filled in from this case. */
  'request.jes.form': RequestRef;
  /** Move a whole day: first the period, then (step "period") the appointments in it. */
  'casework.moveDay.form': { step?: 'period' };
  'casework.moveDay': { from: string; to: string; requestIds: string[]; formId: string };
  'request.answer.form': RequestRef;
  'request.answer': FormSubmit;
  'request.identify.form': RequestRef;
  'request.identify': FormSubmit;
  /** The overviews (features/overviews): a consultant's cases, the Thuiszittersteam's signals, the office's counts. */
  'overview.cases': OverviewView;
  'overview.thuiszitters': OverviewView;
  'overview.office': OverviewView;
  /** The year agenda: this month and the next, or from `month` ("YYYY-MM"); `manage` shows an admin the edit buttons. */
  'agenda.show': { month?: string; manage?: boolean };
  /** Admins: the form to add an item, or (with itemId) to change one; `month` is where the card returns. */
  'agenda.item.form': AgendaMonth & { itemId?: string };
  'agenda.item.save': AgendaMonth & { itemId?: string; formId: string };
  /** Admins: "really remove?", then remove. */
  'agenda.item.remove.form': AgendaMonth & { itemId: string };
  'agenda.item.remove': AgendaMonth & { itemId: string; formId: string };
  /** Admins: the card with download links of the anonymised thuiszitter report. */
  'report.open': None;
  /** Herinneringen instellen: the card with the person's own settings, and saving it (the toggles are inputs). */
  'reminders.settings': None;
  'reminders.save': None;
  /** Bereikbaarheid: how to reach the SOT office and the school's own consultant. */
  'contact.show': None;
};

export type Verb = keyof VerbData;

/** What arrives with a verb: the fields the bot sent, as unchecked values, plus the user's inputs. */
export type Incoming<V extends Verb> = { [K in keyof VerbData[V]]?: unknown } & Record<string, unknown>;

/** A button: its verb and the data that verb carries. */
export type VerbAction<V extends Verb = Verb> = V extends Verb ? { verb: V; data: VerbData[V] } : never;

/** A button with a title; data may be left out for verbs that carry none. */
export type Button<V extends Verb = Verb> = V extends Verb
  ? { title: string; verb: V } & (VerbData[V] extends None ? { data?: None } : { data: VerbData[V] })
  : never;

export function button<V extends Verb>(title: string, verb: V, ...data: VerbData[V] extends None ? [] : [VerbData[V]]): Button<V> {
  return (data.length ? { title, verb, data: data[0] } : { title, verb }) as Button<V>;
}

// Every verb once more, as a value: the compiler refuses a verb missing here or one that is not in VerbData.
const EVERY_VERB: { [V in Verb]: true } = {
  'spreekuur.start': true,
  'spreekuur.review': true,
  'spreekuur.edit': true,
  'thuiszitter.start': true,
  'thuiszitter.review': true,
  'thuiszitter.edit': true,
  'dreigend.start': true,
  'dreigend.review': true,
  'dreigend.edit': true,
  'jes.start': true,
  'jes.review': true,
  'jes.edit': true,
  'advies.start': true,
  'advies.review': true,
  'advies.edit': true,
  'kijkOpSchool.start': true,
  'kijkOpSchool.review': true,
  'kijkOpSchool.edit': true,
  'menu.open': true,
  'menu.help': true,
  'registration.submit': true,
  'registration.approve': true,
  'registration.reject': true,
  'request.confirm': true,
  'mine.list': true,
  'request.view': true,
  'request.withdraw': true,
  'request.refresh': true,
  'request.claim': true,
  'request.plan.form': true,
  'request.plan': true,
  'request.move.form': true,
  'request.move': true,
  'request.ask.form': true,
  'request.ask': true,
  'request.handover.form': true,
  'request.handover': true,
  'request.close.form': true,
  'request.close': true,
  'request.report.form': true,
  'request.report': true,
  'request.back.form': true,
  'request.back': true,
  'request.advise.form': true,
  'request.advise': true,
  'request.tlv.form': true,
  'request.tlv': true,
  'request.visit.form': true,
  'request.visit': true,
  'request.jes.form': true,
  'casework.moveDay.form': true,
  'casework.moveDay': true,
  'request.answer.form': true,
  'request.answer': true,
  'request.identify.form': true,
  'request.identify': true,
  'overview.cases': true,
  'overview.thuiszitters': true,
  'overview.office': true,
  'agenda.show': true,
  'agenda.item.form': true,
  'agenda.item.save': true,
  'agenda.item.remove.form': true,
  'agenda.item.remove': true,
  'report.open': true,
  'reminders.settings': true,
  'reminders.save': true,
  'contact.show': true,
};

export const VERBS = Object.keys(EVERY_VERB) as Verb[];

export const isVerb = (value: unknown): value is Verb => typeof value === 'string' && Object.hasOwn(EVERY_VERB, value);
