// The trust boundary, tried as an outsider would: another tenant, forged bodies, other places than the
// personal chat, colleagues without a role on a request. Each test failed on the code before the fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localLinkSecret } from '../bot/linkSecret.ts';
import { isLoopbackUrl, tenantOf } from '../bot/teams/trust.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { ANNA_CHANNEL, importFixture, PEOPLE } from './support/org.ts';
import { fileRequest } from './support/requests.ts';
import { textOf } from './support/cards.ts';
import type { TeamsClient, TeamsUser } from './support/teamsClient.ts';

const OTHER_TENANT = '99999999-0000-4000-8000-0000000000bb';
let h: Harness;
let spreekuur: { id: string; reference: string };
let thuiszitter: { id: string; reference: string };

beforeAll(async () => {
  h = await startHarness();
  await importFixture(h.db);
  for (const p of [PEOPLE.anna, PEOPLE.bram, PEOPLE.carla, PEOPLE.dirk, PEOPLE.eva]) await h.client(p).say('hallo');
  spreekuur = await fileRequest(h, h.client(PEOPLE.carla), 'spreekuur', { 'Uw vraag (kort)': 'GEHEIM-SPREEKUUR over faalangst' });
  thuiszitter = await fileRequest(h, h.client(PEOPLE.carla), 'thuiszitter', {
    'Wat heeft de school al geprobeerd?': 'GEHEIM-THUISZITTER aangepast rooster',
  });
});
afterAll(() => h?.close());

const rows = async () => ({
  audit: await h.db.prisma.auditEntry.count(),
  conversations: (await h.db.prisma.personalConversation.count()) + (await h.db.prisma.unknownUserConversation.count()),
  tenants: await h.db.prisma.tenantService.count(),
  registrations: await h.db.prisma.registration.count(),
});

describe('another tenant', () => {
  // Same AAD object id as Carla, the coordinator, but from another organisation's tenant.
  const outsider = () => h.client(PEOPLE.carla, undefined, { tenantId: OTHER_TENANT });

  it('is refused before any lookup: a Dutch line in the personal chat, 403, nothing stored', async () => {
    const before = await rows();
    const posts = h.connector.posts.length;
    const res = await outsider().say('mijn aanvragen');
    expect(res.status).toBe(403);
    const said = h.connector.messagesIn(outsider().conversationId).slice(-1)[0];
    expect(String(said?.text)).toContain('andere organisatie');
    expect(h.connector.posts.length).toBe(posts + 1); // that one line, no list
    expect(JSON.stringify(h.connector.posts.slice(posts))).not.toContain(spreekuur.reference);
    expect(await rows()).toEqual(before);
  });

  it('gets a refusal card for a card action and no request details', async () => {
    const res = await outsider().execute('request.view', { requestId: spreekuur.id });
    expect(res.status).toBe(200);
    expect(textOf(res.card!)).toContain('andere organisatie');
    expect(JSON.stringify(res.body)).not.toContain('GEHEIM');
    const mine = await outsider().execute('mine.list');
    expect(JSON.stringify(mine.body)).not.toContain(spreekuur.reference);
  });

  it('an install or conversation update from another tenant is ignored with 403', async () => {
    const before = await rows();
    const res = await outsider().installed();
    expect(res.status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('an activity whose two tenant fields disagree is refused', async () => {
    const res = await h
      .client(PEOPLE.carla)
      .post({ type: 'message', text: 'mijn aanvragen', channelData: { tenant: { id: OTHER_TENANT } } });
    expect(res.status).toBe(403);
    expect(tenantOf({ conversation: { tenantId: 'A' } as never, channelData: { tenant: { id: 'b' } } })).toBeNull();
    expect(tenantOf({ conversation: { tenantId: 'ABC' } as never })).toBe('abc');
  });
});

describe('transport', () => {
  const post = (body: string, headers: Record<string, string>) => fetch(h.botUrl, { method: 'POST', headers, body });

  it('refuses multipart uploads with 415 and writes nothing to the temp folder', async () => {
    const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(200_000, 65)]), 'groot.bin');
    const res = await fetch(h.botUrl, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    const added = fs.readdirSync(os.tmpdir()).filter((f) => !tmpBefore.has(f) && f.startsWith('upload_'));
    expect(added).toEqual([]);
  });

  it('answers 415 to other content types, 400 to bad JSON or a body that is no activity, 413 to a huge body', async () => {
    expect((await post('type=message', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('{"type":"message"}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"type":"message"}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
    expect((await post('{"type": "mess', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('{}', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('[1,2]', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('null', { 'content-type': 'application/json' })).status).toBe(400);
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    expect((await post(huge, { 'content-type': 'application/json' })).status).toBe(413);
    // Still serving afterwards.
    expect((await h.client(PEOPLE.carla).say('help')).status).toBe(200);
  });

  it('local mode listens on loopback only', () => {
    const address = (h.bot as unknown as { port: number }).port;
    expect(address).toBeGreaterThan(0);
    expect(new URL(h.botUrl).hostname).toBe('127.0.0.1');
  });

  it('local mode never calls a service URL that is not on this machine', async () => {
    const before = await rows();
    const forged = h.client(PEOPLE.carla, undefined, { serviceUrl: 'http://10.1.2.3:8080/' });
    expect((await forged.say('mijn aanvragen')).status).toBe(403);
    expect((await forged.execute('request.view', { requestId: spreekuur.id })).status).toBe(403);
    expect(await rows()).toEqual(before);
    expect(isLoopbackUrl('http://localhost:3978/')).toBe(true);
    expect(isLoopbackUrl('http://127.8.9.10/')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:80/')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1.nip.example/')).toBe(false);
    expect(isLoopbackUrl('https://smba.trafficmanager.net/emea/')).toBe(false);
  });

  it('local mode keeps one random link secret per data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sot-secret-'));
    const a = localLinkSecret(dir);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(localLinkSecret(dir)).toBe(a);
    expect(localLinkSecret(fs.mkdtempSync(path.join(os.tmpdir(), 'sot-secret-')))).not.toBe(a);
    expect(fs.statSync(path.join(dir, 'link-secret')).mode & 0o077).toBe(0);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('registration', () => {
  it('approval never hands an existing directory person (an admin) to a newcomer with the same e-mail', async () => {
    const impostor: TeamsUser = { id: '29:impostor', aadObjectId: '00000000-0000-4000-8000-0000000000ee', name: 'Eva M.' };
    // The newcomer's account reports the admin's e-mail address.
    h.connector.setMember(impostor.id, { aadObjectId: impostor.aadObjectId, name: impostor.name, email: 'eva.mulder@swv-voorbeeld.nl' });
    const client = h.client(impostor);
    await client.say('hallo');
    const form = h.connector.cardsIn(client.conversationId).at(-1)!;
    const school = await h.db.prisma.school.findFirstOrThrow({ where: { name: 'Obs Het Kompas' } });
    await client.execute('registration.submit', { schoolId: school.id, role: 'IB' });
    expect(form).toBeDefined();
    const registration = await h.db.prisma.registration.findFirstOrThrow({ where: { aadObjectId: impostor.aadObjectId } });
    const eva = h.client(PEOPLE.eva);
    const res = await eva.execute('registration.approve', { registrationId: registration.id });
    expect(textOf(res.card!)).toContain('hoort al bij Eva Mulder');
    const admin = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Eva Mulder' } });
    expect(admin.aadObjectId).toBe(PEOPLE.eva.aadObjectId);
    expect(admin.isAdmin).toBe(true);
    expect((await h.db.prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).status).toBe('pending');
    // The impostor is still nobody: no requests of the school.
    const mine = await client.execute('mine.list');
    expect(JSON.stringify(mine.body)).not.toContain(spreekuur.reference);
  });

  it('only admins see a registration (name, e-mail, school), not whoever knows its id', async () => {
    const registration = await h.db.prisma.registration.findFirstOrThrow();
    for (const who of [PEOPLE.stranger, PEOPLE.anna, PEOPLE.carla]) {
      const res = await h.client(who).execute('registration.approve', { registrationId: registration.id });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('eva.mulder@swv-voorbeeld.nl');
      expect(text).not.toContain(registration.name);
      expect(textOf(res.card!)).toContain('Alleen');
    }
    expect((await h.db.prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).status).toBe('pending');
  });
});

describe('scope: pupil data only where it belongs', () => {
  const group = (user: TeamsUser) => h.client(user, { id: '19:groepschat@unq.gbl.spaces', type: 'groupChat' });
  const channel = (user: TeamsUser) => h.client(user, { id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL });

  it('"mijn aanvragen" and the dialogs answer in a group chat or channel only with where to go', async () => {
    for (const client of [group(PEOPLE.carla), channel(PEOPLE.carla)]) {
      const before = h.connector.posts.length;
      await client.say('mijn aanvragen');
      await client.say('spreekuur');
      const said = JSON.stringify(h.connector.posts.slice(before));
      expect(said).toContain('eigen chat');
      expect(said).not.toContain(spreekuur.reference);
      expect(said).not.toContain('Uw vraag');
    }
  });

  it('a request view pressed in a group chat shows nothing of the request', async () => {
    const res = await group(PEOPLE.carla).execute('request.view', { requestId: spreekuur.id });
    expect(textOf(res.card!)).toContain('eigen chat');
    expect(JSON.stringify(res.body)).not.toContain('GEHEIM');
    const refresh = await group(PEOPLE.anna).execute('request.refresh', { requestId: spreekuur.id });
    expect(JSON.stringify(refresh.body)).not.toContain('GEHEIM');
  });

  it('the shared channel card carries no pupil details; the thuiszitter mirror neither', async () => {
    const shared = h.connector.posts.filter(
      (p) => JSON.stringify(p.activity).includes(thuiszitter.reference) || JSON.stringify(p.activity).includes(spreekuur.reference),
    );
    expect(shared.length).toBeGreaterThan(1);
    for (const post of shared) {
      const text = JSON.stringify(post.activity);
      expect(text).not.toContain('GEHEIM');
      expect(text).not.toContain('J.B.');
      expect(text).not.toContain('Schoolweigering');
    }
  });
});

describe('read access: roles × reads × places', () => {
  type Who = 'coordinator' | 'otherCoordinator' | 'assignee' | 'otherConsultant' | 'thuiszittersteam' | 'admin' | 'unknown' | 'otherTenant';
  const people: Record<Who, { user: TeamsUser; tenantId?: string }> = {
    coordinator: { user: PEOPLE.carla },
    otherCoordinator: { user: PEOPLE.dirk },
    assignee: { user: PEOPLE.anna },
    otherConsultant: { user: PEOPLE.bram }, // also Thuiszittersteam: no role on a spreekuur of Anna's school
    thuiszittersteam: { user: PEOPLE.bram },
    admin: { user: PEOPLE.eva },
    unknown: { user: PEOPLE.stranger },
    otherTenant: { user: PEOPLE.carla, tenantId: OTHER_TENANT },
  };
  const places = ['personal', 'groupChat', 'channel'] as const;
  const reads = ['request.view', 'request.refresh', 'mine.list'] as const;

  function clientFor(who: Who, place: (typeof places)[number]): TeamsClient {
    const { user, tenantId } = people[who];
    const conversation =
      place === 'personal'
        ? undefined
        : place === 'groupChat'
          ? ({ id: '19:groepschat@unq.gbl.spaces', type: 'groupChat' } as const)
          : ({ id: ANNA_CHANNEL.channelId, type: 'channel', ...ANNA_CHANNEL } as const);
    return h.client(user, conversation, tenantId ? { tenantId } : undefined);
  }

  /** Who may read the details (lifecycle.ts mayReadDetails), and where each read answers. */
  function expected(who: Who, read: (typeof reads)[number], place: (typeof places)[number], type: 'spreekuur' | 'thuiszitter'): boolean {
    if (who === 'otherTenant' || who === 'unknown' || place === 'groupChat') return false;
    if (read === 'request.view' || read === 'mine.list') return who === 'coordinator' && place === 'personal';
    const entitled =
      who === 'coordinator' ||
      who === 'assignee' ||
      who === 'admin' ||
      (type === 'thuiszitter' && (who === 'thuiszittersteam' || who === 'otherConsultant'));
    return entitled;
  }

  for (const type of ['spreekuur', 'thuiszitter'] as const) {
    for (const who of Object.keys(people) as Who[]) {
      if (type === 'thuiszitter' && who === 'otherConsultant') continue; // Bram is Thuiszittersteam there
      if (type === 'spreekuur' && who === 'thuiszittersteam') continue; // Bram is just another consultant there
      for (const read of reads) {
        for (const place of places) {
          const sees = expected(who, read, place, type);
          it(`${type}: ${who} ${sees ? 'sees' : 'does not see'} the details with ${read} in ${place}`, async () => {
            const request = type === 'spreekuur' ? spreekuur : thuiszitter;
            const secret = type === 'spreekuur' ? 'GEHEIM-SPREEKUUR' : 'GEHEIM-THUISZITTER';
            const auditBefore = await h.db.prisma.auditEntry.count({ where: { action: 'request.read', subjectId: request.id } });
            const res = await clientFor(who, place).execute(read, { requestId: request.id });
            const body = JSON.stringify(res.body ?? '');
            // mine.list shows references, not the question: there the reference is what must not leak.
            const visible = read === 'mine.list' ? body.includes(request.reference) : body.includes(secret);
            expect(visible).toBe(sees);
            expect(res.status).toBe(200); // every answer is a card Teams shows, also a refusal
            if (read !== 'mine.list') {
              const auditAfter = await h.db.prisma.auditEntry.count({ where: { action: 'request.read', subjectId: request.id } });
              expect(auditAfter - auditBefore).toBe(sees ? 1 : 0);
            }
          });
        }
      }
    }
  }

  it('an audited read names who, when and through which route', async () => {
    await clientFor('assignee', 'channel').execute('request.refresh', { requestId: spreekuur.id });
    const entry = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'request.read', subjectId: spreekuur.id },
      orderBy: { id: 'desc' },
    });
    const anna = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Anna de Vries' } });
    expect(entry.actorId).toBe(anna.id);
    expect(entry.details).toEqual({ via: 'request.refresh' });
    expect(entry.at).toBeInstanceOf(Date);
  });
});
