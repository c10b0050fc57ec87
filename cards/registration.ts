import { renderTemplate } from './render.ts';

export interface RegistrationFormData {
  schools: { id: string; name: string; brin: string }[];
  values?: { schoolId?: string; role?: string };
  errors?: { schoolId?: string; role?: string };
  note?: string;
}

/** Asks someone the directory does not know which school they coordinate. */
export function registrationCard(data: RegistrationFormData) {
  const errors = { schoolId: data.errors?.schoolId ?? '', role: data.errors?.role ?? '' };
  const count = Object.values(errors).filter(Boolean).length;
  return renderTemplate('registration', {
    schools: data.schools.map((s) => ({ title: `${s.name} (${s.brin})`, value: s.id })),
    values: { schoolId: data.values?.schoolId ?? '', role: data.values?.role ?? '' },
    errors,
    errorSummary: count ? 'Controleer het formulier: niet alles is goed ingevuld.' : '',
    note: data.note ?? '',
  });
}
