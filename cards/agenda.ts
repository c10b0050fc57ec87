import { actionFormCard, type FormInput } from './actionForm.ts';
import { renderTemplate, type AdaptiveCardJson } from './render.ts';
import type { Button, VerbData } from './verbs.ts';
import { nl } from '../bot/domain/wording/register.ts';

/** One agenda item as the card shows it. */
export interface AgendaLine {
  id: string;
  /** "dinsdag 1 december, 15:30 uur", or for a holiday "Kerstvakantie: zaterdag 19 december t/m zondag 3 januari". */
  heading: string;
  /** The title under the heading (empty for a holiday, whose title is in the heading). */
  title: string;
  description: string;
  /** "Doelgroep: PO-scholen", "Schoolvakantie · doelgroep: alle scholen". */
  tag: string;
}

export interface AgendaMonthBlock {
  /** "December 2026" */
  label: string;
  /** Said when the month has no items. */
  empty: string;
  items: AgendaLine[];
}

export interface AgendaCardData {
  /** The first month shown ("2026-12"): the buttons on the items bring the admin back to it. */
  month: string;
  subtitle: string;
  banner?: { text: string; tone: 'good' | 'attention' };
  months: AgendaMonthBlock[];
  /** Paging: the first month of the previous and the next window, when they may be shown. */
  previousMonth?: string;
  nextMonth?: string;
  /** The person's own links (printable month, calendar feed), when they have them. */
  links?: { printUrl: string; feedUrl: string; subscribeHelp: string };
  /** An admin of the SOT office: may switch to managing; `manage` shows the edit buttons. */
  admin: boolean;
  manage: boolean;
}

/** Teams refuses cards over 28 KB: long months are shown with shorter descriptions, then fewer items. */
const CARD_BUDGET = 24_000;
const DESCRIPTION_STEPS = [600, 200, 0];
const ITEM_STEPS = [Number.POSITIVE_INFINITY, 25, 12];

const shorten = (text: string, max: number) => (text.length <= max ? text : max === 0 ? '' : `${text.slice(0, max).trimEnd()}…`);

/** The year agenda: two months, their items in date order, paging, the person's links and (admins) managing. */
export function agendaCard(data: AgendaCardData): AdaptiveCardJson {
  let card: AdaptiveCardJson | undefined;
  for (const maxItems of ITEM_STEPS) {
    for (const maxDescription of DESCRIPTION_STEPS) {
      card = render(data, maxDescription, maxItems);
      if (Buffer.byteLength(JSON.stringify(card), 'utf8') <= CARD_BUDGET) return card;
    }
  }
  return card!;
}

function render(data: AgendaCardData, maxDescription: number, maxItems: number): AdaptiveCardJson {
  const itemData = (itemId: string) => ({ month: data.month, itemId });
  const paging: Button<'agenda.show'>[] = [
    ...(data.previousMonth
      ? [{ title: 'Vorige maand', verb: 'agenda.show' as const, data: { month: data.previousMonth, manage: data.manage } }]
      : []),
    ...(data.nextMonth
      ? [{ title: 'Volgende maand', verb: 'agenda.show' as const, data: { month: data.nextMonth, manage: data.manage } }]
      : []),
  ];
  const actions: Button[] = [
    ...(data.admin && data.manage ? [{ title: 'Klaar met beheren', verb: 'agenda.show' as const, data: { month: data.month } }] : []),
    ...(data.admin && !data.manage ? [{ title: 'Beheren', verb: 'agenda.show' as const, data: { month: data.month, manage: true } }] : []),
    { title: 'Naar het menu', verb: 'menu.open' as const },
  ];
  return renderTemplate('agenda', {
    title: 'Jaaragenda',
    subtitle: data.subtitle,
    banner: data.banner?.text ?? '',
    bannerColor: data.banner?.tone === 'attention' ? 'Attention' : 'Good',
    manage: data.admin && data.manage,
    addData: { month: data.month } satisfies VerbData['agenda.item.form'],
    months: data.months.map((m) => ({
      label: m.label,
      empty: m.items.length ? '' : m.empty,
      items: m.items.slice(0, maxItems).map((i) => ({
        heading: i.heading,
        title: i.title,
        description: shorten(i.description, maxDescription),
        tag: i.tag,
        editData: itemData(i.id) satisfies VerbData['agenda.item.form'],
        removeData: itemData(i.id) satisfies VerbData['agenda.item.remove.form'],
      })),
      more:
        m.items.length > maxItems
          ? `En nog ${m.items.length - maxItems} ${m.items.length - maxItems === 1 ? 'afspraak' : 'afspraken'} in deze maand die niet op de kaart passen.`
          : '',
    })),
    paging,
    subscribe: data.links ? [{ help: data.links.subscribeHelp, feedUrl: data.links.feedUrl }] : [],
    links: data.links
      ? [
          { title: 'Maand afdrukken', url: data.links.printUrl },
          { title: 'Agenda in Outlook', url: data.links.feedUrl },
        ]
      : [],
    actions: actions.map((a) => ({ ...a, data: a.data ?? {} })),
  });
}

/** The fields of an agenda item: the columns of the year agenda file (contract 2), with the same rules. */
export const AGENDA_FORM_LABELS = {
  datum: 'Datum (bij een vakantie: de eerste dag)',
  tijd: 'Tijd (optioneel; niet bij een vakantie)',
  titel: 'Titel',
  omschrijving: 'Omschrijving (optioneel)',
  doelgroep: 'Doelgroep',
  herinneren: 'Herinneren: hoeveel dagen van tevoren (optioneel)',
  soort: 'Soort',
  tot: 'Tot en met (alleen bij een vakantie: de laatste dag)',
} as const;
export type AgendaFormField = keyof typeof AGENDA_FORM_LABELS;

/** Add or change one agenda item (admins): shown again with what was typed and a message per field. */
export function agendaItemFormCard(data: {
  month: string;
  /** The item being changed; absent when adding. */
  itemId?: string;
  audiences: { value: string; title: string }[];
  values?: Partial<Record<AgendaFormField, string>>;
  errors?: Partial<Record<AgendaFormField, string>>;
  formId: string;
}): AdaptiveCardJson {
  const L = AGENDA_FORM_LABELS;
  const inputs: FormInput[] = [
    { kind: 'date', id: 'datum', label: L.datum },
    { kind: 'time', id: 'tijd', label: L.tijd },
    { kind: 'text', id: 'titel', label: L.titel, maxLength: 200 },
    { kind: 'text', id: 'omschrijving', label: L.omschrijving, multiline: true, maxLength: 2000 },
    { kind: 'choice', id: 'doelgroep', label: L.doelgroep, choices: data.audiences, expanded: true },
    { kind: 'text', id: 'herinneren', label: L.herinneren, maxLength: 60, placeholder: 'bijvoorbeeld 14,1 (leeg: geen herinnering)' },
    {
      kind: 'choice',
      id: 'soort',
      label: L.soort,
      expanded: true,
      choices: [
        { value: 'activiteit', title: 'Activiteit of deadline' },
        { value: 'vakantie', title: 'Schoolvakantie' },
      ],
    },
    { kind: 'date', id: 'tot', label: L.tot },
  ];
  const save: VerbData['agenda.item.save'] = { month: data.month, formId: data.formId, ...(data.itemId ? { itemId: data.itemId } : {}) };
  return actionFormCard({
    title: data.itemId ? 'Agenda-item wijzigen' : 'Agenda-item toevoegen',
    subtitle: 'Jaaragenda van het SOT',
    intro: nl`Coördinatoren van de scholen in de doelgroep zien dit in hun agenda en krijgen een herinnering op de dagen die u noemt (bijvoorbeeld 14,1: twee weken en een dag van tevoren).`,
    inputs,
    values: { doelgroep: 'alle', soort: 'activiteit', ...data.values },
    errors: data.errors,
    submit: { title: 'Opslaan', verb: 'agenda.item.save', data: save },
    cancel: { verb: 'agenda.show', data: { month: data.month, manage: true } },
  });
}
