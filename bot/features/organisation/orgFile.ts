import { z } from 'zod';

/** One problem in an organisation file: where (JSON path like `$.schools[1].consultant`) and what to fix, in Dutch. */
export interface OrgFileError {
  path: string;
  message: string;
}

export type OrgFileResult = { ok: true; file: OrgFile } | { ok: false; errors: OrgFileError[] };

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
const orgFileSchema = z.object({
  swv: z.object({ name: text, code: text, tenantId: text.optional() }),
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

/** Reads the text of an organisation file; JSON syntax errors become one clear error. */
export function parseOrgFileText(raw: string): OrgFileResult {
  const source = raw.replace(/^\uFEFF/, '');
  if (source.trim() === '') {
    return {
      ok: false,
      errors: [{ path: '$', message: 'Het bestand is leeg. Verwacht een JSON-object met swv, people, consultants en schools.' }],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: jsonSyntaxMessage(source, err) }] };
  }
  return validateOrgFile(data);
}

/** Checks structure and every reference; lists all problems, not just the first. */
export function validateOrgFile(input: unknown): OrgFileResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: '$', message: 'Het bestand moet één JSON-object zijn ({ … }) met swv, people, consultants en schools.' }],
    };
  }
  const parsed = orgFileSchema.safeParse(input, { errorMap: dutchErrorMap });
  const errors: OrgFileError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  // Cross-checks run on the raw input too, so a type error elsewhere does not hide a broken reference.
  errors.push(...checkReferences(input as Record<string, unknown>));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortByPath(dedupe(errors)) };
  return { ok: true, file: parsed.data };
}

function checkReferences(root: Record<string, unknown>): OrgFileError[] {
  const errors: OrgFileError[] = [];
  const people = list(root.people);
  const consultants = list(root.consultants);
  const schools = list(root.schools);

  const personIds = new Set<string>();
  const seenId = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const seenAad = new Map<string, number>();
  people.forEach((p, i) => {
    const id = str(field(p, 'id'));
    if (id !== undefined) {
      personIds.add(id);
      duplicate(
        seenId,
        id,
        i,
        `$.people[${i}].id`,
        `id '${id}' komt al voor bij $.people[${seenId.get(id)}]; geef iedere persoon een eigen id`,
        errors,
      );
    }
    const mail = str(field(p, 'email'))?.toLowerCase();
    if (mail !== undefined) {
      duplicate(
        seenEmail,
        mail,
        i,
        `$.people[${i}].email`,
        `e-mailadres '${mail}' staat ook bij $.people[${seenEmail.get(mail)}]; iedere persoon heeft een eigen e-mailadres`,
        errors,
      );
    }
    const aad = str(field(p, 'aadObjectId'))?.toLowerCase();
    if (aad !== undefined) {
      duplicate(
        seenAad,
        aad,
        i,
        `$.people[${i}].aadObjectId`,
        `aadObjectId '${aad}' staat ook bij $.people[${seenAad.get(aad)}]; één Teams-gebruiker kan maar één persoon zijn`,
        errors,
      );
    }
  });

  const missingPerson = (id: string) => `verwijst naar persoon '${id}', maar die staat niet in people[]`;

  const consultantIds = new Set<string>();
  const seenConsultant = new Map<string, number>();
  consultants.forEach((c, i) => {
    const id = str(field(c, 'person'));
    if (id === undefined) return;
    const path = `$.consultants[${i}].person`;
    if (!personIds.has(id)) errors.push({ path, message: missingPerson(id) });
    duplicate(
      seenConsultant,
      id,
      i,
      path,
      `'${id}' staat al als consulent bij $.consultants[${seenConsultant.get(id)}]; noem iedere consulent één keer`,
      errors,
    );
    consultantIds.add(id);
  });

  const seenBrin = new Map<string, number>();
  schools.forEach((s, i) => {
    const brin = str(field(s, 'brin'))?.toUpperCase();
    if (brin !== undefined) {
      duplicate(
        seenBrin,
        brin,
        i,
        `$.schools[${i}].brin`,
        `BRIN-code '${brin}' staat ook bij $.schools[${seenBrin.get(brin)}]; iedere school (vestiging) staat er één keer in`,
        errors,
      );
    }
    const consultantId = str(field(s, 'consultant'));
    if (consultantId !== undefined) {
      const path = `$.schools[${i}].consultant`;
      if (!personIds.has(consultantId)) errors.push({ path, message: missingPerson(consultantId) });
      else if (!consultantIds.has(consultantId)) {
        errors.push({
          path,
          message: `'${consultantId}' is geen consulent: voeg { "person": "${consultantId}" } toe aan consultants[] of kies een andere consulent`,
        });
      }
    }
    checkIdList(field(s, 'coordinators'), `$.schools[${i}].coordinators`, personIds, errors);
  });

  const roles = field(root, 'roles');
  checkIdList(field(roles, 'admins'), '$.roles.admins', personIds, errors);
  checkIdList(field(roles, 'thuiszittersteam'), '$.roles.thuiszittersteam', personIds, errors);
  return errors;
}

function checkIdList(value: unknown, path: string, personIds: Set<string>, errors: OrgFileError[]) {
  const seen = new Map<string, number>();
  list(value).forEach((item, k) => {
    const id = str(item);
    if (id === undefined) return;
    if (!personIds.has(id))
      errors.push({ path: `${path}[${k}]`, message: `verwijst naar persoon '${id}', maar die staat niet in people[]` });
    duplicate(seen, id, k, `${path}[${k}]`, `'${id}' staat al eerder in deze lijst (${path}[${seen.get(id)}])`, errors);
  });
}

function duplicate(seen: Map<string, number>, key: string, index: number, path: string, message: string, errors: OrgFileError[]) {
  if (seen.has(key)) errors.push({ path, message });
  else seen.set(key, index);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'een tekst (tussen aanhalingstekens)',
  number: 'een getal',
  boolean: 'true of false',
  array: 'een lijst ([ … ])',
  object: 'een object ({ … })',
  null: 'null',
};

const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
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

function jsonPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${acc}.${part}` : `${acc}[${JSON.stringify(part)}]`,
    '$',
  );
}

function jsonSyntaxMessage(source: string, err: unknown): string {
  const offset = findJsonSyntaxError(source);
  if (offset === undefined) return `Het bestand is geen geldige JSON (${err instanceof Error ? err.message : String(err)}).`;
  const before = source.slice(0, offset).split('\n');
  const where = `regel ${before.length}, kolom ${(before.at(-1)?.length ?? 0) + 1}`;
  const found = offset < source.length ? `staat '${source[offset]}' waar dat niet kan` : 'houdt het bestand onverwacht op';
  return `Het bestand is geen geldige JSON: bij ${where} ${found}. Controleer daar (en net ervoor) de komma's, aanhalingstekens en haakjes.`;
}

/** Offset of the first JSON syntax error (JSON.parse in Node 20 often does not say where). */
function findJsonSyntaxError(s: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (s[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < s.length && s[i] !== '"') {
      if (s[i]! < ' ') fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const ch = s[i];
    if (ch === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        string();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail();
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < s.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}

function dedupe(errors: OrgFileError[]): OrgFileError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TOP_LEVEL_ORDER = ['swv', 'people', 'consultants', 'schools', 'roles', 'thuiszittersteamChannel'];

/** Document order: top-level keys as in the contract, array items by index. */
function sortByPath(errors: OrgFileError[]): OrgFileError[] {
  const tokens = (path: string) => path.slice(1).match(/\[\d+\]|[^.[\]]+|\["[^"]*"\]/g) ?? [];
  const rank = (token: string, depth: number): number => {
    if (/^\[\d+\]$/.test(token)) return Number(token.slice(1, -1));
    if (depth === 0) {
      const i = TOP_LEVEL_ORDER.indexOf(token);
      return i >= 0 ? i : TOP_LEVEL_ORDER.length;
    }
    return 0; // keep the validator's order between keys of one object
  };
  return errors
    .map((error, index) => ({ error, index, tokens: tokens(error.path) }))
    .sort((a, b) => {
      const n = Math.min(a.tokens.length, b.tokens.length);
      for (let d = 0; d < n; d++) {
        const ra = rank(a.tokens[d]!, d);
        const rb = rank(b.tokens[d]!, d);
        if (ra !== rb) return ra - rb;
        if (a.tokens[d] !== b.tokens[d]) return a.index - b.index;
      }
      return a.index - b.index;
    })
    .map((x) => x.error);
}
