import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../bot/store/database.ts';
import { parseOrgFileText, validateOrgFile, type OrgFile } from '../bot/features/organisation/orgFile.ts';
import {
  describeImportSummary,
  importOrganisation,
  OrgImportConflictError,
  OrgImportTooDrasticError,
} from '../bot/features/organisation/importOrganisation.ts';
import { createEmptyPostgresDatabase, createTestDatabase } from './support/testDatabase.ts';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join(root, 'test/fixtures', name);
const exampleText = fs.readFileSync(fixture('org.example.json'), 'utf8');

type Raw = Record<string, any>;
const example = (): Raw => JSON.parse(exampleText);

function orgFile(raw: unknown): OrgFile {
  const result = validateOrgFile(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.file;
}

/** Every row the import touches, in a stable order, to compare before and after. */
async function snapshot(db: Db) {
  return {
    swv: await db.swv.findMany({ orderBy: { code: 'asc' } }),
    people: await db.person.findMany({ orderBy: { email: 'asc' } }),
    consultants: await db.consultant.findMany({ orderBy: { personId: 'asc' } }),
    schools: await db.school.findMany({ orderBy: { brin: 'asc' } }),
    coordinators: await db.schoolCoordinator.findMany({ orderBy: [{ schoolId: 'asc' }, { personId: 'asc' }] }),
    jes: await db.jesMember.findMany({ orderBy: [{ schoolId: 'asc' }, { position: 'asc' }] }),
    audit: await db.auditEntry.findMany({ orderBy: { id: 'asc' } }),
  };
}

async function rowCounts(db: Db) {
  const s = await snapshot(db);
  return Object.fromEntries(Object.entries(s).map(([k, rows]) => [k, rows.length]));
}

async function personByKey(db: Db, fileKey: string) {
  return db.person.findFirstOrThrow({ where: { fileKey } });
}

describe('organisation file validation', () => {
  it('accepts the example file and normalises BRIN and e-mail', () => {
    const raw = example();
    raw.schools[0].brin = ' 12ab00 ';
    raw.people[0].email = 'Anna.DeVries@SWV-Voorbeeld.nl';
    raw.people[0].futureField = 'new optional fields are allowed';
    const file = orgFile(raw);
    expect(file.schools[0]!.brin).toBe('12AB00');
    expect(file.people[0]!.email).toBe('anna.devries@swv-voorbeeld.nl');
    expect(file.people).toHaveLength(5);
  });

  it('lists every error of an invalid file with its JSON path', () => {
    const result = parseOrgFileText(fs.readFileSync(fixture('org.invalid.json'), 'utf8'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      '$.swv.code',
      '$.people[1].email',
      '$.people[2].id',
      '$.people[3].email',
      '$.consultants[0].channel.channelId',
      '$.schools[0].brin',
      '$.schools[0].jes[0].role',
      '$.schools[0].coordinators[0]',
      '$.schools[1].sector',
      '$.schools[1].consultant',
      '$.roles.admins[0]',
    ]);
    const message = (p: string) => result.errors.find((e) => e.path === p)!.message;
    expect(message('$.swv.code')).toBe('ontbreekt; dit veld is verplicht');
    expect(message('$.people[1].email')).toContain('geen geldig e-mailadres');
    expect(message('$.people[2].id')).toContain("'p-anna' komt al voor bij $.people[0]");
    expect(message('$.people[3].email')).toContain('staat ook bij $.people[0]');
    expect(message('$.consultants[0].channel.channelId')).toContain('19:…@thread.tacv2');
    expect(message('$.schools[0].brin')).toContain('BRIN');
    expect(message('$.schools[0].jes[0].role')).toBe("moet een van smw, leerplicht, jgz, other zijn (nu: 'arts')");
    expect(message('$.schools[0].coordinators[0]')).toBe("verwijst naar persoon 'p-zoe', maar die staat niet in people[]");
    expect(message('$.schools[1].sector')).toContain('PO, SBO, SO, VO');
    expect(message('$.schools[1].consultant')).toContain("'p-dirk' is geen consulent");
    expect(message('$.roles.admins[0]')).toBe("verwijst naar persoon 'p-eva', maar die staat niet in people[]");
  });

  it('reports a JSON syntax error with line and column', () => {
    const result = parseOrgFileText('{\n  "swv": { "name": "X", "code": "PO1" },\n  "people": [ }\n}');
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '$', message: expect.stringContaining('bij regel 3, kolom 15') }],
    });
    if (!result.ok) expect(result.errors[0]!.message).toContain('geen geldige JSON');
  });

  it('accepts a BRIN without location and rejects a channel id that is not a Teams id', () => {
    const raw = example();
    raw.schools[1].brin = '34cd';
    raw.thuiszittersteamChannel.channelId = '19:abc@thread.v2';
    const result = validateOrgFile(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['$.thuiszittersteamChannel.channelId']);
  });
});

describe('importOrganisation', () => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.prisma;
  });
  afterEach(async () => {
    await database.close();
  });

  it('imports the example file with the expected rows', async () => {
    const summary = await importOrganisation(db, orgFile(example()), 'test');
    expect(summary).toEqual({
      changed: true,
      swv: { created: true, updated: false },
      people: { created: 5, updated: 0, deactivated: 0 },
      consultants: { created: 2, updated: 0, deactivated: 0 },
      schools: { created: 2, updated: 0, deactivated: 0 },
      coordinators: { added: 2, removed: 0 },
      jes: { schoolsUpdated: 1 },
    });

    const swv = await db.swv.findUniqueOrThrow({ where: { code: 'PO2999' } });
    expect(swv).toMatchObject({
      name: 'Samenwerkingsverband Voorbeeldstreek PO',
      tztTeamId: '19:team-sot@thread.tacv2',
      tztChannelId: '19:kanaal-thuiszitters@thread.tacv2',
    });

    const people = await db.person.findMany({ orderBy: { fileKey: 'asc' } });
    expect(people.map((p) => [p.fileKey, p.email, p.aadObjectId, p.isAdmin, p.isThuiszittersteam, p.active])).toEqual([
      ['p-anna', 'anna.devries@swv-voorbeeld.nl', '00000000-0000-4000-8000-000000000001', false, false, true],
      ['p-bram', 'bram.visser@swv-voorbeeld.nl', '00000000-0000-4000-8000-000000000002', false, true, true],
      ['p-carla', 'c.smit@obs-kompas.nl', '00000000-0000-4000-8000-000000000003', false, false, true],
      ['p-dirk', 'd.bakker@cbs-ark.nl', '00000000-0000-4000-8000-000000000004', false, false, true],
      ['p-eva', 'eva.mulder@swv-voorbeeld.nl', '00000000-0000-4000-8000-000000000005', true, false, true],
    ]);
    expect(people.every((p) => p.swvId === swv.id)).toBe(true);

    const anna = await personByKey(db, 'p-anna');
    const bram = await personByKey(db, 'p-bram');
    const consultants = await db.consultant.findMany();
    expect(consultants).toHaveLength(2);
    expect(consultants.find((c) => c.personId === anna.id)).toEqual({
      personId: anna.id,
      teamId: '19:team-sot@thread.tacv2',
      channelId: '19:kanaal-anna@thread.tacv2',
      active: true,
    });
    expect(consultants.find((c) => c.personId === bram.id)).toEqual({ personId: bram.id, teamId: null, channelId: null, active: true });

    const schools = await db.school.findMany({
      orderBy: { brin: 'asc' },
      include: { coordinators: { include: { person: true } }, jesMembers: { orderBy: { position: 'asc' } } },
    });
    expect(schools.map((s) => [s.brin, s.name, s.sector, s.consultantId, s.active])).toEqual([
      ['12AB00', 'Obs Het Kompas', 'PO', anna.id, true],
      ['34CD00', 'Cbs De Ark', 'PO', bram.id, true],
    ]);
    expect(schools[0]!.coordinators.map((c) => [c.person.fileKey, c.source])).toEqual([['p-carla', 'import']]);
    expect(schools[1]!.coordinators.map((c) => [c.person.fileKey, c.source])).toEqual([['p-dirk', 'import']]);
    expect(schools[0]!.jesMembers.map((m) => [m.position, m.role, m.name, m.email, m.organisation])).toEqual([
      [0, 'smw', 'Fatima El Amrani', 'f.elamrani@welzijn-voorbeeld.nl', 'Welzijn Voorbeeldstreek'],
      [1, 'leerplicht', 'Gert Jonker', 'g.jonker@gemeente-voorbeeld.nl', 'Gemeente Voorbeeldstad'],
    ]);
    expect(schools[1]!.jesMembers).toEqual([]);

    const audit = await db.auditEntry.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'test', action: 'org.import', subjectType: 'swv', subjectId: swv.id });
    expect(audit[0]!.details).toEqual(summary);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Anna');
  });

  it('a file with errors leaves the database unchanged', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const before = await snapshot(db);

    const result = parseOrgFileText(fs.readFileSync(fixture('org.invalid.json'), 'utf8'));
    if (result.ok) await importOrganisation(db, result.file, 'test');

    expect(result.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(await rowCounts(db)).toEqual({ swv: 1, people: 5, consultants: 2, schools: 2, coordinators: 2, jes: 2, audit: 1 });
  });

  it('rolls back everything when the file conflicts with the database halfway', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    // Approved inside Teams, never in a file.
    await db.person.create({
      data: {
        swvId: (await db.swv.findFirstOrThrow()).id,
        name: 'Hanna Kok',
        email: 'h.kok@obs-kompas.nl',
        aadObjectId: '00000000-0000-4000-8000-000000000099',
      },
    });
    const before = await snapshot(db);

    const raw = example();
    raw.swv.name = 'Nieuwe naam'; // written before the conflicts are found
    raw.people[4].email = 'h.kok@obs-kompas.nl'; // p-eva takes Hanna's address
    delete raw.people[4].aadObjectId; // so p-eva keeps the Teams id learned before …
    raw.people.push({ id: 'p-henk', name: 'Henk Kok', email: 'henk@elders.nl', aadObjectId: '00000000-0000-4000-8000-000000000005' }); // … which p-henk claims
    const error = await importOrganisation(db, orgFile(raw), 'test').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OrgImportConflictError);
    expect((error as OrgImportConflictError).problems).toEqual([
      "Persoon 'p-eva': het e-mailadres h.kok@obs-kompas.nl hoort in de database bij Hanna Kok, die niet in het bestand staat. Eén e-mailadres hoort bij één persoon; controleer het e-mailadres in het bestand.",
      "Persoon 'p-henk': de aadObjectId 00000000-0000-4000-8000-000000000005 is in de database al gekoppeld aan Eva Mulder ('p-eva' in het bestand). Eén Teams-gebruiker hoort bij één persoon; controleer de aadObjectId in het bestand.",
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a file that would deactivate every admin or most people, unless forced; a dry run changes nothing', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const before = await snapshot(db);
    const empty = { ...example(), people: [], consultants: [], schools: [], roles: {} };
    const validEmpty = validateOrgFile(empty);
    if (!validEmpty.ok) throw new Error(JSON.stringify(validEmpty.errors)); // the contract allows it: the guard must hold
    const refused = await importOrganisation(db, validEmpty.file, 'test').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OrgImportTooDrasticError);
    expect((refused as OrgImportTooDrasticError).problems.join('\n')).toMatch(/beheerder/);
    expect(await snapshot(db)).toEqual(before);

    const noAdmins = example();
    noAdmins.roles.admins = [];
    const refusedAdmins = await importOrganisation(db, orgFile(noAdmins), 'test').catch((e: unknown) => e);
    expect((refusedAdmins as OrgImportTooDrasticError).problems).toHaveLength(1);

    const dry = await importOrganisation(db, validEmpty.file, 'test', { dryRun: true });
    expect(dry.people.deactivated).toBe(5);
    expect(dry.warnings!.length).toBe(2);
    expect(await snapshot(db)).toEqual(before);

    const forced = await importOrganisation(db, validEmpty.file, 'test', { force: true });
    expect(forced.people.deactivated).toBe(5);
    expect(await db.person.count({ where: { active: true } })).toBe(0);
  });

  it('a second import of the same file writes nothing', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const before = await snapshot(db);

    const summary = await importOrganisation(db, orgFile(example()), 'test');

    expect(summary.changed).toBe(false);
    expect(summary).toEqual({
      changed: false,
      swv: { created: false, updated: false },
      people: { created: 0, updated: 0, deactivated: 0 },
      consultants: { created: 0, updated: 0, deactivated: 0 },
      schools: { created: 0, updated: 0, deactivated: 0 },
      coordinators: { added: 0, removed: 0 },
      jes: { schoolsUpdated: 0 },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(describeImportSummary(summary)).toBe('Geen wijzigingen: het bestand komt overeen met de database.');
  });

  it('makes a person removed from the file inactive, without deleting them', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const raw = example();
    raw.people = raw.people.filter((p: Raw) => p.id !== 'p-eva' && p.id !== 'p-carla');
    raw.roles.admins = [];
    raw.schools[0].coordinators = [];

    // Eva is the only admin: without --force this is refused (see the test on drastic files).
    const summary = await importOrganisation(db, orgFile(raw), 'test', { force: true });

    expect(summary.people).toEqual({ created: 0, updated: 0, deactivated: 2 });
    expect(summary.coordinators).toEqual({ added: 0, removed: 1 });
    const eva = await personByKey(db, 'p-eva');
    expect(eva).toMatchObject({ active: false, isAdmin: false, email: 'eva.mulder@swv-voorbeeld.nl' });
    expect(await personByKey(db, 'p-carla')).toMatchObject({ active: false });
    expect(await db.person.count()).toBe(5);
    expect(await db.schoolCoordinator.count()).toBe(1);
    expect(describeImportSummary(summary)).toBe(
      'Organisatie geïmporteerd: 2 personen inactief gezet, 1 coördinator losgekoppeld van een school.',
    );

    // Back in the file: active again, same row.
    await importOrganisation(db, orgFile(example()), 'test');
    expect(await personByKey(db, 'p-eva')).toMatchObject({ id: eva.id, active: true, isAdmin: true });
  });

  it('keeps coordinators approved in Teams on a re-import', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const swv = await db.swv.findFirstOrThrow();
    const kompas = await db.school.findFirstOrThrow({ where: { brin: '12AB00' } });
    const ark = await db.school.findFirstOrThrow({ where: { brin: '34CD00' } });
    const approved = await db.person.create({
      data: { swvId: swv.id, name: 'Ilse de Boer', email: 'i.deboer@obs-kompas.nl', aadObjectId: '00000000-0000-4000-8000-000000000042' },
    });
    await db.schoolCoordinator.create({ data: { schoolId: kompas.id, personId: approved.id, source: 'approval' } });
    const dirk = await personByKey(db, 'p-dirk');
    await db.schoolCoordinator.create({ data: { schoolId: kompas.id, personId: dirk.id, source: 'approval' } });

    const summary = await importOrganisation(db, orgFile(example()), 'test');

    expect(summary.changed).toBe(false);
    const rows = await db.schoolCoordinator.findMany({ where: { schoolId: kompas.id } });
    expect(rows.map((r) => [r.personId, r.source]).sort()).toEqual(
      [
        [(await personByKey(db, 'p-carla')).id, 'import'],
        [approved.id, 'approval'],
        [dirk.id, 'approval'],
      ].sort(),
    );
    expect(await db.schoolCoordinator.count({ where: { schoolId: ark.id } })).toBe(1);
    expect(await db.person.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ active: true, fileKey: null });
  });

  it('keeps a channel linked in Teams when the file has none, and sets one the file gives', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const bram = await personByKey(db, 'p-bram');
    await db.consultant.update({
      where: { personId: bram.id },
      data: { teamId: '19:team-sot@thread.tacv2', channelId: '19:kanaal-bram@thread.tacv2' },
    });

    const again = await importOrganisation(db, orgFile(example()), 'test');
    expect(again.changed).toBe(false);
    expect(await db.consultant.findUniqueOrThrow({ where: { personId: bram.id } })).toMatchObject({
      channelId: '19:kanaal-bram@thread.tacv2',
    });

    const raw = example();
    raw.consultants[1].channel = { teamId: '19:team-sot@thread.tacv2', channelId: '19:kanaal-bram-nieuw@thread.tacv2' };
    const summary = await importOrganisation(db, orgFile(raw), 'test');
    expect(summary.consultants).toEqual({ created: 0, updated: 1, deactivated: 0 });
    expect(await db.consultant.findUniqueOrThrow({ where: { personId: bram.id } })).toMatchObject({
      channelId: '19:kanaal-bram-nieuw@thread.tacv2',
    });
  });

  it('moves a school to another consultant by updating the school only', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const before = await snapshot(db);
    const raw = example();
    raw.schools[1].consultant = 'p-anna';

    const summary = await importOrganisation(db, orgFile(raw), 'test');

    expect(summary).toMatchObject({
      changed: true,
      people: { created: 0, updated: 0, deactivated: 0 },
      consultants: { created: 0, updated: 0, deactivated: 0 },
      schools: { created: 0, updated: 1, deactivated: 0 },
      coordinators: { added: 0, removed: 0 },
      jes: { schoolsUpdated: 0 },
    });
    const anna = await personByKey(db, 'p-anna');
    const after = await snapshot(db);
    expect(after.schools.find((s) => s.brin === '34CD00')!.consultantId).toBe(anna.id);
    expect(after.schools.find((s) => s.brin === '12AB00')).toEqual(before.schools.find((s) => s.brin === '12AB00'));
    expect({ ...after, schools: [], audit: [] }).toEqual({ ...before, schools: [], audit: [] });
    expect(after.audit).toHaveLength(2);
  });

  it('deactivates schools and consultants that left the file', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const raw = example();
    raw.schools = raw.schools.slice(0, 1);
    raw.consultants = raw.consultants.slice(0, 1);
    raw.roles.thuiszittersteam = [];

    const summary = await importOrganisation(db, orgFile(raw), 'test');

    expect(summary.schools).toEqual({ created: 0, updated: 0, deactivated: 1 });
    expect(summary.consultants).toEqual({ created: 0, updated: 0, deactivated: 1 });
    expect(await db.school.findFirstOrThrow({ where: { brin: '34CD00' } })).toMatchObject({ active: false });
    const bram = await personByKey(db, 'p-bram');
    expect(bram).toMatchObject({ active: true, isThuiszittersteam: false });
    expect(await db.consultant.findUniqueOrThrow({ where: { personId: bram.id } })).toMatchObject({ active: false });
  });

  it('keeps a learned Teams id and links a person approved in Teams by e-mail', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const swv = await db.swv.findFirstOrThrow();
    const approved = await db.person.create({
      data: { swvId: swv.id, name: 'Joost Peters', email: 'J.Peters@cbs-ark.nl', aadObjectId: '00000000-0000-4000-8000-000000000077' },
    });
    const raw = example();
    delete raw.people[2].aadObjectId; // p-carla: known from the first import
    raw.people.push({ id: 'p-joost', name: 'Joost Peters', email: 'J.Peters@cbs-ark.nl' });
    raw.schools[1].coordinators.push('p-joost');

    const summary = await importOrganisation(db, orgFile(raw), 'test');

    expect(summary.people).toEqual({ created: 0, updated: 1, deactivated: 0 });
    expect((await personByKey(db, 'p-carla')).aadObjectId).toBe('00000000-0000-4000-8000-000000000003');
    expect(await personByKey(db, 'p-joost')).toMatchObject({
      id: approved.id,
      email: 'j.peters@cbs-ark.nl',
      aadObjectId: '00000000-0000-4000-8000-000000000077',
    });
    expect(await db.person.count()).toBe(6);
  });

  it('lets two people swap e-mail addresses and Teams ids', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const raw = example();
    const [anna, bram] = [raw.people[0], raw.people[1]];
    [anna.email, bram.email] = [bram.email, anna.email];
    [anna.aadObjectId, bram.aadObjectId] = [bram.aadObjectId, anna.aadObjectId];

    const summary = await importOrganisation(db, orgFile(raw), 'test');

    expect(summary.people).toEqual({ created: 0, updated: 2, deactivated: 0 });
    expect(await personByKey(db, 'p-anna')).toMatchObject({
      email: 'bram.visser@swv-voorbeeld.nl',
      aadObjectId: '00000000-0000-4000-8000-000000000002',
    });
    expect(await personByKey(db, 'p-bram')).toMatchObject({
      email: 'anna.devries@swv-voorbeeld.nl',
      aadObjectId: '00000000-0000-4000-8000-000000000001',
    });
    expect((await importOrganisation(db, orgFile(raw), 'test')).changed).toBe(false);
  });

  it('replaces the JES list when it differs', async () => {
    await importOrganisation(db, orgFile(example()), 'test');
    const raw = example();
    raw.schools[0].jes = [{ role: 'jgz', name: 'Karin Vos', email: 'k.vos@ggd-voorbeeld.nl', organisation: 'GGD' }];
    const summary = await importOrganisation(db, orgFile(raw), 'test');
    expect(summary.jes).toEqual({ schoolsUpdated: 1 });
    const kompas = await db.school.findFirstOrThrow({ where: { brin: '12AB00' }, include: { jesMembers: true } });
    expect(kompas.jesMembers.map((m) => [m.position, m.role, m.name])).toEqual([[0, 'jgz', 'Karin Vos']]);
  });
});

describe('npm run org:import', () => {
  const execFileAsync = promisify(execFile);
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-org-import-'));
    env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  });
  /** A migrated database for the CLI, so it skips the slow first-time creation of an embedded one. */
  async function prepareDatabase() {
    if (process.env.TEST_DATABASE_URL) {
      const created = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL);
      env.DATABASE_URL = created.url;
      dropDatabase = created.drop;
    } else if (process.env.SOT_TEST_DB_DUMP) {
      const pg = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(process.env.SOT_TEST_DB_DUMP)]) });
      await pg.close();
    }
  }
  afterEach(async () => {
    await dropDatabase?.();
    dropDatabase = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (file: string, ...flags: string[]) =>
    execFileAsync('npx', ['tsx', 'scripts/org-import.ts', ...flags, file], { cwd: root, env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  it('rejects an invalid file with every error and exit code 1', async () => {
    const result = await run(fixture('org.invalid.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Er is niets gewijzigd');
    for (const p of ['$.swv.code', '$.people[1].email', '$.schools[1].consultant', '$.roles.admins[0]']) {
      expect(result.stderr).toContain(`  ${p}: `);
    }
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(dataDir)).toEqual([]); // the database was not even opened
  });

  it('imports the valid file and exits 0', async () => {
    await prepareDatabase();
    const result = await run(fixture('org.example.json'));
    expect(result.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Organisatie geïmporteerd:');
    expect(result.stdout).toContain('2 scholen nieuw');
  }, 90_000);

  it('--dry-run says what would change; a file that empties the office is refused until --force', async () => {
    await prepareDatabase();
    expect((await run(fixture('org.example.json'))).code).toBe(0);
    const emptied = path.join(dataDir, '..', `${path.basename(dataDir)}-empty.json`);
    fs.writeFileSync(emptied, JSON.stringify({ ...example(), people: [], consultants: [], schools: [], roles: {} }));
    try {
      const dry = await run(emptied, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Proefdraai (--dry-run), er is niets gewijzigd');
      expect(dry.stdout).toContain('5 personen inactief gezet');
      expect(dry.stdout).toContain('Zonder --force wordt dit geweigerd');
      const refused = await run(emptied);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--force');
      expect(refused.stderr).toContain('er is niets gewijzigd');
      const forced = await run(emptied, '--force');
      expect(forced.code).toBe(0);
      expect(forced.stdout).toContain('5 personen inactief gezet');
    } finally {
      fs.rmSync(emptied, { force: true });
    }
  }, 120_000);
});
