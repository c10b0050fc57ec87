import { renderTemplate } from './render.ts';
import { formatDateTime } from '../bot/domain/time.ts';

export interface RegistrationReviewData {
  id: string;
  name: string;
  email?: string | null;
  school: string;
  role: string;
  createdAt: Date;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy?: string;
  decidedAt?: Date | null;
  /** Shown to an admin whose click came too late, for example. */
  message?: string;
  /** The applicant's account or e-mail already belongs to someone in the directory. */
  warning?: string;
}

/** What an SOT admin sees to approve or reject a registration. */
export function registrationReviewCard(data: RegistrationReviewData) {
  const when = data.decidedAt ? ` op ${formatDateTime(data.decidedAt)}` : '';
  const decision =
    data.status === 'approved'
      ? `Goedgekeurd door ${data.decidedBy ?? 'onbekend'}${when}.`
      : data.status === 'rejected'
        ? `Afgewezen door ${data.decidedBy ?? 'onbekend'}${when}.`
        : '';
  return renderTemplate('registrationReview', {
    id: data.id,
    name: data.name,
    email: data.email || 'onbekend',
    school: data.school,
    role: data.role || 'niet opgegeven',
    createdAt: formatDateTime(data.createdAt),
    pending: data.status === 'pending',
    decision,
    decisionColor: data.status === 'approved' ? 'Good' : 'Attention',
    message: data.message ?? '',
    warning: data.warning ?? '',
  });
}
