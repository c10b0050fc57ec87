import { renderTemplate } from './render.ts';
import type { Button, Verb, VerbAction, VerbData } from './verbs.ts';

export type Fact = { label: string; value: string };

export function chooseSchoolCard(data: {
  title: string;
  verb: Verb;
  schools: { id: string; name: string }[];
  value?: string;
  error?: string;
}) {
  return renderTemplate('chooseSchool', {
    title: data.title,
    verb: data.verb,
    value: data.value ?? '',
    error: data.error ?? '',
    schools: data.schools.map((s) => ({ title: s.name, value: s.id })),
  });
}

export function requestReviewCard(data: {
  typeLabel: string;
  /** "Anna de Vries, de SOT-consulent van Obs Het Kompas, en naar het Thuiszittersteam": every place it goes. */
  sendsTo: string;
  facts: Fact[];
  warnings: string[];
  submitData: VerbData['request.confirm'];
  edit: VerbAction;
}) {
  const { edit, ...rest } = data;
  return renderTemplate('requestReview', { ...rest, editVerb: edit.verb, editData: edit.data });
}

/** Buttons shown side by side; more than this and the rarer ones go to the card's "…" menu. */
const MAX_PRIMARY = 5;
/** The rarer steps, demoted first when a card has too many buttons for one row. */
const DEMOTE_FIRST: readonly string[] = [
  'request.jes.form',
  'request.visit.form',
  'mine.list',
  'menu.open',
  'request.handover.form',
  'request.ask.form',
];

/**
 * Teams and the official renderer show at most six buttons in a row: with more, the rarer steps get
 * `mode: secondary` (Teams puts them under "…"), in their original order. Every action keeps its verb.
 */
export function withOverflow(actions: Button[]): { title: string; verb: string; data: object; mode: 'primary' | 'secondary' }[] {
  const secondary = new Set<number>();
  if (actions.length > MAX_PRIMARY + 1) {
    const candidates = actions
      .map((a, i) => ({ i, rank: DEMOTE_FIRST.indexOf(a.verb) }))
      .filter((c) => c.rank >= 0)
      .sort((a, b) => a.rank - b.rank);
    for (const c of candidates) {
      if (actions.length - secondary.size <= MAX_PRIMARY) break;
      secondary.add(c.i);
    }
  }
  return actions.map((a, i) => ({ ...a, data: a.data ?? {}, mode: secondary.has(i) ? 'secondary' : 'primary' }));
}

/** The coordinator's read-only view of a request (after sending, and in "mijn aanvragen"). */
export function requestSummaryCard(data: {
  banner?: string;
  typeLabel: string;
  reference: string;
  facts: Fact[];
  warnings?: string[];
  history: string[];
  actions: Button[];
  message?: string;
}) {
  return renderTemplate('requestSummary', {
    banner: data.banner ?? '',
    typeLabel: data.typeLabel,
    reference: data.reference,
    facts: data.facts,
    warnings: data.warnings ?? [],
    history: data.history,
    actions: withOverflow(data.actions),
    message: data.message ?? '',
  });
}

/** The personal-view button on a case card (verb request.refresh): it shows the buttons this person may use. */
export const SHOW_MY_ACTIONS = 'Mijn acties tonen';

/** The card in the consultant's channel; it @mentions the consultant. */
export function requestChannelCard(data: {
  notice?: string;
  typeLabel: string;
  reference: string;
  school: string;
  /** What it is about, without the type (domain/requests/aboutLine.ts): "J.B. · “Hoe …”". */
  about?: string;
  consultant: { name: string; aadObjectId?: string | null };
  facts: Fact[];
  warnings?: string[];
  /** Buttons for the person viewing (user-specific refresh), or the base card's "Mijn acties tonen". */
  actions?: Button[];
  message?: string;
  /** Universal Actions refresh: Teams asks the bot for a personal view for these users. */
  refresh?: VerbAction<'request.refresh'> & { userIds: string[] };
}) {
  const mentionText = data.consultant.aadObjectId ? `<at>${data.consultant.name}</at>` : data.consultant.name;
  const card = renderTemplate('requestChannel', {
    notice: data.notice ?? '',
    typeLabel: data.typeLabel,
    reference: data.reference,
    school: data.school,
    about: data.about ?? '',
    mentionText,
    facts: data.facts,
    warnings: data.warnings ?? [],
    mentions: data.consultant.aadObjectId
      ? [{ type: 'mention', text: mentionText, mentioned: { id: data.consultant.aadObjectId, name: data.consultant.name } }]
      : [],
    actions: withOverflow(data.actions ?? []),
    message: data.message ?? '',
  });
  if (data.refresh?.userIds.length) {
    card.refresh = {
      action: { type: 'Action.Execute', title: SHOW_MY_ACTIONS, verb: data.refresh.verb, data: data.refresh.data },
      userIds: data.refresh.userIds.slice(0, 60), // Teams refreshes automatically for at most 60 users
    };
  }
  return card;
}

/** "Mijn aanvragen": a snapshot, so it says when it was made and offers "Vernieuwen". */
export function myRequestsCard(data: {
  recentDays: number;
  /** "28 november 2026 om 16:40": when this list was made. */
  asOf: string;
  /** `about` is the request's about line (domain/requests/aboutLine.ts). */
  items: { id: string; reference: string; about: string; status: string; consultant: string; nextStep: string }[];
}) {
  return renderTemplate('myRequests', data);
}
