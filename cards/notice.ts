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

/** Teams shows six buttons in a row and drops the rest; with more, those after the fifth go under "…". */
const MAX_SHOWN = 6;
const PRIMARY_WHEN_MORE = 5;

/** A simple read-only message: a title, a few lines, optional facts and buttons (in order of importance). */
export function noticeCard(data: NoticeCardData) {
  return renderTemplate('notice', {
    title: data.title,
    color: data.tone === 'good' ? 'Good' : data.tone === 'warning' ? 'Warning' : data.tone === 'attention' ? 'Attention' : 'Default',
    paragraphs: data.paragraphs ?? [],
    facts: data.facts ?? [],
    actions: (data.actions ?? []).map((a, i, all) => ({
      ...a,
      data: a.data ?? {},
      mode: all.length > MAX_SHOWN && i >= PRIMARY_WHEN_MORE ? 'secondary' : 'primary',
    })),
    links: data.links ?? [],
  });
}
