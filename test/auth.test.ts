// Authentication of POST /api/messages in Teams mode, with tokens signed locally against a local OpenID
// metadata document (botbuilder's real checks, pointed at it): every wrong token is refused with 401,
// before the bot reads or writes anything; a right token from another tenant is refused with 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TENANT_ID, type Harness } from './support/harness.ts';
import { importFixture, PEOPLE } from './support/org.ts';
import { CHANNEL_ISSUER, LocalOpenId } from './support/openid.ts';
import { textOf } from './support/cards.ts';

const APP_ID = '3c1f6a2e-7b4d-4e8a-9f01-2d5c6b7a8e90';
const OTHER_TENANT = '99999999-0000-4000-8000-0000000000bb';

for (const appType of ['MultiTenant', 'SingleTenant'] as const) {
  describe(`tokens (${appType})`, () => {
    let h: Harness;
    let openid: LocalOpenId;

    beforeAll(async () => {
      openid = await new LocalOpenId().start();
      h = await startHarness({
        config: {
          credentials: {
            appId: APP_ID,
            appPassword: 'not-used-offline',
            appType,
            tenantId: appType === 'SingleTenant' ? TENANT_ID : undefined,
          },
          linkSecret: 'test-link-secret-0123456789',
        },
        // botbuilder takes its parameterized settings whole once one is given: the issuer too.
        authOverrides: { ToBotFromChannelOpenIdMetadataUrl: openid.metadataUrl, ToBotFromChannelTokenIssuer: CHANNEL_ISSUER },
      });
      await importFixture(h.db);
    });
    afterAll(async () => {
      await h?.close();
      await openid?.stop();
    });

    /** A card action from Carla (answered in the HTTP response: no outgoing call to Teams needed offline). */
    async function press(authorization: string | undefined, options: { tenantId?: string; serviceUrl?: string } = {}) {
      const client = h.client(PEOPLE.carla, undefined, options);
      const body = {
        ...(client as unknown as { base(): Record<string, unknown> }).base(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'menu.help', data: {} }, trigger: 'manual' },
      };
      const res = await fetch(h.botUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text };
    }
    const bearer = (token: string) => `Bearer ${token}`;
    const good = () => openid.sign({ aud: APP_ID, serviceurl: h.connector.url });
    const nothingStored = async () => {
      expect(await h.db.prisma.tenantService.count()).toBe(0);
      expect(await h.db.prisma.personalConversation.count()).toBe(0);
    };

    const refused: [string, () => string | undefined][] = [
      ['no Authorization header', () => undefined],
      ['an empty header', () => ''],
      ['a header that is no bearer token', () => 'Basic dXNlcjpwYXNz'],
      ['an expired token', () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url, expiresInSeconds: -600 }))],
      ['a token not valid yet', () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url, notBeforeSeconds: 900 }))],
      [
        'a token for another bot (audience)',
        () => bearer(openid.sign({ aud: '00000000-1111-4222-8333-444444444444', serviceurl: h.connector.url })),
      ],
      ['a token of another issuer', () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url, iss: 'https://issuer.example' }))],
      ['a token signed with an unpublished key', () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url }, openid.stranger))],
      [
        'a published key id but another key',
        () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url }, openid.stranger, openid.key.kid)),
      ],
      ['a key not endorsed for Teams', () => bearer(openid.sign({ aud: APP_ID, serviceurl: h.connector.url }, openid.unendorsed))],
      [
        "a serviceurl claim other than the activity's",
        () => bearer(openid.sign({ aud: APP_ID, serviceurl: 'https://smba.example/emea/' })),
      ],
    ];
    for (const [name, header] of refused) {
      it(`refuses ${name} with 401, and stores nothing`, async () => {
        const res = await press(header());
        expect(res.status).toBe(401);
        expect(res.body).not.toContain('SOT-bot'); // no card, no help text
        await nothingStored();
      });
    }

    it('accepts a valid token and answers the card action', async () => {
      const res = await press(bearer(good()));
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body);
      expect(textOf(body.value)).toContain('SOT-bot');
    });

    it('refuses a valid token from another tenant with a refusal card, before any lookup', async () => {
      const before = await h.db.prisma.auditEntry.count();
      const res = await press(bearer(good()), { tenantId: OTHER_TENANT });
      expect(res.status).toBe(200); // Teams only shows a card answered with 200
      expect(textOf(JSON.parse(res.body).value)).toContain('andere organisatie');
      expect(await h.db.prisma.auditEntry.count()).toBe(before);
      const message = await fetch(h.botUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: bearer(good()) },
        body: JSON.stringify({
          ...(
            h.client(
              PEOPLE.carla,
              { id: '19:x@thread.tacv2', type: 'channel', teamId: '19:t@thread.tacv2', channelId: '19:x@thread.tacv2' },
              { tenantId: OTHER_TENANT },
            ) as unknown as { base(): Record<string, unknown> }
          ).base(),
          type: 'message',
          text: 'help',
        }),
      });
      expect(message.status).toBe(403);
    });
  });
}
