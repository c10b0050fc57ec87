// A local stand-in for the Bot Framework's OpenID metadata and signing keys, so the real token checks
// of botbuilder run offline: tokens are signed here with keys this server publishes.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

interface SigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
}

function newKey(kid: string): SigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

export class LocalOpenId {
  /** Published, endorsed for msteams. */
  readonly key = newKey('key-teams');
  /** Published, but without the msteams endorsement. */
  readonly unendorsed = newKey('key-other-channel');
  /** Never published. */
  readonly stranger = newKey('key-unknown');
  private server?: http.Server;
  url = '';

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    const jwk = (k: SigningKey, endorsements: string[]) => ({
      ...k.publicKey.export({ format: 'jwk' }),
      kid: k.kid,
      use: 'sig',
      alg: 'RS256',
      endorsements,
    });
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(
          JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }),
        );
      } else if (req.url === '/v1/keys') {
        res.end(JSON.stringify({ keys: [jwk(this.key, ['msteams']), jwk(this.unendorsed, ['webchat'])] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /**
   * A channel token as Teams' Bot Connector sends it. Real time, not the test clock: botbuilder checks
   * `exp` and `nbf` against the machine's clock.
   */
  sign(
    claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number; notBeforeSeconds?: number },
    key: SigningKey = this.key,
    kid = key.kid,
  ): string {
    // The real clock on purpose: botbuilder checks nbf/exp against the process's own clock, whatever the
    // test clock says; a token is always valid for a short window around the moment it is made.
    const now = Math.floor(Date.now() / 1000);
    return jwt.sign(
      {
        iss: claims.iss ?? CHANNEL_ISSUER,
        aud: claims.aud,
        serviceurl: claims.serviceurl,
        nbf: now + (claims.notBeforeSeconds ?? -60),
        exp: now + (claims.expiresInSeconds ?? 3600),
      },
      key.privateKey,
      { algorithm: 'RS256', keyid: kid, noTimestamp: false },
    );
  }
}
