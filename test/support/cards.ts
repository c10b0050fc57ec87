/** Reading Adaptive Cards the way a Teams client does: inputs, actions and visible text. */
export type Card = Record<string, any>;

export interface CardInput {
  id: string;
  type: string;
  label?: string;
  value?: unknown;
  choices?: { title: string; value: string }[];
  isMultiSelect?: boolean;
}
export interface CardAction {
  type: string;
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  card?: Card;
}

function walk(node: unknown, visit: (n: Record<string, any>) => void) {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, any>;
  visit(obj);
  for (const key of ['body', 'items', 'columns', 'actions', 'card', 'inlineAction']) if (obj[key]) walk(obj[key], visit);
  if (obj.selectAction) walk(obj.selectAction, visit);
}

export function inputsOf(card: Card): CardInput[] {
  const inputs: CardInput[] = [];
  walk(card.body, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs.push(n as CardInput);
  });
  return inputs;
}

export function actionsOf(card: Card): CardAction[] {
  const actions: CardAction[] = [];
  walk([card.body, card.actions], (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) actions.push(n as CardAction);
  });
  return actions;
}

/** All text a person would read on the card (TextBlocks, facts, choice titles, button titles). */
export function textOf(card: Card): string {
  const parts: string[] = [];
  walk([card.body, card.actions], (n) => {
    if (n.type === 'TextBlock' || n.type === 'TextRun') parts.push(String(n.text));
    if (n.type === 'RichTextBlock') for (const i of n.inlines ?? []) parts.push(typeof i === 'string' ? i : String(i.text));
    if (n.type === 'FactSet') for (const f of n.facts ?? []) parts.push(`${f.title}: ${f.value}`);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && n.title) parts.push(String(n.title));
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.label) parts.push(String(n.label));
  });
  return parts.join('\n');
}

export function findAction(card: Card, title: string): CardAction {
  const action = actionsOf(card).find((a) => a.title === title);
  if (!action)
    throw new Error(
      `No action "${title}" on card; actions: ${actionsOf(card)
        .map((a) => a.title)
        .join(', ')}`,
    );
  return action;
}

/** Fills inputs by label (or id) and returns the values Teams would send: every input's value. */
export function fillInputs(card: Card, fill: Record<string, unknown>): Record<string, unknown> {
  const inputs = inputsOf(card);
  const values: Record<string, unknown> = {};
  for (const input of inputs) if (input.value !== undefined && input.value !== '') values[input.id] = String(input.value);
  for (const [key, value] of Object.entries(fill)) {
    const input = inputs.find((i) => i.label === key) ?? inputs.find((i) => i.id === key);
    if (!input) throw new Error(`No input labelled "${key}"; inputs: ${inputs.map((i) => i.label ?? i.id).join(', ')}`);
    values[input.id] = chooseValue(input, value);
  }
  return values;
}

/** A choice may be given by its visible title; Teams sends its value. */
function chooseValue(input: CardInput, value: unknown): string {
  if (input.type !== 'Input.ChoiceSet' || !input.choices) return String(value);
  const wanted = Array.isArray(value) ? value : [value];
  const mapped = wanted.map((w) => input.choices!.find((c) => c.title === w || c.value === w)?.value ?? String(w));
  return mapped.join(',');
}
