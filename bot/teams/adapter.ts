import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { BotCredentials } from '../config.ts';

function authOptions(credentials?: BotCredentials): ConfigurationBotFrameworkAuthenticationOptions {
  // Empty strings = local mode: no token checks on incoming requests, no tokens on outgoing ones.
  return {
    MicrosoftAppId: credentials?.appId ?? '',
    MicrosoftAppPassword: credentials?.appPassword ?? '',
    MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials?.tenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

export function createTeamsAdapter(credentials?: BotCredentials): TeamsAdapter {
  return new TeamsAdapter(authOptions(credentials));
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
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}

export type ConnectorClients = ReturnType<typeof createConnectorClients>;
