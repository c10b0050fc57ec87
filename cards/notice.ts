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

/** A simple read-only message: a title, a few lines, optional facts and buttons. */
export function noticeCard(data: NoticeCardData) {
  return renderTemplate('notice', {
    title: data.title,
    color: data.tone === 'good' ? 'Good' : data.tone === 'warning' ? 'Warning' : data.tone === 'attention' ? 'Attention' : 'Default',
    paragraphs: data.paragraphs ?? [],
    facts: data.facts ?? [],
    actions: (data.actions ?? []).map((a) => ({ ...a, data: a.data ?? {} })),
    links: data.links ?? [],
  });
}
