import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const TEMPLATE_DIR = path.join(import.meta.dirname, 'templates');
const cache = new Map<string, ACData.Template>();

/** Binds data to a template in cards/templates (layout only; shaping happens in the card's own function). */
export function renderTemplate(name: string, data: object): AdaptiveCardJson {
  let template = cache.get(name);
  if (!template) {
    const json = JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.json`), 'utf8'));
    template = new ACData.Template(json);
    cache.set(name, template);
  }
  return template.expand({ $root: data }) as AdaptiveCardJson;
}

/** Wraps a card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
