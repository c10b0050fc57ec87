import { jsonSyntaxMessage } from './jsonSyntaxError.ts';
import { dedupe, jsonPath, type OrgFileError, type OrgFileResult, sortByPath } from './orgFileErrors.ts';
import { checkReferences } from './orgFileReferences.ts';
import { checkContactHours } from './contactSchema.ts';
import { dutchErrorMap, orgFileSchema } from './orgFileSchema.ts';

// Reading and checking an organisation file (shared contract, section 1). The parts live beside this file:
// the schema, the reference checks, the JSON syntax error locator and the ordering of the error list.

export type { OrgFileError, OrgFileResult } from './orgFileErrors.ts';
export {
  JES_ROLES,
  type OrgConsultant,
  type OrgFile,
  type OrgJesMember,
  type OrgPerson,
  type OrgSchool,
  SECTORS,
} from './orgFileSchema.ts';

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
  errors.push(...checkReferences(input as Record<string, unknown>), ...checkContactHours(input as Record<string, unknown>));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: sortByPath(dedupe(errors)) };
  return { ok: true, file: parsed.data };
}
