import type { OrgFileError } from './orgFileErrors.ts';

// Cross-references inside an organisation file (who is a person, a consultant, listed twice), checked on
// the raw input so that a type error elsewhere does not hide a broken reference.

/** Every broken or duplicate reference in the file. */
export function checkReferences(root: Record<string, unknown>): OrgFileError[] {
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
