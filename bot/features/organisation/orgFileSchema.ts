import { z } from 'zod';
import { contactSchema } from './contactSchema.ts';

// The organisation file's structure (shared contract, section 1), with messages in Dutch for the SOT office.

export const SECTORS = ['PO', 'SBO', 'SO', 'VO'] as const;
export const JES_ROLES = ['smw', 'leerplicht', 'jgz', 'other'] as const;

const BRIN = /^[0-9A-Z]{4}([0-9]{2})?$/;
const TEAMS_THREAD_ID = /^19:[^\s@]+@thread\.(tacv2|skype)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = z.string().trim().min(1);
const email = z.string().trim().toLowerCase().email({ message: 'is geen geldig e-mailadres (voorbeeld: naam@school.nl)' });
const fileKey = text;

const teamsThread = z
  .string()
  .trim()
  .regex(TEAMS_THREAD_ID, { message: 'is geen Teams-id: verwacht iets als 19:…@thread.tacv2 (of 19:…@thread.skype)' });

const channel = z.object({ teamId: teamsThread, channelId: teamsThread });

const person = z.object({
  id: fileKey,
  name: text,
  email,
  aadObjectId: z
    .string()
    .trim()
    .min(1)
    .regex(/^\S+$/, { message: 'mag geen spaties bevatten' })
    // Teams sends object ids in lower case; a GUID typed in upper case must still match.
    .transform((id) => (GUID.test(id) ? id.toLowerCase() : id))
    .optional(),
});

const consultant = z.object({ person: fileKey, channel: channel.optional() });

const jesMember = z.object({
  role: z.enum(JES_ROLES),
  name: text,
  email,
  organisation: z.string().trim().optional(),
});

const school = z.object({
  brin: z.string().trim().toUpperCase().regex(BRIN, {
    message:
      'is geen geldige BRIN-code: verwacht 4 tekens (bijvoorbeeld 12AB), eventueel gevolgd door een vestigingsnummer van 2 cijfers (12AB00)',
  }),
  name: text,
  sector: z.enum(SECTORS),
  consultant: fileKey,
  coordinators: z.array(fileKey),
  jes: z.array(jesMember).optional(),
});

// Unknown keys are allowed (the contract lets files grow new optional fields); zod drops them.
export const orgFileSchema = z.object({
  // contact: how schools reach the SOT office (optional; contactSchema.ts).
  swv: z.object({ name: text, code: text, tenantId: text.optional(), contact: contactSchema.optional() }),
  people: z.array(person),
  consultants: z.array(consultant),
  schools: z.array(school),
  roles: z.object({ admins: z.array(fileKey).optional(), thuiszittersteam: z.array(fileKey).optional() }).optional(),
  thuiszittersteamChannel: channel.optional(),
});

export type OrgFile = z.output<typeof orgFileSchema>;
export type OrgPerson = OrgFile['people'][number];
export type OrgConsultant = OrgFile['consultants'][number];
export type OrgSchool = OrgFile['schools'][number];
export type OrgJesMember = NonNullable<OrgSchool['jes']>[number];

const TYPE_NAMES: Record<string, string> = {
  string: 'een tekst (tussen aanhalingstekens)',
  number: 'een getal',
  boolean: 'true of false',
  array: 'een lijst ([ … ])',
  object: 'een object ({ … })',
  null: 'null',
};

/** Dutch messages for zod's issues, as the SOT office reads them. */
export const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'ontbreekt; dit veld is verplicht' };
      return {
        message: `moet ${TYPE_NAMES[issue.expected] ?? `een van ${issue.expected}`} zijn, maar is ${TYPE_NAMES[issue.received] ?? issue.received}`,
      };
    case z.ZodIssueCode.too_small:
      return { message: 'mag niet leeg zijn' };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `moet een van ${issue.options.map(String).join(', ')} zijn (nu: '${String(issue.received)}')` };
    default:
      return { message: ctx.defaultError };
  }
};
