import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { currentRegister, inRegister } from '../bot/domain/wording/register.ts';

export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const TEMPLATE_DIR = path.join(import.meta.dirname, 'templates');
const cache = new Map<string, ACData.Template>();

/** Binds data to a template in cards/templates (layout only; shaping happens in the card's own function). */
export function renderTemplate(name: string, data: object): AdaptiveCardJson {
  const register = currentRegister();
  const key = `${register}:${name}`;
  let template = cache.get(key);
  if (!template) {
    // The register applies to the template's own text before any data is bound, never to what people typed.
    const text = inRegister(fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.json`), 'utf8'), register);
    template = new ACData.Template(JSON.parse(text));
    cache.set(key, template);
  }
  return template.expand({ $root: data }) as AdaptiveCardJson;
}

/** Wraps a card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
