import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { StatusCodes } from 'botbuilder';
import type { BotCredentials } from '../config.ts';

/**
 * Test-only: where botbuilder finds the keys and issuer of channel tokens (test/support/openid.ts serves
 * a local OpenID metadata document). Production always uses botbuilder's own defaults.
 */
export type AuthOverrides = Pick<
  Partial<ConfigurationBotFrameworkAuthenticationOptions>,
  'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromChannelTokenIssuer'
>;

function authOptions(credentials?: BotCredentials, overrides: AuthOverrides = {}): ConfigurationBotFrameworkAuthenticationOptions {
  // Empty strings = local mode: no token checks on incoming requests, no tokens on outgoing ones.
  // SingleTenant passes the tenant, so botbuilder also checks it in tokens issued by the tenant.
  return {
    MicrosoftAppId: credentials?.appId ?? '',
    MicrosoftAppPassword: credentials?.appPassword ?? '',
    MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials?.tenantId ?? '',
    ...overrides,
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

/**
 * botbuilder lets a token with a bad signature or a future `nbf` escape as a plain jsonwebtoken error,
 * which it answers with 500; those are the caller's fault and get 401 like every other bad token.
 */
class SotTeamsAdapter extends TeamsAdapter {
  override async processActivity(...args: any[]): Promise<any> {
    try {
      return await (super.processActivity as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    } catch (err) {
      const name = (err as Error | undefined)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
        throw new AuthenticationError('Unauthorized. Invalid token.', StatusCodes.UNAUTHORIZED);
      }
      throw err;
    }
  }
}

export function createTeamsAdapter(credentials?: BotCredentials, overrides?: AuthOverrides): TeamsAdapter {
  return new SotTeamsAdapter(authOptions(credentials, overrides));
}

/** Creates Bot Connector clients for proactive sends (the delivery worker). */
export function createConnectorClients(credentials?: BotCredentials) {
  const auth = new ConfigurationBotFrameworkAuthentication(authOptions(credentials));
  const appId = credentials?.appId ?? '';
  const claims = new ClaimsIdentity([
    { type: AuthenticationConstants.AudienceClaim, value: appId },
    { type: AuthenticationConstants.AppIdClaim, value: appId },
  ]);
  const factory = auth.createConnectorFactory(claims);
  const clients = new Map<string, Promise<ConnectorClient>>();
  return {
    appId,
    forServiceUrl(serviceUrl: string): Promise<ConnectorClient> {
      let client = clients.get(serviceUrl);
      if (!client) {
        client = factory.create(serviceUrl, undefined).then(withoutBuiltInRetries);
        clients.set(serviceUrl, client);
      }
      return client;
    },
  };
}
/**
 * The connector's HTTP pipeline retries and waits out 429s inside the call. The durable outbox
 * does that instead (it survives restarts and keeps the worker free), so the built-in retry goes.
 */
function withoutBuiltInRetries(client: ConnectorClient): ConnectorClient {
  // The pipeline is not part of the connector's typed API; it is looked up and used only if it is there.
  const pipeline: unknown = Reflect.get(Reflect.get(client, 'client') ?? {}, 'pipeline');
  if (pipeline && typeof Reflect.get(pipeline, 'removePolicy') === 'function') {
    Reflect.apply(Reflect.get(pipeline, 'removePolicy'), pipeline, [{ name: 'defaultRetryPolicy' }]);
  }
  return client;
}

export type ConnectorClients = ReturnType<typeof createConnectorClients>;
