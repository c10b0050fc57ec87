import { renderTemplate } from './render.ts';

/** One reminder kind the person may turn off. */
export interface ReminderToggle {
  id: 'agenda' | 'appointments';
  /** The toggle's label (what the reminder is) and its title (what "on" means). */
  label: string;
  title: string;
  description: string;
  on: boolean;
}

/** A reminder kind that stays on (a legal duty or an escalation), shown as a fixed line. */
export interface FixedReminder {
  title: string;
  description: string;
}

export interface ReminderSettingsCardData {
  /** Lines above the toggles: when reminders arrive. */
  intro: string[];
  /** After saving: what was stored. */
  banner?: string;
  toggles: ReminderToggle[];
  fixed: FixedReminder[];
}

/** Herinneringen instellen: toggles for the optional kinds, fixed "altijd aan" lines for the others. */
export function reminderSettingsCard(data: ReminderSettingsCardData) {
  return renderTemplate('reminderSettings', {
    intro: data.intro,
    banner: data.banner ?? '',
    toggles: data.toggles.map((t) => ({ ...t, value: t.on ? 'true' : 'false' })),
    fixed: data.fixed,
  });
}
