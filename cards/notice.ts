import { renderTemplate } from './render.ts';
import type { Button } from './verbs.ts';

export interface NoticeCardData {
  title: string;
  paragraphs?: string[];
  facts?: { label: string; value: string }[];
  tone?: 'default' | 'good' | 'warning' | 'attention';
  actions?: Button[];
  /** Buttons that open a web address (e.g. the calendar file). */
  links?: { title: string; url: string }[];
}

/** Teams shows six buttons in a row; with more, those after the fifth go under "…" (mode secondary). */
const MAX_PRIMARY = 5;

/** A simple read-only message: a title, a few lines, optional facts and buttons. */
export function noticeCard(data: NoticeCardData) {
  const overflow = (data.actions ?? []).length + (data.links ?? []).length > MAX_PRIMARY + 1;
  const mode = (i: number) => (overflow && i >= MAX_PRIMARY ? 'secondary' : 'primary');
  const actions = data.actions ?? [];
  return renderTemplate('notice', {
    // Green text on white is hard to read: a good outcome gets a check mark in the default colour.
    title: data.tone === 'good' ? `✓ ${data.title}` : data.title,
    color: data.tone === 'warning' ? 'Warning' : data.tone === 'attention' ? 'Attention' : 'Default',
    paragraphs: data.paragraphs ?? [],
    facts: data.facts ?? [],
    actions: actions.map((a, i) => ({ ...a, data: a.data ?? {}, mode: mode(i) })),
    links: (data.links ?? []).map((l, i) => ({ ...l, mode: mode(actions.length + i) })),
  });
}
